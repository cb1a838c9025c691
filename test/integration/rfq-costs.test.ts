import { createRfqsApp, type LogLine } from '@market/api'
import type { Bid, Rfq } from '@market/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'

/**
 * The cost rule of issue 16 for purchase requests: a feed page and a bid are at most 2 DynamoDB
 * requests each, the session's read included, and a feed page reads a number of items bounded by
 * its size however many requests the market holds. Counted from the request log, which counts
 * every request the DynamoDB client sends and the items it read.
 */
type Account = Awaited<ReturnType<TestMarket['register']>>
type ErrorBody = { error: { code: string } }
type FeedPage = { items: (Rfq & { myBidStatus?: string })[]; nextCursor: string | null }

let market: TestMarket
let buyer: Account
let supplier: Account
let call: <T>(
  path: string,
  who: Account,
  init?: { method?: string; body?: unknown },
) => Promise<{ status: number; body: T; dynamoCalls: number; itemsRead: number }>

const inDays = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000).toISOString().slice(0, 10)

const post = async (categoryId: string, n: number) => {
  const answer = await market.call<Rfq>('/api/rfqs', {
    method: 'POST',
    cookie: buyer.cookie,
    body: {
      title: `成本测试 ${categoryId} ${n}`,
      categoryId,
      specs: '本色，手纺。',
      quantity: 100,
      unit: 'kg',
      neededBy: inDays(30),
      bidDeadline: new Date(Date.now() + (5 + n) * 3600 * 1000).toISOString(),
    },
  })
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  return answer.body
}

const bidBody = (overrides: Record<string, unknown> = {}) => ({
  unitPriceFen: 4200,
  quantity: 100,
  leadTimeDays: 7,
  validUntil: inDays(20),
  ...overrides,
})

beforeAll(async () => {
  market = await startTestMarket('rfq-costs')
  buyer = await market.register('buyer', '卓玛')
  supplier = await market.verifiedSupplier('顿珠')
  await market.publishListing(supplier, { categoryId: 'wool' })
  const logs: LogLine[] = []
  const app = createRfqsApp(buildDeps(testMarketConfig(market.tableName), (line) => logs.push(line)))
  call = async (path, who, init = {}) => {
    const response = await app.request(path, {
      method: init.method ?? 'GET',
      headers: { Cookie: who.cookie, 'Content-Type': 'application/json' },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    })
    const body = await response.json()
    const line = logs.findLast((entry) => entry.msg === 'request')
    return {
      status: response.status,
      body,
      dynamoCalls: line?.dynamoCalls as number,
      itemsRead: line?.dynamoItemsRead as number,
    }
  }
})

describe('the supplier feed', () => {
  it('is 2 DynamoDB requests a page, reading at most the session, the user and twice the page, however many requests there are', async () => {
    const limit = 4
    // The session's two items, and the Query's read-ahead of twice the page.
    const bound = 2 + 2 * limit
    const first = await post('wool', 0)
    const few = await call<FeedPage>(`/api/rfqs/feed?limit=${limit}`, supplier)
    expect(few.status).toBe(200)
    expect(few.body.items.map((rfq) => rfq.id)).toContain(first.id)
    expect(few.dynamoCalls).toBeLessThanOrEqual(2)
    expect(few.itemsRead).toBeLessThanOrEqual(bound)

    // Many more, most of them in categories the supplier does not trade.
    for (let n = 1; n <= 40; n++) await post(n % 4 === 0 ? 'wool' : 'silk', n)
    const many = await call<FeedPage>(`/api/rfqs/feed?limit=${limit}`, supplier)
    expect(many.status).toBe(200)
    expect(many.dynamoCalls).toBeLessThanOrEqual(2)
    expect(many.itemsRead).toBeLessThanOrEqual(bound)
    expect(many.body.nextCursor).not.toBeNull()

    // Every page to the end costs the same, and together they hold every wool request, soonest deadline first.
    const seen: string[] = []
    let cursor: string | null = null
    for (let pages = 0; pages < 100; pages++) {
      const page: Awaited<ReturnType<typeof call<FeedPage>>> = await call<FeedPage>(
        `/api/rfqs/feed?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        supplier,
      )
      expect(page.dynamoCalls).toBeLessThanOrEqual(2)
      expect(page.itemsRead).toBeLessThanOrEqual(bound)
      seen.push(...page.body.items.filter((rfq) => rfq.title.startsWith('成本测试')).map((rfq) => rfq.title))
      cursor = page.body.nextCursor
      if (!cursor) break
    }
    expect(cursor).toBeNull()
    expect(seen).toEqual(Array.from({ length: 11 }, (_, index) => `成本测试 wool ${index * 4}`))
  })
})

describe('a bid', () => {
  it('is 2 DynamoDB requests, session included: a first bid, a revision and a withdrawal', async () => {
    const rfq = await post('wool', 1)
    const placed = await call<Bid>(`/api/rfqs/${rfq.id}/bids`, supplier, { method: 'POST', body: bidBody() })
    expect(placed.status).toBe(201)
    expect(placed.dynamoCalls).toBeLessThanOrEqual(2)

    const revised = await call<Bid>(`/api/rfqs/${rfq.id}/bids`, supplier, {
      method: 'POST',
      body: bidBody({ unitPriceFen: 4100 }),
    })
    expect(revised.status).toBe(200)
    expect(revised.body.history).toHaveLength(1)
    expect(revised.dynamoCalls).toBeLessThanOrEqual(2)

    const feed = await call<FeedPage>('/api/rfqs/feed?limit=50&category=wool', supplier)
    expect(feed.body.items.find((item) => item.id === rfq.id)?.myBidStatus).toBe('revised')

    const withdrawn = await call<Bid>(`/api/rfqs/${rfq.id}/bids/mine/withdraw`, supplier, { method: 'POST' })
    expect(withdrawn.status).toBe(200)
    expect(withdrawn.body.status).toBe('withdrawn')
    expect(withdrawn.dynamoCalls).toBeLessThanOrEqual(2)
  })

  it('still checks the session it reads along: signed out 401, a buyer 403, a suspended supplier 403, a bad id 400, a stranger’s request 404', async () => {
    const rfq = await post('wool', 2)
    const buyerBid = await call<ErrorBody>(`/api/rfqs/${rfq.id}/bids`, buyer, { method: 'POST', body: bidBody() })
    expect(buyerBid.status).toBe(403)
    const badId = await call<ErrorBody>('/api/rfqs/%20%00/bids', supplier, { method: 'POST', body: bidBody() })
    expect(badId.status).toBe(400)
    const missing = await call<ErrorBody>('/api/rfqs/01HZZZZZZZZZZZZZZZZZZZZZZZ/bids', supplier, {
      method: 'POST',
      body: bidBody(),
    })
    expect(missing.status).toBe(404)

    const leaving = await market.verifiedSupplier('次旦')
    await market.publishListing(leaving, { categoryId: 'wool' })
    const admin = await market.signInAdmin()
    const suspension = await market.call(`/api/admin/users/${leaving.user.id}/suspend`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { reason: '停业' },
    })
    expect(suspension.status).toBe(200)
    const suspended = await call<ErrorBody>(`/api/rfqs/${rfq.id}/bids`, leaving, { method: 'POST', body: bidBody() })
    expect(suspended.status).toBe(403)
    expect(suspended.body.error.code).toBe('account.suspended')

    const signingOut = await market.verifiedSupplier('拉巴')
    await market.publishListing(signingOut, { categoryId: 'wool' })
    await market.call('/api/auth/logout', { method: 'POST', cookie: signingOut.cookie })
    const signedOut = await call<ErrorBody>(`/api/rfqs/${rfq.id}/bids`, signingOut, { method: 'POST', body: bidBody() })
    expect(signedOut.status).toBe(401)
    // None of them bid.
    const compared = await market.call<{ bids: Bid[] }>(`/api/rfqs/${rfq.id}/bids`, { cookie: buyer.cookie })
    expect(compared.body.bids).toEqual([])
  })
})

describe('a request’s page', () => {
  it('reads the request and the reader’s own bid with the session: at most 2 DynamoDB requests for a supplier before and after bidding, and for its buyer', async () => {
    const rfq = await post('wool', 3)
    const before = await call<Rfq & { myBid?: Bid }>(`/api/rfqs/${rfq.id}`, supplier)
    expect(before.status).toBe(200)
    expect(before.body.id).toBe(rfq.id)
    expect(before.body.myBid).toBeUndefined()
    expect(before.dynamoCalls).toBeLessThanOrEqual(2)

    const placed = await call<Bid>(`/api/rfqs/${rfq.id}/bids`, supplier, { method: 'POST', body: bidBody() })
    expect(placed.status).toBe(201)
    const after = await call<Rfq & { myBid?: Bid }>(`/api/rfqs/${rfq.id}`, supplier)
    expect(after.status).toBe(200)
    expect(after.body.myBid).toMatchObject({ id: placed.body.id, unitPriceFen: 4200 })
    expect(after.dynamoCalls).toBeLessThanOrEqual(2)

    const own = await call<Rfq>(`/api/rfqs/${rfq.id}`, buyer)
    expect(own.status).toBe(200)
    expect(own.body.id).toBe(rfq.id)
    expect(own.dynamoCalls).toBeLessThanOrEqual(2)
  })

  it('shows a stranger nothing: another buyer, an unknown id and a signed-out reader get 404, 404 and 401', async () => {
    const rfq = await post('wool', 4)
    const stranger = await market.register('buyer', '次仁')
    expect((await call<ErrorBody>(`/api/rfqs/${rfq.id}`, stranger)).status).toBe(404)
    expect((await call<ErrorBody>('/api/rfqs/01HZZZZZZZZZZZZZZZZZZZZZZZ', supplier)).status).toBe(404)
    expect((await call<ErrorBody>(`/api/rfqs/${rfq.id}`, { ...stranger, cookie: 'market_session=forged' })).status).toBe(401)
  })
})
