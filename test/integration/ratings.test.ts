import type { Listing, Order, Rating, SupplierProfile } from '@market/contracts'
import { Ratings } from '@market/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { startTestMarket, type TestMarket } from '../support/market.ts'
import { deliveredOrder, fiveStars, rate } from '../support/ratings.ts'

const { recentRatingsShown } = Ratings
type Account = Awaited<ReturnType<TestMarket['register']>>
type ErrorBody = { error: { code: string; details?: unknown } }

let market: TestMarket
let admin: { cookie: string }
let supplier: Account
let listing: Listing

beforeAll(async () => {
  market = await startTestMarket('ratings')
  admin = await market.signInAdmin()
  supplier = await market.verifiedSupplier('卓嘎')
  listing = await market.publishListing(supplier)
})

const page = (id: string) => market.call<SupplierProfile & ErrorBody>(`/api/suppliers/${id}`)
const call = <T = Rating & ErrorBody>(path: string, who: { cookie?: string } | undefined, method = 'GET', body?: unknown) =>
  market.call<T>(path, { method, ...(who?.cookie ? { cookie: who.cookie } : {}), ...(body ? { body } : {}) })

describe('rating an order', () => {
  it('is for its buyer only, only after delivery, once — and of two submits at once exactly one is taken', async () => {
    const buyer = await market.register('buyer')
    const placed = await market.call<Order>('/api/orders', {
      method: 'POST',
      cookie: buyer.cookie,
      body: { listingId: listing.id, quantity: 5, delivery: { method: 'pickup' } },
    })
    const early = await rate(market, buyer, placed.body.id)
    expect(early.status).toBe(409)
    expect(early.body.error?.code).toBe('order.wrong_status')

    const orderId = await deliveredOrder(market, buyer, supplier, listing)
    const stranger = await market.register('buyer')
    expect((await rate(market, stranger, orderId)).status).toBe(404)
    expect((await rate(market, supplier, orderId)).status).toBe(403)
    expect((await rate(market, admin, orderId)).status).toBe(403)
    expect((await rate(market, buyer, orderId, { ...fiveStars, quality: 6 })).status).toBe(400)

    const answers = await Promise.all([rate(market, buyer, orderId), rate(market, buyer, orderId)])
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409])
    expect(answers.find((answer) => answer.status === 409)?.body.error?.code).toBe('rating.exists')
    expect((await rate(market, buyer, orderId)).status).toBe(409)
    const order = await market.call<Order>(`/api/orders/${orderId}`, { cookie: buyer.cookie })
    expect(order.body.ratingId).toBe(answers.find((answer) => answer.status === 201)?.body.id)
  })
})

describe('a supplier’s ratings', () => {
  let other: Account
  let otherListing: Listing
  beforeAll(async () => {
    other = await market.verifiedSupplier('旺堆')
    otherListing = await market.publishListing(other)
  })

  it('add up on its page and its cards as they are written, edited, hidden and restored', async () => {
    const buyer = await market.register('buyer')
    const empty = await page(other.user.id)
    expect(empty.status).toBe(200)
    expect(empty.body.ratings).toMatchObject({ count: 0, overall: 0, histogram: [0, 0, 0, 0, 0], score: 4 })

    const first = await rate(market, buyer, await deliveredOrder(market, buyer, other, otherListing), {
      quality: 5,
      onTime: 4,
      accuracy: 4,
      communication: 5,
      comment: '羊毛很好，发货稍慢。',
    })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ overall: 4.5, stars: 5, status: 'visible', buyer: { company: 'buyer 公司' } })
    const second = await rate(market, buyer, await deliveredOrder(market, buyer, other, otherListing), {
      quality: 2,
      onTime: 3,
      accuracy: 2,
      communication: 2,
    })
    let profile = (await page(other.user.id)).body
    expect(profile.ratings).toMatchObject({
      count: 2,
      sums: { quality: 7, onTime: 7, accuracy: 6, communication: 7 },
      means: { quality: 3.5, onTime: 3.5, accuracy: 3, communication: 3.5 },
      overall: 3.375,
      histogram: [0, 1, 0, 0, 1],
    })
    expect(profile.recent.items.map((rating) => rating.id)).toEqual([second.body.id, first.body.id])
    expect(profile.recent.items[1]?.comment).toBe('羊毛很好，发货稍慢。')
    const card = await market.call<{ supplier: { rating?: { average: number; count: number } } }>(
      `/api/listings/${otherListing.id}`,
    )
    expect(card.body.supplier.rating).toEqual({ average: 3.375, count: 2 })

    // The buyer edits the second one: the totals move by the difference; an edit from an old read is refused.
    const edited = await call(`/api/ratings/${second.body.id}`, buyer, 'PATCH', {
      version: 1,
      quality: 4,
      comment: '补发后没问题。',
    })
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({ version: 2, overall: 2.75, stars: 3, comment: '补发后没问题。' })
    expect((await call(`/api/ratings/${second.body.id}`, buyer, 'PATCH', { version: 1, quality: 1 })).status).toBe(412)
    expect((await call(`/api/ratings/${second.body.id}`, other, 'PATCH', { version: 2, quality: 1 })).status).toBe(403)
    profile = (await page(other.user.id)).body
    expect(profile.ratings).toMatchObject({ count: 2, sums: { quality: 9 }, histogram: [0, 0, 1, 0, 1] })

    // Reported, then hidden by an administrator: it leaves the totals, the page and the public.
    const reporter = await market.register('buyer')
    expect((await call(`/api/ratings/${first.body.id}/report`, reporter, 'POST', { reason: '与事实不符' })).status).toBe(200)
    const again = await call(`/api/ratings/${first.body.id}/report`, reporter, 'POST', { reason: '再次举报' })
    expect(again.body.error?.code).toBe('rating.already_reported')
    const queue = await call<{ items: Rating[] }>('/api/admin/ratings?state=reported', admin)
    const queued = queue.body.items.find((rating) => rating.id === first.body.id)
    expect(queued?.reports).toEqual([expect.objectContaining({ reason: '与事实不符', by: reporter.user.id })])
    expect(queued?.openReports).toBe(1)

    expect((await call(`/api/admin/ratings/${first.body.id}/hide`, admin, 'POST', { reason: '不实评价' })).body.status).toBe(
      'hidden',
    )
    expect((await call(`/api/admin/ratings/${first.body.id}/hide`, admin, 'POST', { reason: '再隐藏' })).status).toBe(409)
    profile = (await page(other.user.id)).body
    expect(profile.ratings).toMatchObject({ count: 1, histogram: [0, 0, 1, 0, 0], overall: 2.75 })
    expect(profile.recent.items.map((rating) => rating.id)).toEqual([second.body.id])
    expect((await call(`/api/ratings/${first.body.id}`, undefined)).status).toBe(404)
    expect((await call(`/api/ratings/${first.body.id}`, buyer)).body.hidden?.reason).toBe('不实评价')
    expect(
      (await call<{ items: Rating[] }>('/api/admin/ratings?state=reported', admin)).body.items.map((r) => r.id),
    ).not.toContain(first.body.id)
    expect((await call<{ items: Rating[] }>('/api/admin/ratings?state=hidden', admin)).body.items.map((r) => r.id)).toContain(
      first.body.id,
    )
    const audit = await call<{ items: { action: string; targetId: string; reason?: string }[] }>('/api/admin/audit', admin)
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'rating.hidden', targetId: first.body.id, reason: '不实评价' }),
    )

    expect((await call(`/api/admin/ratings/${first.body.id}/restore`, admin, 'POST', { reason: '核实无误' })).body.status).toBe(
      'visible',
    )
    profile = (await page(other.user.id)).body
    expect(profile.ratings).toMatchObject({ count: 2, histogram: [0, 0, 1, 0, 1] })
    expect((await call(`/api/admin/ratings/${first.body.id}/restore`, admin, 'POST', { reason: '再恢复' })).status).toBe(409)
  })

  it('take one reply from the supplier, shown with the review', async () => {
    const buyer = await market.register('buyer')
    const rating = await rate(market, buyer, await deliveredOrder(market, buyer, other, otherListing))
    const path = `/api/ratings/${rating.body.id}/reply`
    expect((await call(path, buyer, 'POST', { text: '我来回复' })).status).toBe(403)
    expect((await call(path, supplier, 'POST', { text: '不是我的' })).status).toBe(403)
    const replies = await Promise.all([
      call(path, other, 'POST', { text: '谢谢惠顾！' }),
      call(path, other, 'POST', { text: '多谢！' }),
    ])
    expect(replies.map((answer) => answer.status).sort()).toEqual([200, 409])
    const mine = await call<{ items: Rating[] }>('/api/suppliers/me/ratings', other)
    expect(mine.body.items.find((item) => item.id === rating.body.id)?.reply?.text).toMatch(/^(谢谢惠顾！|多谢！)$/)
    const shown = (await page(other.user.id)).body.recent.items.find((item) => item.id === rating.body.id)
    expect(shown?.reply?.text).toMatch(/^(谢谢惠顾！|多谢！)$/)
  })

  it('disappear with the supplier’s page when it is suspended, and come back when it is reinstated', async () => {
    const suspended = await call(`/api/admin/users/${other.user.id}/suspend`, admin, 'POST', { reason: '核查' })
    expect(suspended.status).toBe(200)
    expect((await page(other.user.id)).status).toBe(404)
    expect((await call(`/api/suppliers/${other.user.id}/ratings`, undefined)).status).toBe(404)
    await call(`/api/admin/users/${other.user.id}/reinstate`, admin, 'POST', {})
    expect((await page(other.user.id)).status).toBe(200)
  })

  it('page on, newest first, by a signed cursor', async () => {
    const first = await call<{ items: Rating[]; nextCursor: string | null }>(
      `/api/suppliers/${other.user.id}/ratings?limit=2`,
      undefined,
    )
    expect(first.body.items).toHaveLength(2)
    const next = await call<{ items: Rating[]; nextCursor: string | null }>(
      `/api/suppliers/${other.user.id}/ratings?limit=2&cursor=${encodeURIComponent(first.body.nextCursor as string)}`,
      undefined,
    )
    expect(next.body.items.length).toBeGreaterThan(0)
    expect((next.body.items[0]?.createdAt as string) <= (first.body.items[1]?.createdAt as string)).toBe(true)
    expect((await call(`/api/suppliers/${other.user.id}/ratings?cursor=forged.cursor`, undefined)).status).toBe(400)
  })

  it('go on from the page’s newest reviews to the next ones with the cursor the page handed out', async () => {
    const buyer = await market.register('buyer')
    let profile = (await page(other.user.id)).body
    while (profile.ratings.count <= recentRatingsShown) {
      await rate(market, buyer, await deliveredOrder(market, buyer, other, otherListing))
      profile = (await page(other.user.id)).body
    }
    expect(profile.recent.items).toHaveLength(recentRatingsShown)
    const more = await call<{ items: Rating[]; nextCursor: string | null }>(
      `/api/suppliers/${other.user.id}/ratings?cursor=${encodeURIComponent(profile.recent.nextCursor as string)}`,
      undefined,
    )
    expect(more.status).toBe(200)
    const shown = profile.recent.items.map((rating) => rating.id)
    expect(more.body.items.length).toBe(profile.ratings.count - recentRatingsShown)
    expect(more.body.items.filter((rating) => shown.includes(rating.id))).toEqual([])
  })
})

describe('the bid comparison', () => {
  it('orders equal bids by the suppliers’ real ratings, and follows them when they change', async () => {
    const buyer = await market.register('buyer')
    const [first, second] = [await market.verifiedSupplier('央金'), await market.verifiedSupplier('平措')]
    const listings = new Map<Account, Listing>()
    for (const who of [first, second]) listings.set(who, await market.publishListing(who, { categoryId: 'brocade' }))
    const inDays = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000).toISOString()
    const rfq = await market.call<{ id: string }>('/api/rfqs', {
      method: 'POST',
      cookie: buyer.cookie,
      body: {
        title: '金花缎 200 米',
        categoryId: 'brocade',
        specs: '红底金花',
        quantity: 200,
        unit: 'm',
        neededBy: inDays(30).slice(0, 10),
        deliveryPlace: '拉萨',
        bidDeadline: inDays(3),
      },
    })
    expect(rfq.status).toBe(201)
    // The same price and lead time from both: only reputation can tell them apart.
    for (const who of [first, second]) {
      const bid = await call(`/api/rfqs/${rfq.body.id}/bids`, who, 'POST', {
        unitPriceFen: 15000,
        quantity: 200,
        leadTimeDays: 7,
        validUntil: inDays(20).slice(0, 10),
      })
      expect(bid.status).toBe(201)
    }
    type Compared = { bids: { supplier: { id: string }; score: number; standing: { rating: { count: number } } }[] }
    const order = async () => {
      const compared = await call<Compared>(`/api/rfqs/${rfq.body.id}/bids`, buyer)
      expect(compared.status).toBe(200)
      return compared.body.bids
    }
    const unrated = await order()
    expect(unrated[0]?.score).toBe(unrated[1]?.score)

    const ratingOf = new Map<Account, string>()
    for (const [who, stars] of [
      [first, 2],
      [second, 5],
    ] as const) {
      const orderId = await deliveredOrder(market, buyer, who, listings.get(who) as Listing)
      const scores = { quality: stars, onTime: stars, accuracy: stars, communication: stars }
      ratingOf.set(who, (await rate(market, buyer, orderId, scores)).body.id)
    }
    const rated = await order()
    expect(rated.map((bid) => bid.supplier.id)).toEqual([second.user.id, first.user.id])
    expect(rated[0]?.score).toBeGreaterThan(rated[1]?.score ?? 100)
    expect(rated.map((bid) => bid.standing.rating.count)).toEqual([1, 1])

    // The buyer changes its mind about both: the comparison turns round at once.
    for (const [who, stars] of [
      [first, 5],
      [second, 1],
    ] as const) {
      const edited = await call(`/api/ratings/${ratingOf.get(who)}`, buyer, 'PATCH', {
        version: 1,
        quality: stars,
        onTime: stars,
        accuracy: stars,
        communication: stars,
      })
      expect(edited.status).toBe(200)
    }
    expect((await order()).map((bid) => bid.supplier.id)).toEqual([first.user.id, second.user.id])
  })
})
