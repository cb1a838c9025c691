import { type ApiDeps, createOrdersApp, createRfqsApp } from '@market/api'
import type { Bid, Listing, Order, Rfq } from '@market/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import { startFakeStripe } from '../support/fake-stripe.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'

type Account = Awaited<ReturnType<TestMarket['register']>>
type Answer = {
  status: number
  body: { id?: string; orderIds?: string[]; sessionId?: string; error?: { code: string } }
  replayed: boolean
}

let market: TestMarket
let ports: ApiDeps
let supplier: Account
let listing: Listing

beforeAll(async () => {
  market = await startTestMarket('idempotency')
  ports = buildDeps(testMarketConfig(market.tableName), () => {})
  supplier = await market.verifiedSupplier()
  listing = await market.publishListing(supplier, { categoryId: 'brocade', stock: 10_000 })
})

/**
 * The orders and RFQ apps over the test table, as one server process runs them: its clock runs
 * `ahead` ms ahead, and `overrides` replace its ports (a crash, a stall).
 */
const server = (overrides: Partial<ApiDeps> = {}, ahead = 0) => {
  const deps: ApiDeps = {
    ...ports,
    clock: { now: () => new Date(Date.now() + ahead) },
    ...overrides,
  }
  const apps = { orders: createOrdersApp(deps), rfqs: createRfqsApp(deps) }
  return {
    send: async (path: string, who: Account, key: string, body?: unknown): Promise<Answer> => {
      const app = path.startsWith('/api/rfqs') ? apps.rfqs : apps.orders
      const response = await app.request(path, {
        method: 'POST',
        headers: { Cookie: who.cookie, 'Idempotency-Key': key, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return {
        status: response.status,
        body: (await response.json()) as Answer['body'],
        replayed: response.headers.get('Idempotent-Replayed') === 'true',
      }
    },
  }
}

/** A server that dies right after its writes: whatever it would do with the key afterwards never happens. */
const dyingServer = (overrides: Partial<ApiDeps> = {}) => {
  const died = () => Promise.reject(new Error('the server died'))
  return server({ ...overrides, idempotency: { ...ports.idempotency, keep: died } })
}

const orderBody = (quantity: number) => ({ listingId: listing.id, quantity, delivery: { method: 'pickup' } })

const ordersOf = async (buyer: Account) =>
  (await market.call<{ items: Order[] }>('/api/orders?role=buyer&limit=100', { cookie: buyer.cookie })).body.items

const stock = async () => (await market.call<Listing>(`/api/listings/${listing.id}`, { cookie: supplier.cookie })).body.stock

/** A promise and the function that settles it, to hold a request at a chosen point. */
const gate = () => {
  let open = () => {}
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return { opened, open }
}

describe('an Idempotency-Key across a crash', () => {
  it('answers a retry with the order the dead server wrote, and writes no second one', async () => {
    const buyer = await market.register('buyer')
    const before = await stock()
    await dyingServer().send('/api/orders', buyer, 'crash-1', orderBody(7))
    const retry = await server().send('/api/orders', buyer, 'crash-1', orderBody(7))
    expect(retry.status).toBe(201)
    expect(retry.replayed).toBe(true)
    const orders = await ordersOf(buyer)
    expect(orders.map((order) => order.id)).toEqual([retry.body.id])
    expect(await stock()).toBe(before - 7)
  })

  it('lets a request held up while a retry wrote write nothing when it wakes up, and answers it with the retry’s order', async () => {
    const buyer = await market.register('buyer')
    const before = await stock()
    const stall = gate()
    const reached = gate()
    const orders: ApiDeps['orders'] = {
      ...ports.orders,
      place: async (input) => {
        reached.open()
        await stall.opened
        return ports.orders.place(input)
      },
    }
    const sleeper = server({ orders }).send('/api/orders', buyer, 'stall-1', orderBody(5))
    await reached.opened
    const retry = await server().send('/api/orders', buyer, 'stall-1', orderBody(5))
    expect(retry.status).toBe(201)
    stall.open()
    // Its write is refused on the key, which the retry answered: it answers with the retry's order (it used to be a 409).
    const woken = await sleeper
    expect(woken).toMatchObject({ status: 201, replayed: true, body: { id: retry.body.id } })
    expect((await ordersOf(buyer)).map((order) => order.id)).toEqual([retry.body.id])
    expect(await stock()).toBe(before - 5)
    const later = await server({}, 3600 * 1000).send('/api/orders', buyer, 'stall-1', orderBody(5))
    expect(later).toMatchObject({ status: 201, replayed: true, body: { id: retry.body.id } })
  })

  it('answers a retried award with the awarded orders when the server died after the award', async () => {
    const buyer = await market.register('buyer')
    const rfq = await market.call<Rfq>('/api/rfqs', {
      method: 'POST',
      cookie: buyer.cookie,
      body: {
        title: '金花缎 100米',
        categoryId: 'brocade',
        specs: '红底金花，幅宽 74 厘米以上。',
        quantity: 100,
        unit: 'm',
        neededBy: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10),
        bidDeadline: new Date(Date.now() + 48 * 3600 * 1000).toISOString(),
      },
    })
    const bid = await market.call<Bid>(`/api/rfqs/${rfq.body.id}/bids`, {
      method: 'POST',
      cookie: supplier.cookie,
      body: {
        unitPriceFen: 15000,
        quantity: 100,
        leadTimeDays: 10,
        validUntil: new Date(Date.now() + 20 * 24 * 3600 * 1000).toISOString().slice(0, 10),
      },
    })
    const award = { awards: [{ bidId: bid.body.id, quantity: 100 }] }
    await dyingServer().send(`/api/rfqs/${rfq.body.id}/award`, buyer, 'award-1', award)
    const retry = await server().send(`/api/rfqs/${rfq.body.id}/award`, buyer, 'award-1', award)
    expect(retry.status).toBe(200)
    expect(retry.replayed).toBe(true)
    expect((await ordersOf(buyer)).map((order) => order.id)).toEqual(retry.body.orderIds)
  })

  it('answers a retried checkout with the first Checkout Session when the server died after it', async () => {
    const stripe = await startFakeStripe()
    try {
      const buyer = await market.register('buyer')
      const placed = await server().send('/api/orders', buyer, 'place-2', orderBody(5))
      const payments = async () => stripe.gateway
      await dyingServer({ payments }).send(`/api/orders/${placed.body.id}/checkout`, buyer, 'checkout-1')
      const retry = await server({ payments }).send(`/api/orders/${placed.body.id}/checkout`, buyer, 'checkout-1')
      expect(retry).toMatchObject({ status: 200, replayed: true })
      const sessions = stripe.calls.filter((call) => call.path === '/v1/checkout/sessions')
      expect(sessions).toHaveLength(1)
      expect(retry.body.sessionId).toBe('cs_test_1')
    } finally {
      await stripe.close()
    }
  })
})

describe('an Idempotency-Key’s life', () => {
  it('replays a refusal, and lets the key run again after a failure on the server’s side', async () => {
    const buyer = await market.register('buyer')
    const belowMinimum = await server().send('/api/orders', buyer, 'refused-1', orderBody(1))
    expect(belowMinimum.status).toBe(422)
    expect(await server().send('/api/orders', buyer, 'refused-1', orderBody(1))).toMatchObject({ status: 422, replayed: true })

    const orders: ApiDeps['orders'] = { ...ports.orders, place: () => Promise.reject(new Error('DynamoDB fell over')) }
    expect((await server({ orders }).send('/api/orders', buyer, 'failed-1', orderBody(5))).status).toBe(500)
    const retry = await server().send('/api/orders', buyer, 'failed-1', orderBody(5))
    expect(retry).toMatchObject({ status: 201, replayed: false })
    expect((await ordersOf(buyer)).map((order) => order.id)).toEqual([retry.body.id])
  })

  it('is a new key after its day: the same key then places a new order', async () => {
    const buyer = await market.register('buyer')
    const first = await server().send('/api/orders', buyer, 'daily-1', orderBody(5))
    const sameDay = await server({}, 23 * 3600 * 1000).send('/api/orders', buyer, 'daily-1', orderBody(6))
    expect(sameDay.status).toBe(422)
    const nextDay = await server({}, 25 * 3600 * 1000).send('/api/orders', buyer, 'daily-1', orderBody(6))
    expect(nextDay).toMatchObject({ status: 201, replayed: false })
    expect((await ordersOf(buyer)).map((order) => order.id).sort()).toEqual([first.body.id, nextDay.body.id].sort())
  })
})
