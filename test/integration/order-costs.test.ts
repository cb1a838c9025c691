import { createOrdersApp, createRfqsApp, type LogLine } from '@market/api'
import type { Bid, Listing, Order, Rfq } from '@market/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'
import { lhasaToday } from '../support/orders.ts'

type Account = Awaited<ReturnType<TestMarket['register']>>

let market: TestMarket
/** The orders and RFQ apps over the market's table, keeping their request log lines (each with its DynamoDB calls). */
let apps: { orders: ReturnType<typeof createOrdersApp>; rfqs: ReturnType<typeof createRfqsApp> }
const logs: LogLine[] = []
let suppliers: Account[]
let key = 0

beforeAll(async () => {
  market = await startTestMarket('order-costs')
  const deps = buildDeps(testMarketConfig(market.tableName), (line) => logs.push(line))
  apps = { orders: createOrdersApp(deps), rfqs: createRfqsApp(deps) }
  suppliers = [await market.verifiedSupplier('次仁'), await market.verifiedSupplier('扎西')]
  // Each trades brocade: its approved listing gives it the category, so it may bid on brocade requests.
  for (const supplier of suppliers) await market.publishListing(supplier, { categoryId: 'brocade' })
})

/** A keyed POST through the group's app: its answer and the DynamoDB calls its request log line counts. */
const send = async <T>(path: string, who: Account, body: unknown) => {
  const app = path.startsWith('/api/rfqs') ? apps.rfqs : apps.orders
  const response = await app.request(path, {
    method: 'POST',
    headers: { Cookie: who.cookie, 'Idempotency-Key': `cost-${key++}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  const requestId = response.headers.get('X-Request-Id')
  const line = logs.find((entry) => entry.msg === 'request' && entry.requestId === requestId)
  return { status: response.status, body: (await response.json()) as T, dynamoCalls: line?.dynamoCalls as number }
}

const listingOf = (supplier: Account, overrides: Record<string, unknown> = {}) =>
  market.publishListing(supplier, {
    stock: 1000,
    moq: 5,
    priceTiers: [{ minQty: 5, unitPriceFen: 12850 }],
    sample: { priceFen: 3555, description: { zh: '色卡一张' } },
    ...overrides,
  })

const placeOrder = (buyer: Account, listing: Listing, body: Record<string, unknown> = {}) =>
  send<Order>('/api/orders', buyer, { listingId: listing.id, quantity: 5, delivery: { method: 'pickup' }, ...body })

const days = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000)

/** A brocade request of the buyer's, with a bid of each supplier on it. */
const requestWithBids = async (buyer: Account) => {
  const rfq = await market.call<Rfq>('/api/rfqs', {
    method: 'POST',
    cookie: buyer.cookie,
    body: {
      title: '金花缎 300米',
      categoryId: 'brocade',
      specs: '红底金花，幅宽 74 厘米以上。',
      quantity: 300,
      unit: 'm',
      neededBy: days(30).toISOString().slice(0, 10),
      bidDeadline: new Date(Date.now() + 48 * 3600 * 1000).toISOString(),
    },
  })
  expect(rfq.status).toBe(201)
  const bids: Bid[] = []
  for (const [index, supplier] of suppliers.entries()) {
    const bid = await market.call<Bid>(`/api/rfqs/${rfq.body.id}/bids`, {
      method: 'POST',
      cookie: supplier.cookie,
      body: {
        unitPriceFen: 15000 + index * 100,
        quantity: 300,
        leadTimeDays: 10,
        validUntil: days(20).toISOString().slice(0, 10),
      },
    })
    expect(bid.status).toBe(201)
    bids.push(bid.body)
  }
  return { rfq: rfq.body, bids }
}

const award = (buyer: Account, rfq: Rfq, awards: { bidId: string; quantity: number }[]) =>
  send<{ orderIds: string[] }>(`/api/rfqs/${rfq.id}/award`, buyer, { awards })

const pay = async (buyer: Account, supplier: Account, orderId: string) => {
  const transfer = { reference: 'ICBC 8801', paidAt: lhasaToday() }
  const recorded = await market.call(`/api/orders/${orderId}/transfer`, { method: 'POST', cookie: buyer.cookie, body: transfer })
  expect(recorded.status).toBe(200)
  const confirmed = await market.call(`/api/orders/${orderId}/confirm-payment`, { method: 'POST', cookie: supplier.cookie })
  expect(confirmed.status).toBe(200)
}

const supplier = () => suppliers[0] as Account

describe('what placing an order costs', () => {
  // The session's read, which takes along the listing, the buyer's sample credit and the key's
  // answer; the read of the listing's supplier (its id is known only from the listing); the write.
  const placeCost = 3

  it('is one read of what it needs, the supplier’s, and one write: a bulk order, a sample, a bulk order with its sample credit', async () => {
    const listing = await listingOf(supplier())
    const buyer = await market.register('buyer')
    const bulk = await placeOrder(buyer, listing)
    expect(bulk.status).toBe(201)
    expect(bulk.dynamoCalls).toBeLessThanOrEqual(placeCost)

    const sample = await placeOrder(buyer, listing, { quantity: 1, sample: true })
    expect(sample.status).toBe(201)
    expect(sample.dynamoCalls).toBeLessThanOrEqual(placeCost)
    await pay(buyer, supplier(), sample.body.id)

    const credited = await placeOrder(buyer, listing)
    expect(credited.status).toBe(201)
    expect(credited.body.sampleCredit).toMatchObject({ orderId: sample.body.id, amountFen: 3555 })
    expect(credited.dynamoCalls).toBeLessThanOrEqual(placeCost)
  })

  it('checks the body it reads along once, as any body is checked: signed out 401, not JSON 415, malformed 400, invalid 400 naming the field; none takes stock', async () => {
    const listing = await listingOf(supplier())
    const buyer = await market.register('buyer')
    const post = (body: string, headers: Record<string, string>) =>
      apps.orders.request('/api/orders', { method: 'POST', headers: { 'Idempotency-Key': `cost-${key++}`, ...headers }, body })
    const json = { 'Content-Type': 'application/json' }
    const valid = JSON.stringify({ listingId: listing.id, quantity: 5, delivery: { method: 'pickup' } })
    expect((await post(valid, json)).status).toBe(401)
    expect((await post(valid, { Cookie: buyer.cookie, 'Content-Type': 'text/plain' })).status).toBe(415)
    expect((await post('{"listingId":', { Cookie: buyer.cookie, ...json })).status).toBe(400)
    const invalid = await post(JSON.stringify({ listingId: listing.id, quantity: 0, delivery: { method: 'pickup' } }), {
      Cookie: buyer.cookie,
      ...json,
    })
    expect(invalid.status).toBe(400)
    const { error } = (await invalid.json()) as { error: { code: string; details: { path: string[] }[] } }
    expect(error.code).toBe('request.invalid')
    expect(error.details.map((issue) => issue.path.join('.'))).toEqual(['quantity'])
    expect((await market.call<Listing>(`/api/listings/${listing.id}`)).body.stock).toBe(1000)
  })

  it('numbers 20 orders placed at once across listings, each once, without one failing', async () => {
    const listings = await Promise.all(Array.from({ length: 4 }, (_, index) => listingOf(suppliers[index % 2] as Account)))
    const buyers = await Promise.all(Array.from({ length: 4 }, () => market.register('buyer')))
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => placeOrder(buyers[index % 4] as Account, listings[index % 4] as Listing)),
    )
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201))
    const numbers = answers.map((answer) => answer.body.orderNumber ?? '')
    expect(numbers.every((number) => /^LS-\d{8}-[1-9]\d{5}$/.test(number))).toBe(true)
    expect(new Set(numbers).size).toBe(20)
    expect(Math.max(...answers.map((answer) => answer.dynamoCalls))).toBeLessThanOrEqual(placeCost)
  })
})

describe('what an award costs', () => {
  it('is the session’s read, one read of the request with its bids, and one write: a split award of two bids', async () => {
    const buyer = await market.register('buyer')
    const { rfq, bids } = await requestWithBids(buyer)
    const split = await award(
      buyer,
      rfq,
      bids.map((bid) => ({ bidId: bid.id, quantity: 150 })),
    )
    expect(split.status).toBe(200)
    expect(split.body.orderIds).toHaveLength(2)
    expect(split.dynamoCalls).toBeLessThanOrEqual(3)
  })

  it('tells the rejected bidders in the award’s write', async () => {
    const buyer = await market.register('buyer')
    const { rfq, bids } = await requestWithBids(buyer)
    const [chosen, other] = bids as [Bid, Bid]
    const whole = await award(buyer, rfq, [{ bidId: chosen.id, quantity: 300 }])
    expect(whole.status).toBe(200)
    expect(whole.dynamoCalls).toBeLessThanOrEqual(3)
    const rejected = suppliers.find((account) => account.user.id === other.supplier.id) as Account
    const inbox = await market.call<{ items: { type: string }[] }>('/api/notifications', { cookie: rejected.cookie })
    expect(inbox.body.items.map((item) => item.type)).toContain('rfq.bid_rejected')
  })

  it('lets awards of different requests at once all succeed, each order numbered once', async () => {
    const buyers = await Promise.all(Array.from({ length: 6 }, () => market.register('buyer')))
    const requests = []
    for (const buyer of buyers) requests.push(await requestWithBids(buyer))
    const answers = await Promise.all(
      requests.map(({ rfq, bids }, index) =>
        award(
          buyers[index] as Account,
          rfq,
          bids.map((bid) => ({ bidId: bid.id, quantity: 100 })),
        ),
      ),
    )
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200))
    expect(Math.max(...answers.map((answer) => answer.dynamoCalls))).toBeLessThanOrEqual(3)
    const orders = await Promise.all(
      answers.flatMap((answer, index) =>
        answer.body.orderIds.map((id) => market.call<Order>(`/api/orders/${id}`, { cookie: (buyers[index] as Account).cookie })),
      ),
    )
    const numbers = orders.map((order) => order.body.orderNumber ?? '')
    expect(numbers).toHaveLength(12)
    expect(new Set(numbers).size).toBe(12)
  })
})
