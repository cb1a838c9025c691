import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry, ListingReport, ModerationQuery } from '@market/contracts'
import { Listings, Metrics, NotFoundError } from '@market/core'
import { toStoredUser } from './account-repository.ts'
import { auditPut } from './audit-writes.ts'
import type { CursorCodec } from './cursor.ts'
import { batchGet, type Item, itemExists, itemIsNew, projectionOf, type TransactItem, withoutKeys } from './items.ts'
import {
  categoryKey,
  itemNumberKey,
  listingKey,
  listingReportKey,
  listingReportsKey,
  listingsInModeration,
  listingsOfSupplier,
  pricedBetween,
  reportedListings,
  searchEntries,
  searchEntriesByPrice,
  userKey,
} from './keys.ts'
import { marketCounterWrites } from './market-metrics.ts'
import { notificationWrites } from './notification-repository.ts'
import { createQueries, type Filter } from './query.ts'
import { readTotals, totalsAttributes } from './rating-totals.ts'
import { statsWrites } from './supplier-stats.ts'
import { withConflictRetry, writeRefusal } from './transactions.ts'

const toListing = (item: Item) => withoutKeys<Listings.StoredListing>(item)

/**
 * What a browse page reads of a listing and of its supplier (one projection for both, as a
 * BatchGet has one): what their cards show and what decides whether buyers see them. Not the
 * description, the index bookkeeping or a pending revision, nor the supplier's account details.
 */
const cardAttributes = [
  'type',
  'id',
  'status',
  ...['supplierId', 'title', 'categoryId', 'unit', 'fromPriceFen', 'priceTiers', 'moq', 'stock', 'listedAt', 'createdAt'],
  ...['specs.origin', 'photos[0]'],
  ...['name', 'company.name', 'verificationDetails.status', 'verificationDetails.stall', 'certifications', ...totalsAttributes],
]

const toCardSupplier = (item: Item): Listings.CardSupplier => {
  const ratingTotals = readTotals(item)
  return {
    name: item.name as string,
    status: item.status as Listings.CardSupplier['status'],
    company: item.company as Listings.CardSupplier['company'],
    ...(item.verificationDetails
      ? { verificationDetails: item.verificationDetails as NonNullable<Listings.CardSupplier['verificationDetails']> }
      : {}),
    ...(item.certifications ? { certifications: item.certifications as Listings.CardSupplier['certifications'] } : {}),
    ...(ratingTotals ? { ratingTotals } : {}),
  }
}

/** Where a listing waits in the moderation lists: edits awaiting review count as pending. */
const moderationPlace = (listing: Listings.StoredListing) =>
  listing.revision
    ? listingsInModeration('pending_review').entry(listing.revision.submittedAt, listing.id)
    : listingsInModeration(listing.status).entry(listing.updatedAt, listing.id)

const listingItem = (listing: Listings.StoredListing): Item => ({
  ...listingKey(listing.id),
  type: 'listing',
  ...listingsOfSupplier(listing.supplierId).entry(listing.createdAt, listing.id),
  ...moderationPlace(listing),
  ...listing,
})

/**
 * A listing's item number is claimed by an item of its own, in the listing's transaction, so no two
 * listings of a supplier hold the same one; an archived listing gives its number up.
 */
const itemNumberWrites = (table: string, listing: Listings.StoredListing, expected: Listings.ListingWrite['expected']) => {
  const previous = expected === 'new' ? undefined : expected.itemNumber
  const next = listing.status === 'archived' ? undefined : listing.itemNumber
  const writes: TransactItem[] = []
  if (previous && previous !== next) {
    writes.push({
      Delete: {
        TableName: table,
        Key: itemNumberKey(listing.supplierId, previous),
        ConditionExpression: 'attribute_not_exists(listingId) OR listingId = :listing',
        ExpressionAttributeValues: { ':listing': listing.id },
      },
    })
  }
  if (next && next !== previous) {
    writes.push({
      Put: {
        TableName: table,
        Item: { ...itemNumberKey(listing.supplierId, next), type: 'item-number', itemNumber: next, listingId: listing.id },
        // The same listing claiming it again (a write that did not say the number it held) is no conflict.
        ConditionExpression: `${itemIsNew} OR listingId = :listing`,
        ExpressionAttributeValues: { ':listing': listing.id },
      },
    })
  }
  return writes
}

/** The transaction items of a new draft: the listing and its item number's claim. */
export const draftWrites = (table: string, listing: Listings.StoredListing): TransactItem[] => [
  { Put: { TableName: table, Item: listingItem(listing), ConditionExpression: itemIsNew } },
  ...itemNumberWrites(table, listing, 'new'),
]

export const createListingRepository = (db: DynamoDBDocumentClient, table: string, cursors: CursorCodec) => {
  const { queryPage, queryItems } = createQueries(db, table, cursors)
  const get = async (id: string) => {
    const result = await db.send(new GetCommand({ TableName: table, Key: listingKey(id), ConsistentRead: true }))
    return result.Item ? toListing(result.Item) : undefined
  }

  /** Listings with their suppliers, in the order given: one BatchGet for both. */
  const withSuppliers = async (listings: Listings.StoredListing[]): Promise<Listings.BrowseCandidate[]> => {
    if (listings.length === 0) return []
    const supplierIds = [...new Set(listings.map((listing) => listing.supplierId))]
    const items = await batchGet(db, table, supplierIds.map(userKey))
    const suppliers = new Map(items.map((item) => [item.id as string, toStoredUser(item)]))
    return listings.map((listing) => ({ listing, supplier: suppliers.get(listing.supplierId) }))
  }

  /**
   * Each category's count of active listings follows a listing into and out of the market (and
   * from one category to another), in the listing's transaction, so the tiles never count.
   */
  const categoryCounterWrites = (
    listing: Listings.StoredListing,
    expected: Listings.ListingWrite['expected'],
  ): TransactItem[] => {
    const change = new Map<string, number>()
    const move = (categoryId: string, by: number) => change.set(categoryId, (change.get(categoryId) ?? 0) + by)
    if (listing.status === 'active') move(listing.categoryId, 1)
    if (expected !== 'new' && expected.status === 'active') move(expected.categoryId ?? listing.categoryId, -1)
    return [...change].flatMap(([categoryId, by]) =>
      by === 0
        ? []
        : [
            {
              Update: {
                TableName: table,
                Key: categoryKey(categoryId),
                UpdateExpression: 'ADD activeListings :by',
                ExpressionAttributeValues: { ':by': by },
              },
            },
          ],
    )
  }

  const indexWrites = (listing: Listings.StoredListing, change: Listings.IndexChange): TransactItem[] => {
    const removed = change.remove.map((term) => ({
      Delete: {
        TableName: table,
        Key: searchEntries(term).entry(change.previousListedAt ?? (listing.listedAt as string), listing.id),
      },
    }))
    const document = change.put
    if (!document) return removed
    const listedAt = listing.listedAt as string
    const put = document.terms.map((term) => ({
      Put: {
        TableName: table,
        Item: {
          ...searchEntries(term).entry(listedAt, listing.id),
          ...searchEntriesByPrice(term).entry(listing.fromPriceFen, listedAt, listing.id),
          type: 'search-entry',
          listingId: listing.id,
          supplierId: listing.supplierId,
          categoryId: listing.categoryId,
          fromPriceFen: listing.fromPriceFen,
          searchText: document.searchText,
          ...(document.origin ? { origin: document.origin } : {}),
        },
      },
    }))
    return [...removed, ...put]
  }

  return {
    write: async ({
      listing,
      expected,
      index,
      notifications = [],
      audit,
      supplierTrades,
      closeReports,
    }: Listings.ListingWrite) => {
      const items: TransactItem[] = [
        {
          Put: {
            TableName: table,
            Item: listingItem(listing),
            ...(expected === 'new'
              ? { ConditionExpression: itemIsNew }
              : {
                  ConditionExpression: 'version = :version AND #status = :status',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':version': expected.version, ':status': expected.status },
                }),
          },
        },
        ...(index ? indexWrites(listing, index) : []),
        ...itemNumberWrites(table, listing, expected),
        ...notificationWrites(table, notifications),
        ...(audit ? [auditPut(table, audit)] : []),
        ...marketCounterWrites(table, Metrics.listingMarketChange(expected, listing)),
        ...(supplierTrades
          ? [
              {
                Update: {
                  TableName: table,
                  Key: userKey(supplierTrades.supplierId),
                  UpdateExpression: 'ADD tradeCategories :category',
                  ExpressionAttributeValues: { ':category': new Set([supplierTrades.categoryId]) },
                },
              },
            ]
          : []),
        ...categoryCounterWrites(listing, expected),
        ...(closeReports ? [{ Delete: { TableName: table, Key: listingReportsKey(listing.id) } }] : []),
        // The supplier's count of active listings follows every change of status, so its page never counts them.
        ...statsWrites(table, {
          supplierId: listing.supplierId,
          add: {
            activeListings: Number(listing.status === 'active') - Number(expected !== 'new' && expected.status === 'active'),
          },
        }),
      ]
      try {
        await withConflictRetry(() => db.send(new TransactWriteCommand({ TransactItems: items })))
      } catch (error) {
        if (writeRefusal(error) !== 'condition') throw error
        if (listing.itemNumber) {
          const claim = await db.send(
            new GetCommand({ TableName: table, Key: itemNumberKey(listing.supplierId, listing.itemNumber) }),
          )
          if (claim.Item && claim.Item.listingId !== listing.id) throw new Listings.DuplicateItemNumberError(listing.itemNumber)
        }
        if (expected === 'new') throw error
        const current = await get(listing.id)
        if (current && current.version !== expected.version) throw new Listings.StaleVersionError(current.version)
        throw new Listings.ListingStatusError(current?.status ?? 'missing', 'changed')
      }
    },

    get,

    getWithSupplier: async (id: string) => {
      const listing = await get(id)
      if (!listing) return undefined
      // Its card is all a listing's page shows of the supplier: one GetItem of that much, not the account.
      const supplier = await db.send(
        new GetCommand({ TableName: table, Key: userKey(listing.supplierId), ...projectionOf(cardAttributes) }),
      )
      return { listing, supplier: supplier.Item ? toCardSupplier(supplier.Item) : undefined }
    },

    listBySupplier: async (supplierId: string, page: { cursor?: string; limit: number }) => {
      const result = await queryPage(listingsOfSupplier(supplierId), { ...page, descending: true })
      return { items: result.items.map(toListing), nextCursor: result.nextCursor }
    },

    /**
     * One Query of the term's index entries (filters applied by DynamoDB), then one BatchGet of
     * the listings found and their suppliers: the live truth for status, stock and verification.
     */
    search: async (query: Listings.IndexQuery) => {
      const byPrice = query.sort !== 'newest'
      const filters: string[] = []
      const values: Item = {}
      query.termProbes.forEach((probe, index) => {
        filters.push(`contains(searchText, :term${index})`)
        values[`:term${index}`] = probe
      })
      if (query.categoryId) {
        filters.push('categoryId = :category')
        values[':category'] = query.categoryId
      }
      if (query.origin) {
        filters.push('contains(origin, :origin)')
        values[':origin'] = query.origin
      }
      if (query.supplierIds) {
        // IN takes at most 100 values: larger lists are OR'd in chunks of 100.
        const chunks: string[] = []
        for (let start = 0; start < query.supplierIds.length; start += 100) {
          const names = query.supplierIds.slice(start, start + 100).map((id, offset) => {
            values[`:supplier${start + offset}`] = id
            return `:supplier${start + offset}`
          })
          chunks.push(`supplierId IN (${names.join(', ')})`)
        }
        filters.push(`(${chunks.join(' OR ')})`)
      }
      // Sorted by price, a price range is a range of the index's sort key; otherwise it filters.
      const priceRange = byPrice && (query.minPrice !== undefined || query.maxPrice !== undefined)
      if (!priceRange) {
        if (query.minPrice !== undefined) {
          filters.push('fromPriceFen >= :minPrice')
          values[':minPrice'] = query.minPrice
        }
        if (query.maxPrice !== undefined) {
          filters.push('fromPriceFen <= :maxPrice')
          values[':maxPrice'] = query.maxPrice
        }
      }
      const filter: Filter | undefined = filters.length > 0 ? { expression: filters.join(' AND '), values } : undefined
      const page = await queryPage(byPrice ? searchEntriesByPrice(query.term) : searchEntries(query.term), {
        ...(priceRange ? { sortKey: pricedBetween(query.minPrice, query.maxPrice) } : {}),
        ...(filter ? { filter } : {}),
        descending: query.sort !== 'price_asc',
        ...(query.cursor ? { cursor: query.cursor } : {}),
        limit: query.limit,
        // A page and one more, which says whether there is a next page: what a page reads stays
        // bounded by its size whatever the market's. A filter may leave the page short; its cursor
        // then resumes where the read stopped.
        readAhead: query.limit + 1,
        // The entry's text for the filter stays in DynamoDB: the page needs only where it points.
        attributes: ['listingId', 'supplierId'],
      })
      return {
        candidates: page.items.length > 0 ? await batchGetListingsAndSuppliers(page.items) : [],
        nextCursor: page.nextCursor,
        matched: page.matched,
      }
    },

    moderationQueue: async ({ status, ...page }: ModerationQuery) => {
      // The review queue is worked oldest first; the other lists show the latest changes first.
      const result = await queryPage(listingsInModeration(status), { ...page, descending: status !== 'pending_review' })
      return { items: await withSuppliers(result.items.map(toListing)), nextCursor: result.nextCursor }
    },

    report: async (listingId: string, report: ListingReport) => {
      // A round of open reports lasts from the first report until they are settled; a user reports
      // once a round. Two first reports at once may each open a round: the one whose round lost retries.
      for (let attempt = 0; ; attempt++) {
        const open = await db.send(new GetCommand({ TableName: table, Key: listingReportsKey(listingId), ConsistentRead: true }))
        const round = (open.Item?.round as string | undefined) ?? `${report.at}#${report.by}`
        const queue = reportedListings()
        try {
          await withConflictRetry(() =>
            db.send(
              new TransactWriteCommand({
                TransactItems: [
                  {
                    Put: {
                      TableName: table,
                      Item: { ...listingReportKey(listingId, report.by), type: 'listing-report', listingId, round, ...report },
                      ConditionExpression: `${itemIsNew} OR round <> :round`,
                      ExpressionAttributeValues: { ':round': round },
                    },
                  },
                  {
                    Update: {
                      TableName: table,
                      Key: listingReportsKey(listingId),
                      UpdateExpression:
                        'SET #type = :type, listingId = :listingId, round = :round, reports = list_append(if_not_exists(reports, :none), :report), firstReportedAt = if_not_exists(firstReportedAt, :at), #qpk = :qpk, #qsk = if_not_exists(#qsk, :qsk)',
                      ConditionExpression: 'attribute_not_exists(round) OR round = :round',
                      ExpressionAttributeNames: { '#type': 'type', '#qpk': queue.keys.partitionKey, '#qsk': queue.keys.sortKey },
                      ExpressionAttributeValues: {
                        ':type': 'listing-reports',
                        ':listingId': listingId,
                        ':round': round,
                        ':none': [],
                        ':report': [report],
                        ':at': report.at,
                        ...Object.fromEntries(
                          Object.entries(queue.entry(report.at, listingId)).map(([name, value]) => [
                            name === queue.keys.partitionKey ? ':qpk' : ':qsk',
                            value,
                          ]),
                        ),
                      },
                    },
                  },
                  // Only a listing on the market is reported: one suspended meanwhile is gone.
                  {
                    ConditionCheck: {
                      TableName: table,
                      Key: listingKey(listingId),
                      ConditionExpression: '#status = :active',
                      ExpressionAttributeNames: { '#status': 'status' },
                      ExpressionAttributeValues: { ':active': 'active' },
                    },
                  },
                ],
              }),
            ),
          )
          return { reportedAt: report.at }
        } catch (error) {
          if (writeRefusal(error) !== 'condition') throw error
          const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : []
          if (reasons[2]?.Code === 'ConditionalCheckFailed') throw new NotFoundError('listing')
          if (reasons[0]?.Code === 'ConditionalCheckFailed') {
            const mine = await db.send(
              new GetCommand({ TableName: table, Key: listingReportKey(listingId, report.by), ConsistentRead: true }),
            )
            return { reportedAt: (mine.Item?.at as string | undefined) ?? report.at }
          }
          if (attempt >= 3) throw error
        }
      }
    },

    reportedQueue: async (page: { cursor?: string; limit: number }) => {
      const result = await queryPage(reportedListings(), page)
      const listings = new Map(
        (
          await batchGet(
            db,
            table,
            result.items.map((item) => listingKey(item.listingId as string)),
          )
        ).map((item) => [item.id as string, toListing(item)]),
      )
      const found = await withSuppliers([...listings.values()])
      const byId = new Map(found.map((candidate) => [candidate.listing.id, candidate]))
      return {
        items: result.items.flatMap((item) => {
          const candidate = byId.get(item.listingId as string)
          return candidate
            ? [{ ...candidate, reports: item.reports as ListingReport[], firstReportedAt: item.firstReportedAt as string }]
            : []
        }),
        nextCursor: result.nextCursor,
      }
    },

    dismissReports: async (listingId: string, audit: AuditEntry) => {
      try {
        await withConflictRetry(() =>
          db.send(
            new TransactWriteCommand({
              TransactItems: [
                { Delete: { TableName: table, Key: listingReportsKey(listingId), ConditionExpression: itemExists } },
                auditPut(table, audit),
              ],
            }),
          ),
        )
      } catch (error) {
        if (writeRefusal(error) === 'condition') throw new Listings.NoOpenReportsError()
        throw error
      }
    },

    indexedInCategory: async (categoryId: string, { after, limit }: { after?: string; limit: number }) => {
      const entries = searchEntries(Listings.categoryTerm(categoryId))
      const sortKey = entries.keys.sortKey
      // Positions are index sort keys (`<listedAt>#<id>`): stable across runs, unlike a request-bound cursor.
      const page = await queryItems(entries, { ...(after ? { sortKey: { after } } : {}), limit, consistent: true })
      const last = page.items.at(-1)?.[sortKey] as string | undefined
      return {
        listingIds: page.items.map((item) => item.listingId as string),
        ...(last ? { last } : {}),
        more: page.lastKey !== undefined,
      }
    },

    findByItemNumbers: async (supplierId: string, itemNumbers: readonly string[]) => {
      const claims = await batchGet(
        db,
        table,
        [...new Set(itemNumbers)].map((number) => itemNumberKey(supplierId, number)),
        {
          consistent: true,
        },
      )
      const numberOf = new Map(claims.map((claim) => [claim.listingId as string, claim.itemNumber as string]))
      const listings = await batchGet(db, table, [...numberOf.keys()].map(listingKey), { consistent: true })
      return new Map(listings.map((item) => [numberOf.get(item.id as string) as string, toListing(item)]))
    },
  } satisfies Listings.ListingStore

  /** The listings behind index entries and their suppliers, as far as their cards go, in one BatchGet (at most 50 + 50 keys). */
  async function batchGetListingsAndSuppliers(entries: Item[]): Promise<Listings.CardCandidate[]> {
    const listingIds = entries.map((entry) => entry.listingId as string)
    const supplierIds = [...new Set(entries.map((entry) => entry.supplierId as string))]
    const items = await batchGet(db, table, [...listingIds.map(listingKey), ...supplierIds.map(userKey)], {
      attributes: cardAttributes,
    })
    const listings = new Map(
      items.filter((item) => item.type === 'listing').map((item) => [item.id as string, withoutKeys<Listings.CardListing>(item)]),
    )
    const suppliers = new Map(
      items.filter((item) => item.type === 'user').map((item) => [item.id as string, toCardSupplier(item)]),
    )
    return listingIds.flatMap((id) => {
      const listing = listings.get(id)
      return listing ? [{ listing, supplier: suppliers.get(listing.supplierId) }] : []
    })
  }
}
