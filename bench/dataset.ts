/**
 * Part 1 of `npm run bench`: a market at scale, written through the same domain functions and
 * repositories as the API (and the demo seed), their writes collected and sent in bulk by
 * BatchWriteItem (bulk-writes.ts). Listings are the demo's, numbered, spread over the suppliers.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { Accounts, Catalog, Listings, Orders, Ratings, Rfqs } from '@market/core'
import {
  createAccountRepository,
  createCategoryRepository,
  createCertifiedRegistry,
  createCursorCodec,
  createListingRepository,
  createNotificationRepository,
  createOrderRepository,
  createRatingRepository,
  createRfqRepository,
  createSupplierRepository,
} from '@market/data'
import { monotonicFactory } from 'ulid'
import { demoListings, demoTiers } from '../functions/local/demo-market.ts'
import { createBulkWriter } from './bulk-writes.ts'

export type DatasetSize = {
  listings: number
  suppliers: number
  requests: number
  bids: number
  orders: number
  ratings: number
}

export const benchPassword = 'bench-password-2026'
const day = 24 * 3600 * 1000
const hour = 3600 * 1000

export type BenchParty = { id: string; email: string }
/** A supplier and the categories it trades: only their requests are shown to it and open to its bids. */
export type BenchSupplier = BenchParty & { categories: string[] }
/** A request the load may bid on or award: its buyer, and the suppliers whose bids it has, in order. */
export type BenchRfq = {
  id: string
  buyer: BenchParty
  categoryId: string
  quantity: number
  bids: { id: string; supplierIndex: number }[]
}

export type Dataset = {
  admin: BenchParty
  buyers: BenchParty[]
  suppliers: BenchSupplier[]
  listings: { id: string; categoryId: string; supplierIndex: number; moq: number }[]
  rfqs: BenchRfq[]
}

/** How many domain operations run at once: their reads wait on DynamoDB, not on this process. */
const parallel = 8

/** `work(index)` for every index below `count`, `parallel` at a time. */
const forEachIndex = async (count: number, work: (index: number) => Promise<void>, from = 0) => {
  let next = from
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) await work(next++)
    }),
  )
}

export type LoadReport = {
  phase: string
  entities: number
  itemsWritten: number
  seconds: number
  itemsPerSecond: number
  /** Of `seconds`, the time spent sending the collected writes (the rest runs the domain functions). */
  writeSeconds: number
}

/** The seed's deps over a given client and clock: everything the domain functions need but payments. */
const domainDeps = (db: DynamoDBDocumentClient, table: string, clock: { time: number }) => {
  const cursors = createCursorCodec(() => Promise.reject(new Error('not paginated')))
  const nextId = monotonicFactory()
  return {
    clock: { now: () => new Date(clock.time) },
    ids: { next: () => nextId(clock.time) },
    accounts: createAccountRepository(db, table, cursors),
    categories: createCategoryRepository(db, table),
    listings: createListingRepository(db, table, cursors),
    photos: {
      createUpload: () => Promise.reject(new Error('no uploads in the bench')),
      firstBytes: async () => undefined,
    },
    rfqs: createRfqRepository(db, table, cursors),
    notifications: createNotificationRepository(db, table),
    suppliers: createSupplierRepository(db, table),
    orders: createOrderRepository(db, table, cursors),
    ratings: createRatingRepository(db, table, cursors),
    registry: createCertifiedRegistry(db, table),
    payments: null,
  }
}

/**
 * Loads the dataset in phases (each phase's writes flushed before the next reads them). Listings
 * come in two steps, `firstListings` and the rest, with `between` called in between: the bench
 * measures browsing and search at both sizes.
 */
export const loadDataset = async (
  db: DynamoDBDocumentClient,
  table: string,
  size: DatasetSize & { firstListings: number },
  between: (dataset: Dataset) => Promise<void>,
  onReport: (report: LoadReport) => void = () => {},
): Promise<{ dataset: Dataset; reports: LoadReport[] }> => {
  const bulk = createBulkWriter(db, table)
  const now = Date.now()
  const clock = { time: now - 90 * day }
  const deps = domainDeps(bulk.client, table, clock)
  const reports: LoadReport[] = []
  const phase = async (name: string, entities: number, work: () => Promise<void>) => {
    const started = performance.now()
    const before = bulk.itemsWritten()
    await work()
    const flushing = performance.now()
    await bulk.flush()
    const seconds = (performance.now() - started) / 1000
    const itemsWritten = bulk.itemsWritten() - before
    const report = {
      phase: name,
      entities,
      itemsWritten,
      seconds: Math.round(seconds * 10) / 10,
      itemsPerSecond: Math.round(itemsWritten / seconds),
      writeSeconds: Math.round((performance.now() - flushing) / 100) / 10,
    }
    reports.push(report)
    onReport(report)
  }

  const users: Record<'admin' | 'buyer' | 'supplier', Accounts.StoredUser[]> = { admin: [], buyer: [], supplier: [] }
  const buyerCount = Math.max(2, Math.ceil(size.suppliers / 5))
  await phase('accounts', 1 + buyerCount + size.suppliers, async () => {
    for (const category of Catalog.defaultCategories) await deps.categories.addCategory(category)
    // Every bench user has the same password, so one hash serves them all.
    const passwordHash = await Accounts.hashPassword(benchPassword)
    const open = async (role: 'admin' | 'buyer' | 'supplier', index: number) => {
      const user = await Accounts.prepareUser(deps, {
        email: `bench-${role}-${index}@bench.example`,
        passwordHash,
        name: `${role} ${index}`,
        role,
        company: {
          name: `测试${role === 'supplier' ? '供应商' : '公司'} ${index}`,
          phone: '0891-6320000',
          address: '拉萨市城关区',
        },
      })
      const at = new Date(clock.time).toISOString()
      const stored: Accounts.StoredUser =
        role === 'supplier'
          ? {
              ...user,
              verificationDetails: {
                status: 'verified',
                licenseNumber: `91540100MA6T${String(index).padStart(6, '0')}`,
                contactPhone: '0891-6320000',
                submittedAt: at,
                decidedAt: at,
              },
              bankAccount: {
                holder: user.company.name,
                bank: '西藏银行拉萨分行营业部',
                number: `62284801${String(index + 1).padStart(11, '0')}`,
              },
            }
          : user
      await deps.accounts.createUser(stored)
      users[role][index] = stored
    }
    await open('admin', 0)
    await forEachIndex(buyerCount, (index) => open('buyer', index))
    await forEachIndex(size.suppliers, (index) => open('supplier', index))
  })
  const party = (user: Accounts.StoredUser): BenchParty => ({ id: user.id, email: user.email })
  const admin = users.admin[0] as Accounts.StoredUser
  const dataset: Dataset = {
    admin: party(admin),
    buyers: users.buyer.map(party),
    suppliers: users.supplier.map((supplier) => ({ ...party(supplier), categories: [] })),
    listings: [],
    rfqs: [],
  }

  const addListings = (from: number, to: number) =>
    forEachIndex(
      to,
      async (index) => {
        clock.time += Math.floor((60 * day) / size.listings)
        const demo = demoListings[index % demoListings.length] as (typeof demoListings)[number]
        const supplierIndex = index % size.suppliers
        const supplier = users.supplier[supplierIndex] as Accounts.StoredUser
        const number = ` ${Math.floor(index / demoListings.length) + 1}`
        const listing = await Listings.createListing(deps, supplier, {
          title: {
            zh: demo.title.zh + number,
            ...(demo.title.bo ? { bo: demo.title.bo + number } : {}),
            ...(demo.title.en ? { en: demo.title.en + number } : {}),
          },
          description: { zh: `${demo.title.zh}，量大从优。` },
          categoryId: demo.categoryId,
          specs: demo.specs,
          unit: demo.unit,
          priceTiers: demoTiers(demo.priceFen, demo.moq),
          moq: demo.moq,
          stock: 10_000_000,
          leadTimeDays: 3 + (index % 12),
          photos: [],
        })
        await Listings.submitListing(deps, supplier, listing.id)
        await Listings.approveListing(deps, admin, listing.id)
        dataset.listings[index] = { id: listing.id, categoryId: demo.categoryId, supplierIndex, moq: demo.moq }
      },
      from,
    )
  await phase('listings (first step)', size.firstListings, () => addListings(0, size.firstListings))
  await between(dataset)
  await phase('listings (the rest)', size.listings - size.firstListings, () => addListings(size.firstListings, size.listings))

  // The suppliers as the API sees them on each request: approving their listings added the
  // categories they trade to their accounts, and only those categories' requests are theirs to bid on.
  await forEachIndex(size.suppliers, async (index) => {
    const supplier = (await deps.accounts.findUserById((users.supplier[index] as Accounts.StoredUser).id)) as Accounts.StoredUser
    users.supplier[index] = supplier
    dataset.suppliers[index] = { ...party(supplier), categories: supplier.tradeCategories ?? [] }
  })

  clock.time = now - 2 * hour
  const bidsPerRequest = Math.min(size.suppliers, Math.round(size.bids / size.requests))
  await phase('requests', size.requests, async () => {
    await forEachIndex(size.requests, async (index) => {
      const demo = demoListings[index % demoListings.length] as (typeof demoListings)[number]
      const buyer = users.buyer[index % users.buyer.length] as Accounts.StoredUser
      const quantity = demo.moq * 10
      const rfq = await Rfqs.postRfq(deps, buyer, {
        title: `求购 ${demo.title.zh} ${index + 1}`,
        categoryId: demo.categoryId,
        specs: [demo.specs.composition, demo.specs.color, demo.specs.origin].filter(Boolean).join('，'),
        quantity,
        unit: demo.unit,
        neededBy: new Date(now + 30 * day).toISOString().slice(0, 10),
        deliveryPlace: '拉萨市城关区林廓南路 8 号',
        bidDeadline: new Date(now + 7 * day).toISOString(),
        photos: [],
        sealedUntilDeadline: false,
      })
      const entry: BenchRfq = { id: rfq.id, buyer: party(buyer), categoryId: demo.categoryId, quantity, bids: [] }
      dataset.rfqs[index] = entry
    })
  })

  // The bids after their requests are written: placing a bid reads its request.
  await phase('bids', size.requests * bidsPerRequest, () =>
    forEachIndex(size.requests, async (index) => {
      const entry = dataset.rfqs[index] as BenchRfq
      const demo = demoListings[index % demoListings.length] as (typeof demoListings)[number]
      const { quantity } = entry
      // Each request's bidders start at another supplier, so every supplier has bids and requests left to bid on.
      // Only suppliers who trade the request's category may bid on it (others are not shown it).
      const traders = users.supplier.flatMap((supplier, supplierIndex) =>
        supplier.tradeCategories?.includes(entry.categoryId) ? [supplierIndex] : [],
      )
      for (let bid = 0; bid < Math.min(bidsPerRequest, traders.length - 1); bid++) {
        const supplierIndex = traders[(index + bid) % traders.length] as number
        const placed = await Rfqs.placeBid(deps, users.supplier[supplierIndex] as Accounts.StoredUser, entry.id, {
          unitPriceFen: Math.round(demo.priceFen * (0.9 + bid / 100)),
          quantity,
          leadTimeDays: 5 + bid,
          validUntil: new Date(now + 30 * day).toISOString().slice(0, 10),
        })
        entry.bids.push({ id: placed.id, supplierIndex })
      }
    }),
  )
  // Orders placed over the past month, each taken through payment, pickup and receipt, then rated.
  // Each worker places its orders on days of its own, on a clock of its own: an order's number
  // counts the orders of its day, which concurrent placing on one day would repeat.
  const placed: { order: { id: string; createdAt: string }; buyer: Accounts.StoredUser }[] = []
  await phase('orders', size.orders, () =>
    Promise.all(
      Array.from({ length: parallel }, async (_, worker) => {
        const own = { time: now }
        const ordering = domainDeps(bulk.client, table, own)
        const mine = Math.ceil((size.orders - worker) / parallel)
        for (let step = 0; step < mine; step++) {
          const index = worker + step * parallel
          const listing = dataset.listings[(index * 7) % dataset.listings.length] as Dataset['listings'][number]
          const buyer = users.buyer[index % users.buyer.length] as Accounts.StoredUser
          const supplier = users.supplier[listing.supplierIndex] as Accounts.StoredUser
          const placedAt = now - (30 - 3 * worker) * day + Math.floor((step * 2 * day) / mine)
          own.time = placedAt
          const order = await Orders.placeOrder(ordering, buyer, {
            listingId: listing.id,
            quantity: listing.moq,
            delivery: { method: 'pickup' },
          })
          own.time = placedAt + hour
          await Orders.recordTransfer(ordering, buyer, order.id, {
            reference: `BENCH-${index}`,
            paidAt: new Date(own.time).toISOString(),
          })
          own.time = placedAt + 3 * hour
          await Orders.confirmPayment(ordering, supplier, order.id)
          own.time = placedAt + day
          await Orders.shipOrder(ordering, supplier, order.id, { pickupReadyAt: new Date(own.time).toISOString() })
          own.time = placedAt + 2 * day
          await Orders.receiveOrder(ordering, buyer, order.id)
          placed[index] = { order, buyer }
        }
      }),
    ).then(() => undefined),
  )
  await phase('ratings', Math.min(size.ratings, placed.length), async () => {
    // A clock per rating (each a few days after its order): the ratings are written concurrently.
    await forEachIndex(Math.min(size.ratings, placed.length), async (index) => {
      const { order, buyer } = placed[index] as (typeof placed)[number]
      const own = { time: Date.parse(order.createdAt) + 3 * day }
      await Ratings.rateOrder(domainDeps(bulk.client, table, own), buyer, order.id, {
        quality: 3 + (index % 3),
        onTime: 4,
        accuracy: 4 + (index % 2),
        communication: 4,
        comment: '货品不错，按时提货。',
      })
    })
  })
  return { dataset, reports }
}
