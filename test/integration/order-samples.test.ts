import type { Listing } from '@market/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import { startTestMarket, type TestMarket } from '../support/market.ts'
import { lhasaToday, orderCalls } from '../support/orders.ts'

type Account = Awaited<ReturnType<TestMarket['register']>>

let market: TestMarket
let supplier: Account
let calls: ReturnType<typeof orderCalls>

beforeAll(async () => {
  market = await startTestMarket('order-samples')
  supplier = await market.verifiedSupplier()
  calls = orderCalls(market)
})

/** A listing of pulu at 128.50 yuan a metre (from 5 m), offering a colour card for 35.55 yuan. */
const listingWithSample = (overrides: Record<string, unknown> = {}) =>
  market.publishListing(supplier, {
    stock: 100,
    moq: 5,
    priceTiers: [{ minQty: 5, unitPriceFen: 12850 }],
    sample: { priceFen: 3555, description: { zh: '色卡一张，含 12 色', en: 'A colour card of 12 colours' } },
    ...overrides,
  })

/** The buyer pays by bank transfer and the supplier confirms it. */
const pay = async (buyer: Account, orderId: string) => {
  expect((await calls.step(buyer, orderId, 'transfer', { reference: 'ICBC 8801', paidAt: lhasaToday() })).status).toBe(200)
  const confirmed = await calls.step(supplier, orderId, 'confirm-payment')
  expect(confirmed.status).toBe(200)
  return confirmed.body
}

const stockOf = (listing: Listing) => calls.stockOf(listing, supplier)

describe('samples', () => {
  it('orders one sample with no minimum and takes no stock; its price comes off the next bulk order, to the fen', async () => {
    const listing = await listingWithSample()
    expect(listing.sample).toEqual({
      priceFen: 3555,
      description: { zh: '色卡一张，含 12 色', en: 'A colour card of 12 colours' },
    })
    const buyer = await market.register('buyer')

    const sample = await calls.order(buyer, { listingId: listing.id, quantity: 1, sample: true })
    expect(sample.status).toBe(201)
    expect(sample.body).toMatchObject({
      sample: true,
      totalFen: 3555,
      lines: [{ quantity: 1, unitPriceFen: 3555, amountFen: 3555 }],
    })
    expect(await stockOf(listing)).toBe(100)
    const creditOf = async () =>
      (
        await market.call<{ credit: { amountFen: number } | null }>(`/api/orders/sample-credit?listingId=${listing.id}`, {
          cookie: buyer.cookie,
        })
      ).body.credit
    expect(await creditOf()).toBeNull()
    await pay(buyer, sample.body.id)
    expect(await creditOf()).toMatchObject({ amountFen: 3555 })

    // 7 m at 128.50 = 899.50 yuan, less the 35.55 sample: 863.95 yuan.
    const bulk = await calls.order(buyer, { listingId: listing.id, quantity: 7 })
    expect(bulk.status).toBe(201)
    expect(bulk.body.lines[0]).toMatchObject({ quantity: 7, amountFen: 89_950 })
    expect(bulk.body.sampleCredit).toMatchObject({ orderId: sample.body.id, amountFen: 3555 })
    expect(bulk.body.totalFen).toBe(86_395)
    expect(await stockOf(listing)).toBe(93)
    expect(await creditOf()).toBeNull()

    // The credit is used once: the order after that pays the full price.
    const next = await calls.order(buyer, { listingId: listing.id, quantity: 7 })
    expect(next.body.sampleCredit).toBeUndefined()
    expect(next.body.totalFen).toBe(89_950)
  })

  it('gives the credit back when the bulk order that took it is cancelled unpaid', async () => {
    const listing = await listingWithSample()
    const buyer = await market.register('buyer')
    const sample = await calls.order(buyer, { listingId: listing.id, quantity: 1, sample: true })
    await pay(buyer, sample.body.id)
    const bulk = await calls.order(buyer, { listingId: listing.id, quantity: 5 })
    expect(bulk.body.totalFen).toBe(5 * 12850 - 3555)
    expect((await calls.step(buyer, bulk.body.id, 'cancel', { reason: '数量下错了' })).status).toBe(200)
    const again = await calls.order(buyer, { listingId: listing.id, quantity: 6 })
    expect(again.body.totalFen).toBe(6 * 12850 - 3555)
  })

  it('allows one open sample order per buyer and listing; another once it is cancelled', async () => {
    const listing = await listingWithSample()
    const buyer = await market.register('buyer')
    const other = await market.register('buyer')
    const [first, second] = await Promise.all([
      calls.order(buyer, { listingId: listing.id, quantity: 1, sample: true }),
      calls.order(buyer, { listingId: listing.id, quantity: 1, sample: true }),
    ])
    expect([first.status, second.status].sort()).toEqual([201, 409])
    const refused = first.status === 409 ? first : second
    expect(refused.body.error.code).toBe('order.sample_open')
    expect((await calls.order(other, { listingId: listing.id, quantity: 1, sample: true })).status).toBe(201)
    const open = first.status === 201 ? first : second
    expect((await calls.step(buyer, open.body.id, 'cancel', { reason: '换一家' })).status).toBe(200)
    expect(await stockOf(listing)).toBe(100)
    expect((await calls.order(buyer, { listingId: listing.id, quantity: 1, sample: true })).status).toBe(201)
  })

  it('refuses a sample of a listing that offers none, or more than one sample, and an unpaid sample credits nothing', async () => {
    const plain = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const none = await calls.order(buyer, { listingId: plain.id, quantity: 1, sample: true })
    expect(none.status).toBe(422)
    expect(none.body.error.code).toBe('order.no_sample')
    const listing = await listingWithSample()
    expect((await calls.order(buyer, { listingId: listing.id, quantity: 3, sample: true })).status).toBe(400)
    expect((await calls.order(buyer, { listingId: listing.id, quantity: 1, sample: true })).status).toBe(201)
    const bulk = await calls.order(buyer, { listingId: listing.id, quantity: 5 })
    expect(bulk.body.sampleCredit).toBeUndefined()
    expect(bulk.body.totalFen).toBe(5 * 12850)
  })

  it('lets the supplier stop offering a sample with an edit', async () => {
    const listing = await listingWithSample()
    const edited = await market.call<Listing>(`/api/listings/${listing.id}`, {
      method: 'PATCH',
      cookie: supplier.cookie,
      body: { version: listing.version, sample: null },
    })
    expect(edited.status).toBe(200)
    expect(edited.body.sample).toBeUndefined()
    const buyer = await market.register('buyer')
    expect((await calls.order(buyer, { listingId: listing.id, quantity: 1, sample: true })).status).toBe(422)
  })
})
