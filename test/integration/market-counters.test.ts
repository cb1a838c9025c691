import type { MetricsReport, PriceIndex } from '@market/contracts'
import { Metrics } from '@market/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { startTestMarket, type TestMarket, woolRequestInput } from '../support/market.ts'
import { orderCalls } from '../support/orders.ts'

/**
 * The figures of events as they happen through the API, each counted in its own transaction:
 * listings approved, a request posted, bid on and awarded, orders paid at once (on random shards,
 * none lost), one shipped on time and one disputed.
 */
let market: TestMarket
let calls: ReturnType<typeof orderCalls>

const inDays = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000).toISOString().slice(0, 10)

beforeAll(async () => {
  market = await startTestMarket('market-counters')
  calls = orderCalls(market)
})

describe('the market’s counters', () => {
  it('count each event of the day in the transaction that makes it, concurrent payments included', async () => {
    const supplier = await market.verifiedSupplier()
    const listing = await market.publishListing(supplier, { stock: 5000 })
    await market.publishListing(supplier, { categoryId: 'wool', unit: 'kg' })
    const buyer = await market.register('buyer')

    const rfq = (
      await market.call<{ id: string }>('/api/rfqs', { method: 'POST', cookie: buyer.cookie, body: woolRequestInput() })
    ).body
    const bid = await market.call<{ id: string }>(`/api/rfqs/${rfq.id}/bids`, {
      method: 'POST',
      cookie: supplier.cookie,
      body: { unitPriceFen: 6000, quantity: 200, leadTimeDays: 10, validUntil: inDays(20) },
    })
    const award = await market.call(`/api/rfqs/${rfq.id}/award`, {
      method: 'POST',
      cookie: buyer.cookie,
      body: { awards: [{ bidId: bid.body.id, quantity: 200 }] },
    })
    expect(award.status).toBe(200)

    const placed = await Promise.all(
      Array.from({ length: 12 }, (_, index) => calls.order(buyer, { listingId: listing.id, quantity: 10 + index })),
    )
    const paid = await Promise.all(placed.map((order) => calls.step(supplier, order.body.id, 'confirm-payment')))
    expect(paid.map((answer) => answer.status)).toEqual(placed.map(() => 200))
    const [first, second] = paid.map((answer) => answer.body)
    expect(
      (await calls.step(supplier, first?.id as string, 'ship', { carrier: '顺丰', trackingNumber: 'SF1234567890' })).status,
    ).toBe(200)
    expect((await calls.step(buyer, second?.id as string, 'dispute', { reason: 'damaged', details: '破损' })).status).toBe(200)

    const admin = await market.signInAdmin()
    const today = Metrics.cstDay(new Date())
    const report = await market.call<MetricsReport>(`/api/admin/metrics?from=${today}&to=${today}`, { cookie: admin.cookie })
    const gmvFen = paid.reduce((sum, answer) => sum + answer.body.totalFen, 0)
    expect(report.body.periods.at(-1)).toMatchObject({
      gmvFen,
      gmvByCategory: { 'yak-down': gmvFen },
      ordersPaid: 12,
      activeBuyers: 1,
      activeSuppliers: 1,
      newListings: 2,
      requestsPosted: 1,
      requestsAwarded: 1,
      requestsClosed: 1,
      fillRate: 1,
      medianFirstBidMinutes: 15,
      onTimeDeliveryRate: 1,
      disputeRate: 1 / 12,
      certifiedSuppliers: 0,
    })

    const index = await market.call<PriceIndex>('/api/market/price-index?material=yak-down&weeks=1')
    const prices = paid.map((answer) => answer.body.lines[0]?.unitPriceFen as number).sort((a, b) => a - b)
    expect(index.body.series).toEqual([
      expect.objectContaining({
        categoryId: 'yak-down',
        unit: 'm',
        trades: 12,
        points: [
          {
            week: Metrics.weekOf(today),
            trades: 12,
            medianUnitPriceFen: Metrics.weightedMedian(prices.map((unitPriceFen) => ({ unitPriceFen, trades: 1 }))),
          },
        ],
      }),
    ])
  })
})
