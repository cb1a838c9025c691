import type { AttentionCounts, PartyOrder } from '@market/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import { startTestMarket, type TestMarket } from '../support/market.ts'
import { lhasaToday, orderCalls } from '../support/orders.ts'
import { rate } from '../support/ratings.ts'

type Account = Awaited<ReturnType<TestMarket['register']>>

let market: TestMarket
let calls: ReturnType<typeof orderCalls>

beforeAll(async () => {
  market = await startTestMarket('attention')
  calls = orderCalls(market)
})

/** A party's orders that wait for its next step, as `id: attention`. */
const needingAction = async (who: Account, role: 'buyer' | 'supplier') => {
  const answer = await market.call<{ items: PartyOrder[] }>(`/api/orders?role=${role}&needs=action`, { cookie: who.cookie })
  expect(answer.status).toBe(200)
  return answer.body.items.map((order) => `${order.id}: ${order.attention}`)
}
const attentionOf = async (who: { cookie: string }) =>
  (await market.call<AttentionCounts>('/api/me/attention', { cookie: who.cookie })).body

describe('orders that need the party’s action', () => {
  it('a recorded transfer is the supplier’s to confirm until confirmed; each step moves the order to the next party’s list, rating ends it', async () => {
    const supplier = await market.verifiedSupplier()
    const buyer = await market.register('buyer')
    const listing = await market.publishListing(supplier, { stock: 10, moq: 1, priceTiers: [{ minQty: 1, unitPriceFen: 5000 }] })
    const id = (await calls.order(buyer, { listingId: listing.id, quantity: 2 })).body.id

    expect(await needingAction(buyer, 'buyer')).toEqual([`${id}: pay`])
    expect(await needingAction(supplier, 'supplier')).toEqual([])
    expect(await attentionOf(buyer)).toEqual({ orders: 1, notifications: expect.any(Number), messages: 0 })

    const recorded = await calls.step(buyer, id, 'transfer', { reference: 'ICBC 8801', paidAt: lhasaToday() })
    expect(recorded.body.attention).toBeNull()
    expect(await needingAction(buyer, 'buyer')).toEqual([])
    expect(await needingAction(supplier, 'supplier')).toEqual([`${id}: confirm_transfer`])
    expect((await calls.view(supplier, id)).attention).toBe('confirm_transfer')
    expect((await attentionOf(supplier)).orders).toBe(1)
    // The whole list marks it too, not only the filter.
    const all = await market.call<{ items: PartyOrder[] }>('/api/orders?role=supplier', { cookie: supplier.cookie })
    expect(all.body.items.find((order) => order.id === id)?.attention).toBe('confirm_transfer')

    expect((await calls.step(supplier, id, 'confirm-payment')).body.attention).toBe('ship')
    expect(await needingAction(supplier, 'supplier')).toEqual([`${id}: ship`])
    await calls.step(supplier, id, 'ship', { carrier: '顺丰', trackingNumber: 'SF1' })
    expect(await needingAction(supplier, 'supplier')).toEqual([])
    expect(await needingAction(buyer, 'buyer')).toEqual([`${id}: receive`])
    await calls.step(buyer, id, 'receive')
    expect(await needingAction(buyer, 'buyer')).toEqual([`${id}: rate`])
    expect((await rate(market, buyer, id)).status).toBe(201)
    expect(await needingAction(buyer, 'buyer')).toEqual([])
    expect(await attentionOf(buyer)).toMatchObject({ orders: 0 })
  })

  it('a declined transfer leaves the supplier’s list; the filter combines with a status', async () => {
    const supplier = await market.verifiedSupplier()
    const buyer = await market.register('buyer')
    const listing = await market.publishListing(supplier, { stock: 10, moq: 1, priceTiers: [{ minQty: 1, unitPriceFen: 5000 }] })
    const declinedId = (await calls.order(buyer, { listingId: listing.id, quantity: 1 })).body.id
    const unpaidId = (await calls.order(buyer, { listingId: listing.id, quantity: 1 })).body.id
    await calls.step(buyer, declinedId, 'transfer', { reference: 'ICBC 8802', paidAt: lhasaToday() })
    expect(await needingAction(supplier, 'supplier')).toEqual([`${declinedId}: confirm_transfer`])
    await calls.step(supplier, declinedId, 'decline-transfer', { reason: '账上没有这笔款' })
    expect(await needingAction(supplier, 'supplier')).toEqual([])
    expect(await needingAction(buyer, 'buyer')).toEqual([`${unpaidId}: pay`])
    const paidOnly = await market.call<{ items: PartyOrder[] }>('/api/orders?role=buyer&needs=action&status=paid', {
      cookie: buyer.cookie,
    })
    expect(paidOnly.body.items).toEqual([])
  })

  it('an administrator’s counts are its queues', async () => {
    const admin = await market.signInAdmin()
    await market.register('supplier')
    const counts = await attentionOf(admin)
    expect(counts).toEqual({
      orders: 0,
      notifications: expect.any(Number),
      messages: 0,
      admin: {
        verifications: expect.any(Number),
        listings: expect.any(Number),
        ratings: expect.any(Number),
        flaggedOrders: expect.any(Number),
        disputes: expect.any(Number),
      },
    })
  })
})
