import type { CategoriesResponse, Listing, ListingPage } from '@market/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import { startTestMarket, type TestMarket } from '../support/market.ts'

/**
 * The counts a buyer sees while searching: listings per category on the tiles (counters kept in
 * the listing's own transactions) and how many results a search stands for.
 */
let market: TestMarket
let admin: { cookie: string }
let supplier: Awaited<ReturnType<TestMarket['verifiedSupplier']>>

const counts = async () => {
  const answer = await market.call<CategoriesResponse>('/api/categories')
  expect(answer.status).toBe(200)
  return Object.fromEntries(answer.body.categories.map((category) => [category.id, category.activeListings]))
}
const browse = async (query: Record<string, string>) => {
  const answer = await market.call<ListingPage>(`/api/listings?${new URLSearchParams(query)}`)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body
}
const asAdmin = (path: string, body?: unknown) =>
  market.call<Listing>(path, { method: 'POST', cookie: admin.cookie, ...(body ? { body } : {}) })

beforeAll(async () => {
  market = await startTestMarket('market-counts')
  admin = await market.signInAdmin()
  supplier = await market.verifiedSupplier()
})

describe('listings per category', () => {
  it('follow a listing onto the market, off it, back, into another category and away', async () => {
    const before = await counts()
    const draft = await market.createListing(supplier)
    expect(await counts()).toEqual(before)

    const listing = await market.publishListing(supplier)
    expect((await counts())['yak-down']).toBe((before['yak-down'] ?? 0) + 1)

    expect((await asAdmin(`/api/admin/listings/${listing.id}/suspend`, { reason: '图片不符' })).status).toBe(200)
    expect(await counts()).toEqual(before)
    expect((await asAdmin(`/api/admin/listings/${listing.id}/reinstate`)).status).toBe(200)
    expect((await counts())['yak-down']).toBe((before['yak-down'] ?? 0) + 1)

    // A category change of a listing on the market waits for review; approved, the count moves with it.
    const edited = await market.call<Listing>(`/api/listings/${listing.id}`, {
      method: 'PATCH',
      cookie: supplier.cookie,
      body: { version: listing.version + 2, categoryId: 'wool' },
    })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    expect((await counts())['yak-down']).toBe((before['yak-down'] ?? 0) + 1)
    expect((await asAdmin(`/api/admin/listings/${listing.id}/approve`)).status).toBe(200)
    const moved = await counts()
    expect(moved['yak-down']).toBe(before['yak-down'])
    expect(moved.wool).toBe((before.wool ?? 0) + 1)

    const archived = await market.call(`/api/listings/${listing.id}/archive`, { method: 'POST', cookie: supplier.cookie })
    expect(archived.status).toBe(200)
    await market.call(`/api/listings/${draft.id}/archive`, { method: 'POST', cookie: supplier.cookie })
    expect(await counts()).toEqual(before)
  })

  it('count every one of listings approved at the same time', async () => {
    const before = await counts()
    const drafts = await Promise.all(Array.from({ length: 6 }, () => market.createListing(supplier, { categoryId: 'silk' })))
    await Promise.all(
      drafts.map((draft) => market.call(`/api/listings/${draft.id}/submit`, { method: 'POST', cookie: supplier.cookie })),
    )
    const approvals = await Promise.all(drafts.map((draft) => asAdmin(`/api/admin/listings/${draft.id}/approve`)))
    expect(approvals.map((answer) => answer.status)).toEqual(drafts.map(() => 200))
    expect((await counts()).silk).toBe((before.silk ?? 0) + 6)
  })
})

describe('the count of a search', () => {
  beforeAll(async () => {
    for (const index of [1, 2, 3]) {
      await market.publishListing(supplier, { title: { zh: `计数羊毛 ${index}`, en: `Countmarker ${index}` } })
    }
  })

  it('is exact when the results fit on one page', async () => {
    const page = await browse({ q: 'countmarker' })
    expect(page.items).toHaveLength(3)
    expect(page.total).toEqual({ count: 3, atLeast: false })
  })

  it('is a lower bound from the one Query when there are more pages, and is not repeated on later pages', async () => {
    const first = await browse({ q: 'countmarker', limit: '2' })
    expect(first.items).toHaveLength(2)
    expect(first.total).toEqual({ count: 3, atLeast: true })
    const second = await browse({ q: 'countmarker', limit: '2', cursor: first.nextCursor as string })
    expect(second.items).toHaveLength(1)
    expect(second.total).toBeUndefined()
  })

  it('is zero when nothing matches', async () => {
    expect((await browse({ q: 'nothingcalledthis' })).total).toEqual({ count: 0, atLeast: false })
  })
})
