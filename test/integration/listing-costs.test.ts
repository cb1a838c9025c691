import { createListingsApp, type LogLine } from '@market/api'
import type { ListingPage } from '@market/contracts'
import { Accounts, Catalog, Listings } from '@market/core'
import { createAccountRepository, createCategoryRepository, createCursorCodec, createListingRepository } from '@market/data'
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { createTestTable, testMarketConfig } from '../support/dynamo.ts'

/**
 * The cost rule of the listings issue: a browse or search page is at most 2 DynamoDB requests
 * for up to 50 results, and reads about a page of items, whatever the size of the table. Counted
 * from the request log, which counts every request the DynamoDB client sends and the items it read.
 */
const categories = ['wool', 'yak-down', 'silk', 'buttons']

/** Writes `count` active listings straight through the repository (the API path is tested elsewhere). */
const fillMarket = async (count: number) => {
  const { tableName, db } = await createTestTable(`costs-${count}`)
  const cursors = createCursorCodec(async () => 'secret')
  const accounts = createAccountRepository(db, tableName, cursors)
  const listings = createListingRepository(db, tableName, cursors)
  const categoryStore = createCategoryRepository(db, tableName)
  for (const category of Catalog.defaultCategories) await categoryStore.addCategory(category)
  const supplier = await Accounts.prepareUser(
    { clock: { now: () => new Date() }, ids: { next: () => ulid() } },
    { email: `costs-${ulid()}@test.example`, password: '0123456789', name: '次仁', role: 'supplier', company: { name: '次仁' } },
  )
  await accounts.createUser({ ...supplier, verificationDetails: { status: 'verified' } })
  const start = Date.parse('2026-01-01T00:00:00Z')
  const write = async (index: number) => {
    const categoryId = categories[index % categories.length] as string
    const at = new Date(start + index * 60_000).toISOString()
    const listing: Listings.StoredListing = {
      id: ulid(start + index * 60_000),
      supplierId: supplier.id,
      status: 'active',
      title: { zh: `羊毛样品 ${index}`, en: `Lot ${index}` },
      description: { zh: '样品' },
      categoryId,
      specs: { origin: index % 2 ? '那曲' : '江孜' },
      unit: 'kg',
      priceTiers: [{ minQty: 1, unitPriceFen: 1000 + (index % 97) * 10 }],
      fromPriceFen: 1000 + (index % 97) * 10,
      currency: 'CNY',
      moq: 1,
      stock: index % 5 === 0 ? 0 : 100,
      leadTimeDays: 3,
      photos: [],
      version: 1,
      createdAt: at,
      updatedAt: at,
      listedAt: at,
    }
    const document = Listings.searchDocument(
      listing,
      Catalog.defaultCategories.find((category) => category.id === categoryId),
    )
    await listings.write({
      listing: { ...listing, indexedTerms: document.terms },
      expected: 'new',
      index: { remove: [], put: document },
    })
  }
  let next = 0
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < count) await write(next++)
    }),
  )
  const logs: LogLine[] = []
  const app = createListingsApp(buildDeps(testMarketConfig(tableName), (line) => logs.push(line)))
  /** A page of results, the DynamoDB requests it took and the items they read. */
  return async (query: string) => {
    const response = await app.request(`/api/listings?${query}`)
    expect(response.status).toBe(200)
    const page = (await response.json()) as ListingPage
    const line = logs.findLast((entry) => entry.msg === 'request')
    return { page, dynamoCalls: line?.dynamoCalls as number, itemsRead: line?.dynamoItemsRead as number }
  }
}

/**
 * The most items a page of `limit` may read: the index entries of the page and the one after it
 * (which says whether there is more), the page's listings and their supplier (one here).
 */
const itemsOfAPage = (limit: number) => limit + 1 + limit + 1

const pages = [
  ['the first browse page', 'limit=50'],
  ['a category page', 'category=wool&limit=50'],
  ['a search page', 'q=羊毛&limit=50'],
  ['a search in English with a prefix', 'q=lot&limit=50'],
  ['a search with filters, by price', 'q=样品&origin=那曲&minPrice=1100&maxPrice=1800&inStock=true&sort=price_asc&limit=50'],
  ['a category by price, highest first', 'category=silk&sort=price_desc&limit=50'],
] as const

for (const size of [50, 5000]) {
  describe(`with ${size} listings in the table`, () => {
    let page: Awaited<ReturnType<typeof fillMarket>>
    beforeAll(async () => {
      page = await fillMarket(size)
      // 5000 listings through the API take a minute idle; a loaded CI machine may take many.
    }, 900_000)

    it.each(pages)('%s takes at most 2 DynamoDB requests, reading about a page of items', async (_name, query) => {
      const { page: result, dynamoCalls, itemsRead } = await page(query)
      expect(result.items.length).toBeGreaterThan(0)
      expect(dynamoCalls).toBeLessThanOrEqual(2)
      expect(itemsRead).toBeLessThanOrEqual(itemsOfAPage(50))
    })

    it('reads about a page of the default size, browsing or searching in each language', async () => {
      for (const query of ['category=wool', 'q=羊毛', 'q=lot', 'q=样品&origin=那曲']) {
        const { page: result, dynamoCalls, itemsRead } = await page(query)
        expect(result.items.length, query).toBeGreaterThan(0)
        expect(dynamoCalls, query).toBeLessThanOrEqual(2)
        expect(itemsRead, query).toBeLessThanOrEqual(itemsOfAPage(24))
      }
    })

    it('fills a page of 50 and the next page costs the same', async () => {
      const first = await page('limit=50')
      expect(first.page.items).toHaveLength(Math.min(50, size))
      if (size > 50) {
        const second = await page(`limit=50&cursor=${encodeURIComponent(first.page.nextCursor as string)}`)
        expect(second.page.items).toHaveLength(50)
        expect(second.dynamoCalls).toBeLessThanOrEqual(2)
        expect(second.itemsRead).toBeLessThanOrEqual(itemsOfAPage(50))
        expect(second.page.items[0]?.id).not.toBe(first.page.items[0]?.id)
      }
    })
  })
}
