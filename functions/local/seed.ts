import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { Accounts, Catalog, Certifications, DomainError, Listings, Orders, Ratings, Rfqs } from '@market/core'
import {
  createAccountRepository,
  createCategoryRepository,
  createCertificationRepository,
  createCertifiedRegistry,
  createCursorCodec,
  createListingRepository,
  createNotificationRepository,
  createOrderRepository,
  createRatingRepository,
  createRfqRepository,
  createSeedMarkerRepository,
  createSupplierRepository,
  writeFirstMarketFigures,
  writePastOrders,
} from '@market/data'
import { monotonicFactory, ulid } from 'ulid'
import {
  demoBuyers,
  demoCertifications,
  demoListings,
  demoOrders,
  demoPassword,
  demoRfqs,
  demoSuppliers,
  demoTiers,
} from './demo-market.ts'
import { wovenPng } from './demo-photos.ts'
import { demoTradeHistory, pastOrder } from './market-history.ts'

/** The demo sign-ins `npm start` prints on the first start (demo data only: change them for real use). */
export const demoAccounts = {
  admin: { email: 'admin@lhasa-market.local', password: 'lhasa-admin-2026' },
  supplier: { email: demoSuppliers[0]?.email as string, password: demoPassword },
  buyer: { email: 'lhamo@lhasa-tailor.example', password: 'demo-buyer-2026' },
} as const

export type SeedOptions = {
  now?: Date
  /** Writes a demo photo into the photos bucket; without it the demo listings have no photos. */
  savePhoto?: (key: string, bytes: Buffer) => Promise<void>
  /** The demo suppliers' listings (tests that do not browse skip them: they take a few seconds). */
  listings?: boolean
  /** Tests only: a lower scrypt cost for the demo accounts' passwords (see MarketConfig). */
  passwordCost?: Accounts.PasswordCost
}

/** Seeding again after an interrupted start meets what the first try wrote: that is fine. */
const ignoreExisting = (error: unknown) => {
  if (!(error instanceof DomainError && error.kind === 'conflict')) throw error
}

const day = 24 * 3600 * 1000

const certificationPhoto = (index: number) => wovenPng({ warp: [236, 240, 226], weft: [46, 125, 50], seed: 100 + index })

let drawn: Promise<{ listings: Buffer[]; certifications: Buffer[] }> | undefined

/**
 * The demo photos (each listing's, each certification's document), drawn once per process. One
 * photo at a time, letting other work through in between: `npm start` draws them while Java starts.
 */
export const demoPhotos = () => {
  drawn ??= (async () => {
    const listings: Buffer[] = []
    for (const [index, demo] of demoListings.entries()) {
      listings.push(wovenPng({ warp: demo.colors[0], weft: demo.colors[1], seed: index }))
      await new Promise((next) => setImmediate(next))
    }
    return { listings, certifications: demoCertifications.map((_, index) => certificationPhoto(index)) }
  })()
  return drawn
}

/**
 * Demo data for a first start: the material taxonomy, an administrator, three garment workshops,
 * six suppliers (one still awaiting verification) and their listings, approved four months ago,
 * the orders of the months since with their ratings and replies, the demo buyer's requests, and
 * (with the listings) eighteen months of the market's past trade for its figures and price index.
 * Goes through the same domain functions as the API. Returns false when the table was seeded before.
 */
export const seedDemoData = async (db: DynamoDBDocumentClient, table: string, options: SeedOptions = {}): Promise<boolean> => {
  const marker = createSeedMarkerRepository(db, table)
  if (await marker.seededAt()) return false
  const now = options.now ?? new Date()
  const withListings = options.listings !== false
  // Eighteen months of the market's past trade. Its figures are the table's first: written whole,
  // from the start of the seed, and finished before the demo's own listings and orders add to them.
  const history = withListings ? demoTradeHistory(now, demoListings).map((trade) => pastOrder(trade, now)) : []
  const historyFigures = writeFirstMarketFigures(
    db,
    table,
    history.flatMap(({ changes }) => changes),
  )
  historyFigures.catch(() => {})
  const drawnPhotos = options.savePhoto ? await demoPhotos() : undefined
  // The seed never pages through lists, so its repositories need no cursor secret.
  const cursors = createCursorCodec(() => Promise.reject(new Error('not paginated')))
  const categories = createCategoryRepository(db, table)
  const accounts = createAccountRepository(db, table, cursors)
  const listings = createListingRepository(db, table, cursors)
  const nextId = monotonicFactory()
  // The demo photos are written straight into the bucket; the listings check them as they would an upload.
  const savedPhotos = new Map<string, Buffer>()
  // Accounts opened four months ago and listings were approved one after another over the month
  // that followed, so "newest" and "months on the exchange" mean something, and orders came after.
  let clockTime = now.getTime() - 120 * day
  const deps = {
    clock: { now: () => new Date(clockTime) },
    ids: { next: () => nextId(clockTime) },
    ...(options.passwordCost ? { passwordCost: options.passwordCost } : {}),
    accounts,
    categories,
    listings,
    photos: {
      createUpload: () => Promise.reject(new Error('the seed writes photos directly')),
      firstBytes: async (key: string, count: number) => savedPhotos.get(key)?.subarray(0, count),
    },
    rfqs: createRfqRepository(db, table, cursors),
    notifications: createNotificationRepository(db, table),
    suppliers: createSupplierRepository(db, table),
    certifications: createCertificationRepository(db, table, cursors),
    registry: createCertifiedRegistry(db, table),
  }

  // Each category is one item of its own: written side by side, not one round trip after another.
  await Promise.all(Catalog.defaultCategories.map((category) => categories.addCategory(category).catch(ignoreExisting)))

  // Each user's id and time are taken as prepareUser is called, in this order, as ever: only the
  // password hashing (scrypt, tens of milliseconds each) and the writes run side by side.
  const prepared = {
    admin: Accounts.prepareUser(deps, {
      ...demoAccounts.admin,
      name: '卓玛 (市场管理员)',
      role: 'admin',
      company: { name: '拉萨服装原辅料交易市场' },
    }),
    buyer: Accounts.prepareUser(deps, {
      ...demoAccounts.buyer,
      name: '拉姆',
      role: 'buyer',
      company: { name: '拉萨拉姆藏装加工坊', phone: '13989001234', address: '拉萨市城关区林廓南路 8 号' },
    }),
    buyers: demoBuyers.map(({ email, name, company, phone, address }) =>
      Accounts.prepareUser(deps, {
        email,
        password: demoAccounts.buyer.password,
        name,
        role: 'buyer',
        company: { name: company, phone, address },
      }),
    ),
    suppliers: demoSuppliers.map((supplier) =>
      Accounts.prepareUser(deps, {
        email: supplier.email,
        password: demoPassword,
        name: supplier.name,
        role: 'supplier',
        company: { name: supplier.company, phone: supplier.phone, address: supplier.address },
      }),
    ),
  }
  const create = async (prepare: Promise<Accounts.StoredUser>, change = (user: Accounts.StoredUser) => user) => {
    const user = change(await prepare)
    await accounts.createUser(user).catch(ignoreExisting)
    return (await accounts.findUserByEmail(user.email)) as Accounts.StoredUser
  }
  const supplierAt = new Date(clockTime).toISOString()
  const verify = async (index: number, created: Accounts.StoredUser) => {
    const supplier = demoSuppliers[index] as (typeof demoSuppliers)[number]
    const details = {
      status: supplier.verification,
      licenseNumber: supplier.licenseNumber,
      contactPhone: supplier.phone,
      submittedAt: supplierAt,
      ...(supplier.stall ? { stall: supplier.stall } : {}),
      ...(supplier.verification === 'verified' ? { decidedAt: supplierAt } : {}),
    }
    // A made-up company account for each: verified suppliers' is approved, a pending one's waits with its request.
    const bankAccount = {
      holder: supplier.company,
      bank: index % 2 ? '西藏银行拉萨分行营业部' : '中国农业银行拉萨城关支行',
      number: `62284801${String(index + 1).padStart(11, '0')}`,
    }
    return accounts
      .updateVerification({
        userId: created.id,
        from: ['unverified'],
        details,
        accounts:
          supplier.verification === 'verified'
            ? { bankAccount }
            : { bankAccountChange: { ...bankAccount, submittedAt: supplierAt } },
      })
      .catch(() => created)
  }
  const [admin, buyer, otherBuyers, supplierUsers] = await Promise.all([
    create(prepared.admin),
    create(prepared.buyer),
    Promise.all(prepared.buyers.map((user) => create(user))),
    Promise.all(
      prepared.suppliers.map(async (user, index) =>
        verify(index, await create(user, (prepared) => ({ ...prepared, verificationDetails: { status: 'unverified' } }))),
      ),
    ),
  ])
  const buyers = new Map([
    ['lhamo', buyer],
    ...demoBuyers.map(({ key }, index) => [key, otherBuyers[index] as Accounts.StoredUser] as const),
  ])
  const suppliers = new Map(demoSuppliers.map(({ key }, index) => [key, supplierUsers[index] as Accounts.StoredUser]))

  // A few suppliers certified (green and 专精特新), and one request waiting for the administrator.
  for (const [index, demo] of demoCertifications.entries()) {
    const supplier = suppliers.get(demo.supplier) as Accounts.StoredUser
    const sender = demo.requested ? supplier : admin
    const document = `photos/${sender.id}/${nextId(clockTime)}.png`
    const photo = drawnPhotos?.certifications[index] ?? certificationPhoto(index)
    savedPhotos.set(document, photo)
    await options.savePhoto?.(document, photo)
    const input = {
      kind: demo.kind,
      issuer: demo.issuer,
      number: demo.number,
      expiresOn: new Date(now.getTime() + demo.expiresInDays * day).toISOString().slice(0, 10),
      document,
    }
    if (demo.requested) await Certifications.requestCertification(deps, supplier, input)
    else await Certifications.addCertification(deps, admin, supplier.id, input)
  }

  await historyFigures
  if (withListings) {
    const listingIds = new Map<string, string>()
    // Each listing at its own time on the seed's clock, 11 hours after the one before it: the
    // suppliers list side by side, each supplier's listings one after another (they count on the
    // supplier's item), so a listing's steps run on a clock and ids of their own.
    const firstListingAt = clockTime
    const listOne = async (index: number) => {
      const demo = demoListings[index] as (typeof demoListings)[number]
      const at = firstListingAt + (index + 1) * 11 * 3600 * 1000
      const nextOwnId = monotonicFactory()
      const own = { ...deps, clock: { now: () => new Date(at) }, ids: { next: () => nextOwnId(at) } }
      const supplier = suppliers.get(demo.supplier) as Accounts.StoredUser
      const photos: string[] = []
      if (options.savePhoto) {
        const key = `photos/${supplier.id}/${own.ids.next()}.png`
        const photo = drawnPhotos?.listings[index] as Buffer
        await options.savePhoto(key, photo)
        savedPhotos.set(key, photo)
        photos.push(key)
      }
      const listing = await Listings.createListing(own, supplier, {
        title: demo.title,
        description: {
          zh: `${demo.title.zh}。${supplier.company.name}供货，可到${demoSuppliers.find((s) => s.key === demo.supplier)?.stall ?? '店铺'}看样，量大从优。`,
          ...(demo.title.en ? { en: `${demo.title.en}. Samples at our stall; better prices for larger orders.` } : {}),
        },
        categoryId: demo.categoryId,
        specs: demo.specs,
        unit: demo.unit,
        priceTiers: demoTiers(demo.priceFen, demo.moq),
        moq: demo.moq,
        stock: demo.stock,
        leadTimeDays: 3 + (index % 12),
        photos,
        ...(demo.sample ? { sample: demo.sample } : {}),
      })
      listingIds.set(demo.title.zh, listing.id)
      if (demo.status === 'draft') return
      await Listings.submitListing(own, supplier, listing.id)
      if (demo.status !== 'pending_review') await Listings.approveListing(own, admin, listing.id)
    }
    await Promise.all(
      demoSuppliers.map(async ({ key }) => {
        for (const [index, demo] of demoListings.entries()) if (demo.supplier === key) await listOne(index)
      }),
    )
    const setClock = (time: number) => {
      clockTime = time
    }
    const trading = {
      ...deps,
      orders: createOrderRepository(db, table, cursors),
      ratings: createRatingRepository(db, table, cursors),
      payments: null,
      // Orders go back and forth in time (one is rated while the next is placed): ids follow each event's own time.
      ids: { next: () => ulid(clockTime) },
    }
    await seedOrders(trading, { buyers, suppliers, listingIds }, now, setClock)
    await seedRfqs(deps, buyer, now, setClock)
    // The order jobs, run once at the present: orders received more than 7 days ago are completed.
    setClock(now.getTime())
    await Orders.runOrderJobs(trading)
    // The past orders themselves come after the jobs, which are not theirs to run.
    await writePastOrders(
      db,
      table,
      history.map(({ order }) => order),
    )
  }
  await marker.markSeeded(now.toISOString())
  return true
}

type OrderSeedDeps = Orders.OrderDeps & Ratings.RatingDeps

/**
 * The demo orders, each at its time on the seed's clock: placed, paid by bank transfer and
 * confirmed, ready at the stall, received a day later, rated the day after and replied to.
 */
const seedOrders = async (
  deps: OrderSeedDeps,
  parties: {
    buyers: Map<string, Accounts.StoredUser>
    suppliers: Map<string, Accounts.StoredUser>
    listingIds: Map<string, string>
  },
  now: Date,
  setClock: (time: number) => void,
) => {
  const hour = 3600 * 1000
  for (const demo of demoOrders) {
    const buyer = parties.buyers.get(demo.buyer) as Accounts.StoredUser
    const supplierKey = demoListings.find((listing) => listing.title.zh === demo.listing)?.supplier ?? ''
    const supplier = parties.suppliers.get(supplierKey) as Accounts.StoredUser
    const placedAt = now.getTime() - demo.placedDaysAgo * day
    setClock(placedAt)
    const order = await Orders.placeOrder(deps, buyer, {
      listingId: parties.listingIds.get(demo.listing) as string,
      quantity: demo.quantity,
      delivery: { method: 'pickup' },
    })
    setClock(placedAt + hour)
    const reference = `ICBC-${new Date(placedAt).toISOString().slice(0, 10).replaceAll('-', '')}`
    await Orders.recordTransfer(deps, buyer, order.id, { reference, paidAt: new Date(placedAt + hour).toISOString() })
    setClock(placedAt + 3 * hour)
    await Orders.confirmPayment(deps, supplier, order.id)
    const readyAt = placedAt + 3 * hour + demo.readyAfterDays * day
    setClock(readyAt)
    await Orders.shipOrder(deps, supplier, order.id, { pickupReadyAt: new Date(readyAt).toISOString() })
    setClock(readyAt + day)
    await Orders.receiveOrder(deps, buyer, order.id)
    if (!demo.rating) continue
    setClock(readyAt + 2 * day)
    const rating = await Ratings.rateOrder(deps, buyer, order.id, demo.rating)
    if (!demo.reply) continue
    setClock(readyAt + 2.5 * day)
    await Ratings.replyToRating(deps, supplier, rating.id, { text: demo.reply })
  }
}

type SeedDeps = Rfqs.RfqDeps & { accounts: Accounts.AccountStore; photos: Listings.PhotoStore }

/**
 * The demo buyer's purchase requests: open ones with bids (one a tender, one invitation-only), one
 * awarded by a split across two suppliers, and one that expired unawarded. Each happens at its
 * time on the seed's clock, through the same domain functions as the API.
 */
const seedRfqs = async (deps: SeedDeps, buyer: Accounts.StoredUser, now: Date, setClock: (time: number) => void) => {
  // Suppliers as they are now: their approved listings gave them their categories.
  const supplierOf = async (key: string) => {
    const demo = demoSuppliers.find((supplier) => supplier.key === key)
    return (await deps.accounts.findUserByEmail(demo?.email ?? '')) as Accounts.StoredUser
  }
  const hour = 3600 * 1000
  for (const demo of demoRfqs) {
    const postedAt = now.getTime() - demo.postedHoursAgo * hour
    const deadline = now.getTime() + demo.deadlineInHours * hour
    setClock(postedAt)
    const invited = await Promise.all((demo.invited ?? []).map(supplierOf))
    const rfq = await Rfqs.postRfq(deps, buyer, {
      title: demo.title,
      categoryId: demo.categoryId,
      specs: demo.specs,
      quantity: demo.quantity,
      unit: demo.unit,
      ...(demo.targetUnitPriceFen ? { targetUnitPriceFen: demo.targetUnitPriceFen } : {}),
      neededBy: new Date(Math.max(deadline, now.getTime()) + 20 * 24 * hour).toISOString().slice(0, 10),
      deliveryPlace: '拉萨市城关区林廓南路 8 号',
      // Posting checks the deadline against the clock, so requests whose deadline is past are posted as they were then.
      bidDeadline: new Date(Math.max(deadline, postedAt + 2 * hour)).toISOString(),
      ...(invited.length ? { invitedSupplierIds: invited.map((supplier) => supplier.id) } : {}),
      photos: [],
      sealedUntilDeadline: demo.sealed ?? false,
    })
    const bids = []
    for (const [index, offer] of demo.bids.entries()) {
      setClock(postedAt + (index + 1) * 0.5 * hour)
      bids.push(
        await Rfqs.placeBid(deps, await supplierOf(offer.supplier), rfq.id, {
          unitPriceFen: offer.unitPriceFen,
          quantity: offer.quantity,
          leadTimeDays: offer.leadTimeDays,
          validUntil: new Date(Math.max(deadline, now.getTime()) + 30 * 24 * hour).toISOString().slice(0, 10),
          ...(offer.unit ? { unit: offer.unit } : {}),
        }),
      )
    }
    if (demo.outcome === 'awarded') {
      setClock(now.getTime() - 2 * hour)
      const [first, second] = bids
      await Rfqs.awardRfq(deps, buyer, rfq.id, {
        awards: [
          { bidId: first?.id as string, quantity: 60 },
          { bidId: second?.id as string, quantity: 40 },
        ],
      })
    }
  }
  // The deadline job, run once at the present: closes what is past its deadline and expires the old one.
  setClock(now.getTime())
  await Rfqs.runRfqJobs(deps)
}
