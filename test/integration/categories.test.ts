import type { AdminCategoriesResponse, AuditEntry, CategoriesResponse, Category, Listing, ListingPage } from '@market/contracts'
import { Catalog, type Listings } from '@market/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import { listingInput, startTestMarket, type TestMarket } from '../support/market.ts'

type Account = Awaited<ReturnType<TestMarket['register']>>

let market: TestMarket
let admin: { cookie: string; user: { id: string; name: string } }
let supplier: Account

beforeAll(async () => {
  market = await startTestMarket('categories')
  admin = await market.signInAdmin()
  supplier = await market.verifiedSupplier()
})

const names = {
  before: { zh: '旧称甲', bo: 'ཀུན་ཁྱབ།', en: 'Feltold' },
  after: { zh: '新称乙', bo: 'ཞིང་ཆེན།', en: 'Feltnew' },
}

/** A category of its own with `count` listings on the market, none of whose titles say its names. */
const categoryWithListings = async (count: number) => {
  const id = `test-${Date.now()}-${Math.floor(Math.random() * 1e6)}`
  const body = { id, group: 'fabric', name: names.before, sortOrder: 500 }
  expect((await market.call('/api/admin/categories', { method: 'POST', cookie: admin.cookie, body })).status).toBe(201)
  const listings: Listing[] = []
  for (let n = 0; n < count; n++)
    listings.push(await market.publishListing(supplier, { categoryId: id, title: { zh: `样品布料 ${n}`, en: `Sample ${n}` } }))
  return { id, listingIds: listings.map((listing) => listing.id) }
}

const found = async (q: string, categoryId: string) => {
  const answer = await market.call<ListingPage>(`/api/listings?${new URLSearchParams({ q, category: categoryId, limit: '50' })}`)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body.items.map((item) => item.id).sort()
}

const adminCategories = async () =>
  (await market.call<AdminCategoriesResponse>('/api/admin/categories', { cookie: admin.cookie })).body

const rename = (id: string, name: Category['name']) =>
  market.call<Category>(`/api/admin/categories/${id}`, { method: 'PATCH', cookie: admin.cookie, body: { name } })

describe('renaming a category', () => {
  it('re-indexes its listings in the background: found by the new names in every language, not by the old', async () => {
    const { id, listingIds } = await categoryWithListings(3)
    expect(await found(names.before.en, id)).toEqual([...listingIds].sort())

    const renamed = await rename(id, names.after)
    expect(renamed.status).toBe(200)
    expect(renamed.body.name).toEqual(names.after)

    for (const q of Object.values(names.after))
      await expect.poll(() => found(q, id), { timeout: 30_000 }).toEqual([...listingIds].sort())
    for (const q of Object.values(names.before)) expect(await found(q, id)).toEqual([])
    await expect.poll(async () => (await adminCategories()).reindexing.map((job) => job.categoryId)).not.toContain(id)
  })

  it('resumes an interrupted re-indexing where it stopped, missing no listing and redoing none it had saved', async () => {
    const { id, listingIds } = await categoryWithListings(5)
    // The rename as the API makes it, but with no background runner: the worker below is the only one.
    const deps = buildDeps(testMarketConfig(market.tableName), () => {})
    await Catalog.updateCategory(deps, admin.user, id, { name: names.after })
    const [job] = (await deps.categories.reindexJobs()).filter((pending) => pending.categoryId === id)
    expect(job).toMatchObject({ categoryId: id, listingsDone: 0 })

    // A worker whose process dies as it writes the first listing of its second page.
    const written: string[] = []
    const recording = (failAfter: number): Listings.ListingStore => ({
      ...deps.listings,
      write: async (change) => {
        if (written.length === failAfter) throw new Error('the worker died')
        await deps.listings.write(change)
        written.push(change.listing.id)
      },
    })
    const only = { categories: deps.categories, listings: recording(2) }
    await expect(Catalog.reindexCategory(only, job as Catalog.StoredReindexJob, { pageSize: 2 })).rejects.toThrow(
      'the worker died',
    )
    const firstPage = [...written]
    const [saved] = (await deps.categories.reindexJobs()).filter((pending) => pending.categoryId === id)
    expect(saved).toMatchObject({ listingsDone: 2, after: expect.any(String) })
    expect(await found(names.after.en, id)).toEqual([...firstPage].sort())

    // The next run (on start, or the scheduled jobs) takes the job up from its saved position.
    written.length = 0
    const resumed = await Catalog.runReindexJobs({ categories: deps.categories, listings: recording(-1) }, { pageSize: 2 })
    expect(resumed.reindexed).toBe(3)
    expect([...written].sort()).toEqual(listingIds.filter((listingId) => !firstPage.includes(listingId)).sort())
    expect((await deps.categories.reindexJobs()).map((pending) => pending.categoryId)).not.toContain(id)
    for (const q of Object.values(names.after)) expect(await found(q, id)).toEqual([...listingIds].sort())
    expect(await found(names.before.zh, id)).toEqual([])
  })

  it('starts over when renamed again before the re-indexing ends, and moving a category re-indexes nothing', async () => {
    const { id, listingIds } = await categoryWithListings(1)
    const deps = buildDeps(testMarketConfig(market.tableName), () => {})
    await Catalog.updateCategory(deps, admin.user, id, { name: names.after })
    const [first] = (await deps.categories.reindexJobs()).filter((pending) => pending.categoryId === id)
    await Catalog.updateCategory(deps, admin.user, id, { name: { zh: '再改丙' } })
    // The first job's worker may not save its progress over the second's.
    expect(await deps.categories.saveReindexProgress({ ...(first as Catalog.StoredReindexJob), listingsDone: 9 })).toBe(false)
    await Catalog.runReindexJobs(deps)
    expect(await found('再改丙', id)).toEqual(listingIds)
    expect(await found(names.after.zh, id)).toEqual([])

    const moved = await market.call<Category>(`/api/admin/categories/${id}`, {
      method: 'PATCH',
      cookie: admin.cookie,
      body: { group: 'trim', sortOrder: 7 },
    })
    expect(moved.body).toMatchObject({ group: 'trim', sortOrder: 7 })
    expect((await deps.categories.reindexJobs()).map((pending) => pending.categoryId)).not.toContain(id)
  })
})

describe('retiring a category', () => {
  it('takes it off the market’s pickers and refuses new listings and requests in it; its listings stay', async () => {
    const { id, listingIds } = await categoryWithListings(1)
    const retire = await market.call<Category>(`/api/admin/categories/${id}/retire`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { reason: '并入羊毛类' },
    })
    expect(retire.status).toBe(200)
    expect(retire.body.retired).toMatchObject({ reason: '并入羊毛类' })

    const catalog = (await market.call<CategoriesResponse>('/api/categories')).body
    expect(catalog.categories.map((category) => category.id)).not.toContain(id)
    expect(catalog.retired?.map((category) => category.id)).toContain(id)
    expect((await adminCategories()).categories.find((category) => category.id === id)?.retired?.reason).toBe('并入羊毛类')

    const listing = await market.call('/api/listings', {
      method: 'POST',
      cookie: supplier.cookie,
      body: listingInput({ categoryId: id }),
    })
    expect(listing.status).toBe(400)
    expect(listing.body).toMatchObject({ error: { code: 'category.retired' } })
    const buyer = await market.register('buyer')
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString()
    const rfq = await market.call('/api/rfqs', {
      method: 'POST',
      cookie: buyer.cookie,
      body: {
        title: '毛毡 100 米',
        categoryId: id,
        specs: '灰色',
        quantity: 100,
        unit: 'm',
        neededBy: inDays(30).slice(0, 10),
        bidDeadline: inDays(2),
      },
    })
    expect(rfq.status).toBe(400)
    expect(rfq.body).toMatchObject({ error: { code: 'category.retired' } })

    // Its listings stay on the market: reachable by their address, found by their words, and their suppliers may edit them.
    const kept = await market.call<Listing>(`/api/listings/${listingIds[0]}`)
    expect(kept.status).toBe(200)
    expect(await found(names.before.en, id)).toEqual(listingIds)
    const edited = await market.call<Listing>(`/api/listings/${listingIds[0]}`, {
      method: 'PATCH',
      cookie: supplier.cookie,
      body: { version: kept.body.version, categoryId: id, stock: 500 },
    })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    expect(edited.body.stock).toBe(500)

    const audit = await market.call<{ items: AuditEntry[] }>('/api/admin/audit?limit=100', { cookie: admin.cookie })
    expect(audit.body.items.find((entry) => entry.targetId === id && entry.action === 'category.retire')).toMatchObject({
      reason: '并入羊毛类',
    })

    const restored = await market.call<Category>(`/api/admin/categories/${id}/restore`, { method: 'POST', cookie: admin.cookie })
    expect(restored.status).toBe(200)
    expect(restored.body.retired).toBeUndefined()
    const reopened = (await market.call<CategoriesResponse>('/api/categories')).body
    expect(reopened.categories.map((category) => category.id)).toContain(id)
  })

  it('needs a reason', async () => {
    const answer = await market.call('/api/admin/categories/wool/retire', { method: 'POST', cookie: admin.cookie, body: {} })
    expect(answer.status).toBe(400)
    expect((await market.call<CategoriesResponse>('/api/categories')).body.categories.map((c) => c.id)).toContain('wool')
  })
})
