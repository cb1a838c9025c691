import { Orders } from '@market/core'
import { describe, expect, it } from 'vitest'
import { anOrder } from '../../support/orders.ts'

const sampleOrder = anOrder({
  id: 'SAMPLEORDER',
  orderNumber: 'LS-20260301-0007',
  sample: true,
  lines: [{ listingId: 'LISTING1', title: { zh: '氆氇' }, unit: 'm', quantity: 1, unitPriceFen: 3555, amountFen: 3555 }],
  totalFen: 3555,
})
const paidAt = '2026-03-01T10:00:00.000Z'
const paid = { ...sampleOrder, status: 'paid' as const, payment: { paidAt } }
const now = new Date('2026-03-05T00:00:00.000Z')

describe('sample rules', () => {
  it('turns a paid sample into a credit of its price for 60 days', () => {
    expect(Orders.sampleChangesOf(sampleOrder, paid, now)).toEqual({
      grantCredit: {
        buyerId: 'BUYER1',
        listingId: 'LISTING1',
        orderId: 'SAMPLEORDER',
        orderNumber: 'LS-20260301-0007',
        amountFen: 3555,
        until: '2026-04-30T10:00:00.000Z',
      },
    })
  })

  it('releases the buyer’s hold when the sample order ends, not before', () => {
    expect(Orders.sampleChangesOf(paid, { ...paid, status: 'shipped' }, now)).toEqual({})
    expect(Orders.sampleChangesOf(paid, { ...paid, status: 'completed' }, now).releaseHold).toEqual({
      buyerId: 'BUYER1',
      listingId: 'LISTING1',
    })
    expect(Orders.sampleChangesOf(sampleOrder, { ...sampleOrder, status: 'cancelled' }, now)).toEqual({
      releaseHold: { buyerId: 'BUYER1', listingId: 'LISTING1' },
    })
  })

  it('takes the credit away when the sample’s money goes back to the buyer', () => {
    const refunded = {
      ...paid,
      status: 'resolved' as const,
      payment: { paidAt, refund: { amountFen: 3555, at: '2026-03-04T00:00:00.000Z', via: 'offline' as const } },
    }
    expect(Orders.sampleChangesOf({ ...paid, status: 'disputed' }, refunded, now)).toEqual({
      releaseHold: { buyerId: 'BUYER1', listingId: 'LISTING1' },
      revokeCredit: { buyerId: 'BUYER1', listingId: 'LISTING1' },
    })
  })

  it('credits no more than the goods, and nothing once the credit is past its date', () => {
    const credit = { buyerId: 'B', listingId: 'L', orderId: 'S', amountFen: 3555, until: '2026-04-30T10:00:00.000Z' }
    expect(Orders.creditOn(credit, 89_950, now)).toBe(3555)
    expect(Orders.creditOn(credit, 2000, now)).toBe(2000)
    expect(Orders.creditOn(credit, 89_950, new Date('2026-04-30T10:00:00.000Z'))).toBe(0)
    expect(Orders.creditOn(undefined, 89_950, now)).toBe(0)
  })

  it('gives the whole credit back when a bulk order cancelled unpaid took it, while it is still valid', () => {
    const sampleCredit = { orderId: 'S', amountFen: 2000, valueFen: 3555, until: '2026-04-30T10:00:00.000Z' }
    const bulk = anOrder({ sampleCredit })
    const cancelled = { ...bulk, status: 'cancelled' as const }
    expect(Orders.sampleChangesOf(bulk, cancelled, now).grantCredit).toMatchObject({ orderId: 'S', amountFen: 3555 })
    expect(Orders.sampleChangesOf(bulk, cancelled, new Date('2026-05-01T00:00:00.000Z'))).toEqual({})
  })
})
