import type { Listing } from '@market/contracts'
import { Accounts } from '@market/core'
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'
import { deliveredOrder, rate } from '../support/ratings.ts'

type Caller = { cookie?: string }
type Page = { items: unknown[]; nextCursor: string | null }
type ErrorBody = { error: { code: string } }

/** A paginated endpoint, read by a caller allowed to read it. */
type Endpoint = { name: string; path: string; caller: Caller }

let market: TestMarket
let endpoints: Endpoint[]
/** The same endpoints read by another caller of the same kind (public browsing has no caller to bind to). */
let otherCallers: Endpoint[]

const inDays = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000).toISOString()

const withCursor = (path: string, cursor: string) =>
  `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`

const firstCursor = async ({ name, path, caller }: Endpoint) => {
  const answer = await market.call<Page>(path, { cookie: caller.cookie })
  expect(answer.status, name).toBe(200)
  expect(answer.body.nextCursor, `${name} has a second page`).toEqual(expect.any(String))
  return answer.body.nextCursor as string
}

beforeAll(async () => {
  market = await startTestMarket('cursors')
  const admin = await market.signInAdmin()
  const otherAdmin = await Accounts.createAdmin(
    buildDeps(testMarketConfig(market.tableName), () => {}),
    {
      email: `admin-${ulid().toLowerCase()}@test.example`,
      password: 'another admin password',
      name: '第二位管理员',
    },
  )
  const admin2 = await market.signIn(otherAdmin.email, 'another admin password')
  const [supplierX, supplierY] = [await market.verifiedSupplier('甲'), await market.verifiedSupplier('乙')]
  const [buyer, buyer2] = [await market.register('buyer'), await market.register('buyer')]
  const listings = []
  for (const supplier of [supplierX, supplierX, supplierY, supplierY])
    listings.push(await market.publishListing(supplier, { categoryId: 'brocade' }))
  for (const who of [buyer, buyer2]) {
    for (let n = 0; n < 2; n++) {
      const rfq = await market.call<{ id: string }>('/api/rfqs', {
        method: 'POST',
        cookie: who.cookie,
        body: {
          title: `金花缎 ${n}`,
          categoryId: 'brocade',
          specs: '红底金花',
          quantity: 100,
          unit: 'm',
          neededBy: inDays(30).slice(0, 10),
          bidDeadline: inDays(2 + n),
        },
      })
      for (const supplier of [supplierX, supplierY]) {
        await market.call(`/api/rfqs/${rfq.body.id}/bids`, {
          method: 'POST',
          cookie: supplier.cookie,
          body: { unitPriceFen: 15000, quantity: 100, leadTimeDays: 7, validUntil: inDays(20).slice(0, 10) },
        })
      }
    }
    for (const listing of listings) {
      await market.call('/api/orders', {
        method: 'POST',
        cookie: who.cookie,
        headers: { 'Idempotency-Key': ulid() },
        body: { listingId: listing.id, quantity: 5, delivery: { method: 'pickup' } },
      })
    }
  }
  // Two rated orders of supplier X, both reported: its reviews, its own list and the administrators' queue have pages.
  for (let n = 0; n < 2; n++) {
    const rating = await rate(market, buyer, await deliveredOrder(market, buyer, supplierX, listings[0] as Listing))
    await market.call(`/api/ratings/${rating.body.id}/report`, {
      method: 'POST',
      cookie: buyer2.cookie,
      body: { reason: '不实' },
    })
  }
  endpoints = [
    { name: 'browse', path: '/api/listings?limit=1', caller: {} },
    { name: 'search', path: '/api/listings?q=yak&limit=1', caller: {} },
    { name: 'own listings', path: '/api/suppliers/me/listings?limit=1', caller: supplierX },
    { name: 'users', path: '/api/admin/users?limit=1', caller: admin },
    { name: 'buyers', path: '/api/admin/users?role=buyer&limit=1', caller: admin },
    { name: 'audit', path: '/api/admin/audit?limit=1', caller: admin },
    { name: 'moderation', path: '/api/admin/listings?status=active&limit=1', caller: admin },
    { name: 'admin orders', path: '/api/admin/orders?status=pending_payment&limit=1', caller: admin },
    { name: 'my requests', path: '/api/rfqs/mine?limit=1', caller: buyer },
    { name: 'feed', path: '/api/rfqs/feed?limit=1', caller: supplierX },
    { name: 'my bids', path: '/api/bids/mine?limit=1', caller: supplierX },
    { name: 'buyer orders', path: '/api/orders?role=buyer&limit=1', caller: buyer },
    { name: 'supplier orders', path: '/api/orders?role=supplier&limit=1', caller: supplierX },
    { name: 'supplier reviews', path: `/api/suppliers/${supplierX.user.id}/ratings?limit=1`, caller: {} },
    { name: 'own reviews', path: '/api/suppliers/me/ratings?limit=1', caller: supplierX },
    { name: 'reported ratings', path: '/api/admin/ratings?state=reported&limit=1', caller: admin },
  ]
  const others: Record<string, Caller> = {
    'own listings': supplierY,
    users: admin2,
    buyers: admin2,
    audit: admin2,
    moderation: admin2,
    'admin orders': admin2,
    'my requests': buyer2,
    feed: supplierY,
    'my bids': supplierY,
    'buyer orders': buyer2,
    'supplier orders': supplierY,
    'own reviews': supplierY,
    'reported ratings': admin2,
  }
  otherCallers = endpoints.flatMap((endpoint) => {
    const caller = others[endpoint.name]
    return caller ? [{ ...endpoint, caller }] : []
  })
})

describe('pagination cursors', () => {
  it('page on where they were handed out', async () => {
    for (const endpoint of endpoints) {
      const next = await market.call<Page>(withCursor(endpoint.path, await firstCursor(endpoint)), {
        cookie: endpoint.caller.cookie,
      })
      expect(next.status, endpoint.name).toBe(200)
      expect(next.body.items.length, endpoint.name).toBeGreaterThan(0)
    }
  })

  it('are refused with 400 on every other endpoint, by another caller, or as garbage — never a 500', async () => {
    const refused = async (use: Endpoint, cursor: string, what: string) => {
      const answer = await market.call<ErrorBody>(withCursor(use.path, cursor), { cookie: use.caller.cookie })
      expect(answer.status, what).toBe(400)
      expect(answer.body.error.code, what).toBe('request.invalid_cursor')
    }
    for (const source of endpoints) {
      const cursor = await firstCursor(source)
      for (const use of endpoints.filter((endpoint) => endpoint !== source)) {
        await refused(use, cursor, `${source.name} cursor on ${use.name}`)
      }
      for (const use of otherCallers.filter((endpoint) => endpoint.name === source.name)) {
        await refused(use, cursor, `${source.name} cursor by another caller`)
      }
    }
    for (const garbage of ['x', 'x.y', '.', 'eyJwayI6MX0.AAAAAAAAAAAAAAAAAAAAAA', '%E0%A4%A']) {
      for (const use of endpoints) await refused(use, garbage, `${JSON.stringify(garbage)} on ${use.name}`)
    }
  })
})
