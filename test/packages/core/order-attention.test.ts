import { Orders } from '@market/core'
import { describe, expect, it } from 'vitest'
import { anOrder } from '../../support/orders.ts'

const at = new Date('2026-03-01T09:30:00.000Z')
const transfer = { reference: 'ICBC 1', paidAt: at.toISOString(), recordedAt: at.toISOString() }
const both = (order: Orders.StoredOrder) => ({
  buyer: Orders.attentionOf(order, 'buyer'),
  supplier: Orders.attentionOf(order, 'supplier'),
})

describe('what an order waits for from each party', () => {
  it('an unpaid order waits for the buyer to pay (待付款), not for the supplier', () => {
    expect(both(anOrder())).toEqual({ buyer: 'pay', supplier: null })
  })

  it('a recorded transfer waits for the supplier to confirm it (待确认收款), overdue or not, and no longer for the buyer', () => {
    const recorded = Orders.advance(anOrder(), 'record_transfer', at, { payment: { transfer } })
    expect(both(recorded)).toEqual({ buyer: null, supplier: 'confirm_transfer' })
    const overdue = Orders.advance(recorded, 'flag_overdue', at, { flags: [{ kind: 'transfer_overdue', at: at.toISOString() }] })
    expect(both(overdue)).toEqual({ buyer: null, supplier: 'confirm_transfer' })
  })

  it('a paid order waits for shipping (待发货), a shipped one for receipt (待收货), a delivered one for its rating (待评价)', () => {
    const paid = Orders.advance(anOrder(), 'confirm_payment', at)
    const shipped = Orders.advance(paid, 'ship', at)
    const delivered = Orders.advance(shipped, 'receive', at)
    const completed = Orders.advance(delivered, 'complete', at)
    expect([paid, shipped, delivered, completed].map(both)).toEqual([
      { buyer: null, supplier: 'ship' },
      { buyer: 'receive', supplier: null },
      { buyer: 'rate', supplier: null },
      { buyer: 'rate', supplier: null },
    ])
  })

  it('waits for nobody once rated, cancelled, disputed or resolved', () => {
    const delivered = Orders.advance(Orders.advance(Orders.advance(anOrder(), 'confirm_payment', at), 'ship', at), 'receive', at)
    const disputed = Orders.advance(delivered, 'dispute', at)
    expect(both({ ...delivered, ratingId: 'R1' })).toEqual({ buyer: null, supplier: null })
    expect(both(Orders.advance(anOrder(), 'cancel', at))).toEqual({ buyer: null, supplier: null })
    expect(both(disputed)).toEqual({ buyer: null, supplier: null })
    expect(both(Orders.advance(disputed, 'resolve', at))).toEqual({ buyer: null, supplier: null })
  })
})
