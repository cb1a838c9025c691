import type {
  BrowseQuery,
  CreateListingInput,
  Listing,
  ListingPage,
  ListingReportInput,
  ModerationQuery,
  ReasonInput,
  ResultCount,
  UpdateListingInput,
  UploadRequest,
  UploadTicket,
} from '@market/contracts'
import { resultCountCap } from '@market/contracts/values'
import type { StoredUser } from '../accounts/ports.ts'
import { auditActor, auditEntry } from '../audit/audit-entry.ts'
import type { CategoryStore } from '../catalog/ports.ts'
import { isOpen } from '../catalog/rules.ts'
import type { CertifiedRegistryStore } from '../certifications/ports.ts'
import { certificationDay, greenSupplierIds } from '../certifications/rules.ts'
import { DomainError, NotFoundError } from '../errors.ts'
import { notification, titleParams } from '../notifications/notifications.ts'
import type { Clock, IdGenerator } from '../ports.ts'
import { drivingTerm, queryTerms, termProbe } from '../search/terms.ts'
import {
  CategoryRetiredError,
  ForeignPhotoError,
  ListingStatusError,
  NotOwnerError,
  OwnListingReportError,
  StaleVersionError,
  SupplierNotVerifiedError,
  UnknownCategoryError,
} from './errors.ts'
import { requireImages } from './photos.ts'
import type { IndexChange, ListingStore, PhotoStore, StoredListing } from './ports.ts'
import {
  allListingsTerm,
  categoryTerm,
  fromPriceFen,
  isPubliclyVisible,
  normalizeOrigin,
  reviewedFields,
  searchDocument,
  toCard,
  toOwnerView,
  toPublicView,
  toSupplierCard,
} from './rules.ts'

export type ListingDeps = {
  listings: ListingStore
  /** The market's certified suppliers, for the "certified green" filter. */
  registry: CertifiedRegistryStore
  categories: CategoryStore
  photos: PhotoStore
  clock: Clock
  ids: IdGenerator
}
type Actor = StoredUser

const photoExtensions = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const

const requireCategory = async (deps: ListingDeps, categoryId: string) => {
  const category = await deps.categories.getCategory(categoryId)
  if (!category) throw new UnknownCategoryError(categoryId)
  if (!isOpen(category)) throw new CategoryRetiredError(categoryId)
  return category
}

const requireOwnPhotos = (actor: Actor, photos: string[] | undefined) => {
  if (photos?.some((key) => !key.startsWith(`photos/${actor.id}/`))) throw new ForeignPhotoError()
}

const requireVerified = (actor: Actor) => {
  const status = actor.verificationDetails?.status ?? 'unverified'
  if (status !== 'verified') throw new SupplierNotVerifiedError(status)
}

const findListing = async (deps: ListingDeps, id: string) => {
  const listing = await deps.listings.get(id)
  if (!listing) throw new NotFoundError('listing')
  return listing
}

const findOwnListing = async (deps: ListingDeps, actor: Actor, id: string) => {
  const listing = await findListing(deps, id)
  if (listing.supplierId !== actor.id) throw new NotOwnerError()
  return listing
}

const expectedOf = (listing: StoredListing) => ({
  version: listing.version,
  status: listing.status,
  categoryId: listing.categoryId,
  ...(listing.itemNumber ? { itemNumber: listing.itemNumber } : {}),
})

const touched = (deps: ListingDeps, listing: StoredListing, changes: Partial<StoredListing>): StoredListing => ({
  ...listing,
  ...changes,
  version: listing.version + 1,
  updatedAt: deps.clock.now().toISOString(),
})

/** Index changes for a listing that becomes (or stays) findable with its current text. */
const indexAs = async (
  deps: Pick<ListingDeps, 'categories'>,
  listing: StoredListing,
  previous?: StoredListing,
): Promise<IndexChange & { terms: string[] }> => {
  const document = searchDocument(listing, await deps.categories.getCategory(listing.categoryId))
  const stillThere = new Set(listing.listedAt === previous?.listedAt ? document.terms : [])
  return {
    remove: (previous?.indexedTerms ?? []).filter((term) => !stillThere.has(term)),
    put: document,
    terms: document.terms,
    ...(previous?.listedAt ? { previousListedAt: previous.listedAt } : {}),
  }
}

/**
 * Re-indexes an active listing with its category's current names (after a rename). Its version
 * stays, so an edit form open on it is not made stale; a concurrent change is met by reading again.
 * Safe to repeat: the second time finds nothing to change. False when the listing is not indexed.
 */
export const reindexListing = async (deps: Pick<ListingDeps, 'listings' | 'categories'>, id: string): Promise<boolean> => {
  for (let attempt = 0; ; attempt++) {
    const listing = await deps.listings.get(id)
    if (listing?.status !== 'active' || !listing.indexedTerms) return false
    const index = await indexAs(deps, listing, listing)
    try {
      await deps.listings.write({ listing: { ...listing, indexedTerms: index.terms }, expected: expectedOf(listing), index })
      return true
    } catch (error) {
      const raced = error instanceof StaleVersionError || error instanceof ListingStatusError
      if (!raced || attempt >= 2) throw error
    }
  }
}

const unindex = (listing: StoredListing): IndexChange => ({
  remove: listing.indexedTerms ?? [],
  put: null,
  ...(listing.listedAt ? { previousListedAt: listing.listedAt } : {}),
})

export const createListing = async (deps: ListingDeps, actor: Actor, input: CreateListingInput): Promise<Listing> => {
  await requireCategory(deps, input.categoryId)
  requireOwnPhotos(actor, input.photos)
  await requireImages(deps.photos, input.photos)
  const listing = draftOf(deps, actor, input)
  await deps.listings.write({ listing, expected: 'new' })
  return toOwnerView(listing)
}

/** A new draft of the supplier's, from the listing form's input (checked already). */
export const draftOf = (deps: Pick<ListingDeps, 'clock' | 'ids'>, actor: Actor, input: CreateListingInput): StoredListing => {
  const now = deps.clock.now().toISOString()
  const { sample, ...fields } = input
  return {
    id: deps.ids.next(),
    supplierId: actor.id,
    status: 'draft',
    ...fields,
    ...(sample ? { sample } : {}),
    fromPriceFen: fromPriceFen(input.priceTiers),
    currency: 'CNY',
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * Edits apply at once while a listing is not public. On an active listing, price, stock, lead time
 * and specs apply at once; title, description, category and photos wait for review as a revision
 * while the approved version stays visible. Editing a rejected listing sends it back for review.
 */
export const editListing = async (deps: ListingDeps, actor: Actor, id: string, input: UpdateListingInput): Promise<Listing> => {
  const listing = await findOwnListing(deps, actor, id)
  if (input.version !== listing.version) throw new StaleVersionError(listing.version)
  if (listing.status === 'archived' || listing.status === 'suspended') throw new ListingStatusError(listing.status, 'edited')
  const { version: _version, sample, ...fields } = input
  // A sample's price and words apply at once, like the price (null: no sample any more).
  const changes = sample === undefined ? fields : { ...fields, sample: sample ?? undefined }
  // A listing may stay in a category retired since; it may not move into one.
  if (changes.categoryId && changes.categoryId !== listing.categoryId) await requireCategory(deps, changes.categoryId)
  requireOwnPhotos(actor, changes.photos)
  if (changes.photos) await requireImages(deps.photos, changes.photos, [...listing.photos, ...(listing.revision?.photos ?? [])])
  // An edit of only the MOQ (or only the tiers) is checked against the other half as stored.
  const firstTier = (changes.priceTiers ?? listing.priceTiers)[0]
  if (firstTier && firstTier.minQty > (changes.moq ?? listing.moq)) {
    throw new DomainError('invalid', 'request.invalid', 'The first tier must start at or below the MOQ', [
      {
        path: changes.priceTiers ? ['priceTiers', 0, 'minQty'] : ['moq'],
        message: 'The first tier must start at or below the MOQ',
      },
    ])
  }
  const priced = changes.priceTiers
    ? { fromPriceFen: fromPriceFen(changes.priceTiers), priceVersion: (listing.priceVersion ?? 0) + 1 }
    : {}

  if (listing.status !== 'active') {
    if (listing.status === 'rejected') requireVerified(actor)
    const next = touched(deps, listing, {
      ...changes,
      ...priced,
      ...(listing.status === 'rejected' ? { status: 'pending_review' as const, moderationReason: undefined } : {}),
    })
    await deps.listings.write({ listing: next, expected: expectedOf(listing) })
    return toOwnerView(next)
  }

  const immediate: Partial<StoredListing> = { ...priced }
  const review: Partial<NonNullable<StoredListing['revision']>> = {}
  for (const [field, value] of Object.entries(changes) as [keyof typeof changes, unknown][]) {
    if ((reviewedFields as readonly string[]).includes(field)) {
      if (JSON.stringify(value) !== JSON.stringify(listing[field])) Object.assign(review, { [field]: value })
    } else {
      Object.assign(immediate, { [field]: value })
    }
  }
  const revision = Object.keys(review).length
    ? { ...listing.revision, ...review, submittedAt: deps.clock.now().toISOString() }
    : listing.revision
  const next = touched(deps, listing, { ...immediate, ...(revision ? { revision } : {}) })
  // Price and origin are on every index entry (for sorting and filtering): rewrite them.
  const reindex = 'fromPriceFen' in immediate || JSON.stringify(next.specs) !== JSON.stringify(listing.specs)
  const index = reindex ? await indexAs(deps, next, listing) : undefined
  if (index) next.indexedTerms = index.terms
  await deps.listings.write({ listing: next, expected: expectedOf(listing), ...(index ? { index } : {}) })
  return toOwnerView(next)
}

export const submitListing = async (deps: ListingDeps, actor: Actor, id: string): Promise<Listing> => {
  const listing = await findOwnListing(deps, actor, id)
  requireVerified(actor)
  if (listing.status !== 'draft' && listing.status !== 'rejected') throw new ListingStatusError(listing.status, 'submitted')
  const next = touched(deps, listing, { status: 'pending_review', moderationReason: undefined })
  await deps.listings.write({ listing: next, expected: expectedOf(listing) })
  return toOwnerView(next)
}

export const archiveListing = async (deps: ListingDeps, actor: Actor, id: string): Promise<Listing> => {
  const listing = await findOwnListing(deps, actor, id)
  if (listing.status === 'archived') throw new ListingStatusError(listing.status, 'archived')
  const next = touched(deps, listing, { status: 'archived', revision: undefined, indexedTerms: [] })
  await deps.listings.write({
    listing: next,
    expected: expectedOf(listing),
    ...(listing.status === 'active' ? { index: unindex(listing) } : {}),
  })
  return toOwnerView(next)
}

export const listOwnListings = async (deps: ListingDeps, actor: Actor, page: { cursor?: string; limit: number }) => {
  const result = await deps.listings.listBySupplier(actor.id, page)
  return { items: result.items.map(toOwnerView), nextCursor: result.nextCursor }
}

/** A listing by id: buyers see it while it is public; its owner and administrators always. */
export const getListing = async (deps: ListingDeps, actor: Actor | undefined, id: string) => {
  const found = await deps.listings.getWithSupplier(id)
  if (!found) throw new NotFoundError('listing')
  const privileged = actor?.role === 'admin' || actor?.id === found.listing.supplierId
  if (!privileged && !isPubliclyVisible(found)) throw new NotFoundError('listing')
  const view = privileged ? toOwnerView(found.listing) : toPublicView(found.listing)
  return { ...view, supplier: toSupplierCard(found.supplier, found.listing.supplierId, deps.clock.now()) }
}

/** Browse and search: one Query of the index and one BatchGet, whatever the size of the market. */
export const browseListings = async (deps: ListingDeps, query: BrowseQuery): Promise<ListingPage> => {
  const terms = query.q ? queryTerms(query.q) : []
  if (query.q && terms.length === 0)
    return { items: [], nextCursor: null, ...(query.cursor ? {} : { total: resultCount(0, null, 0) }) }
  const term = terms.length > 0 ? (drivingTerm(terms) as string) : query.category ? categoryTerm(query.category) : allListingsTerm
  const origin = normalizeOrigin(query.origin)
  const now = deps.clock.now()
  // "Certified green": the suppliers holding a valid green certification today, from one read of the registry.
  const supplierIds = query.certified ? greenSupplierIds(await deps.registry.registry(), certificationDay(now)) : undefined
  if (supplierIds?.length === 0)
    return { items: [], nextCursor: null, ...(query.cursor ? {} : { total: resultCount(0, null, 0) }) }
  const result = await deps.listings.search({
    term,
    termProbes: terms.filter((other) => other !== term).map(termProbe),
    ...(terms.length > 0 && query.category ? { categoryId: query.category } : {}),
    ...(origin ? { origin } : {}),
    ...(supplierIds ? { supplierIds } : {}),
    ...(query.minPrice !== undefined ? { minPrice: query.minPrice } : {}),
    ...(query.maxPrice !== undefined ? { maxPrice: query.maxPrice } : {}),
    sort: query.sort,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    limit: query.limit,
  })
  const items = result.candidates
    .filter(isPubliclyVisible)
    .map((candidate) => toCard(candidate, now))
    .filter((card) => !query.inStock || card.inStock)
  return {
    items,
    nextCursor: result.nextCursor,
    ...(query.cursor ? {} : { total: resultCount(items.length, result.nextCursor, result.matched) }),
  }
}

/**
 * The count a first page stands for, without counting: exact when everything fits on it, else
 * what its one Query found (the page and the one entry after it), as a lower bound up to the cap.
 */
export const resultCount = (shown: number, nextCursor: string | null, matched: number): ResultCount =>
  nextCursor === null
    ? { count: shown, atLeast: false }
    : { count: Math.min(Math.max(shown, matched), resultCountCap), atLeast: true }

export const createUpload = async (deps: ListingDeps, actor: Actor, input: UploadRequest): Promise<UploadTicket> => {
  const key = `photos/${actor.id}/${deps.ids.next()}.${photoExtensions[input.contentType]}`
  const expiresInSeconds = 600
  const { url, headers } = await deps.photos.createUpload({
    key,
    contentType: input.contentType,
    size: input.size,
    expiresInSeconds,
  })
  return { key, uploadUrl: url, headers, expiresAt: new Date(deps.clock.now().getTime() + expiresInSeconds * 1000).toISOString() }
}

// Moderation ---------------------------------------------------------------------------------

type Decision = { action: string; reason?: string | undefined }

const moderate = async (
  deps: ListingDeps,
  admin: Actor,
  listing: StoredListing,
  next: StoredListing,
  decision: Decision,
  index?: IndexChange,
) => {
  const now = deps.clock.now()
  await deps.listings.write({
    listing: next,
    expected: expectedOf(listing),
    ...(index ? { index } : {}),
    // Off the market, a listing's reports have had their answer.
    ...(next.status === 'suspended' ? { closeReports: true } : {}),
    ...(next.status === 'active' ? { supplierTrades: { supplierId: next.supplierId, categoryId: next.categoryId } } : {}),
    notifications: [
      notification(deps, listing.supplierId, decision.action, {
        listingId: listing.id,
        ...titleParams(listing.title),
        ...(decision.reason ? { reason: decision.reason } : {}),
      }),
    ],
    audit: auditEntry({
      id: deps.ids.next(),
      at: now,
      actor: auditActor(admin),
      action: decision.action,
      target: { type: 'listing', id: listing.id, name: listing.title },
      reason: decision.reason,
    }),
  })
  return toOwnerView(next)
}

export const approveListing = async (deps: ListingDeps, admin: Actor, id: string, { reason }: Partial<ReasonInput> = {}) => {
  const listing = await findListing(deps, id)
  if (listing.status === 'pending_review') {
    const next = touched(deps, listing, { status: 'active', listedAt: listing.listedAt ?? deps.clock.now().toISOString() })
    const index = await indexAs(deps, next)
    next.indexedTerms = index.terms
    return moderate(deps, admin, listing, next, { action: 'listing.approved', reason }, index)
  }
  if (listing.status === 'active' && listing.revision) {
    const { submittedAt: _at, ...revised } = listing.revision
    const next = touched(deps, listing, { ...revised, revision: undefined })
    const index = await indexAs(deps, next, listing)
    next.indexedTerms = index.terms
    return moderate(deps, admin, listing, next, { action: 'listing.revision_approved', reason }, index)
  }
  throw new ListingStatusError(listing.status, 'approved')
}

export const rejectListing = async (deps: ListingDeps, admin: Actor, id: string, { reason }: ReasonInput) => {
  const listing = await findListing(deps, id)
  if (listing.status === 'pending_review') {
    const next = touched(deps, listing, { status: 'rejected', moderationReason: reason })
    return moderate(deps, admin, listing, next, { action: 'listing.rejected', reason })
  }
  if (listing.status === 'active' && listing.revision) {
    const next = touched(deps, listing, { revision: undefined, moderationReason: reason })
    return moderate(deps, admin, listing, next, { action: 'listing.revision_rejected', reason })
  }
  throw new ListingStatusError(listing.status, 'rejected')
}

export const suspendListing = async (deps: ListingDeps, admin: Actor, id: string, { reason }: ReasonInput) => {
  const listing = await findListing(deps, id)
  if (listing.status !== 'active') throw new ListingStatusError(listing.status, 'suspended')
  const next = touched(deps, listing, { status: 'suspended', moderationReason: reason, indexedTerms: [] })
  return moderate(deps, admin, listing, next, { action: 'listing.suspended', reason }, unindex(listing))
}

export const reinstateListing = async (deps: ListingDeps, admin: Actor, id: string, { reason }: Partial<ReasonInput> = {}) => {
  const listing = await findListing(deps, id)
  if (listing.status !== 'suspended') throw new ListingStatusError(listing.status, 'reinstated')
  const next = touched(deps, listing, { status: 'active', moderationReason: undefined })
  const index = await indexAs(deps, next)
  next.indexedTerms = index.terms
  return moderate(deps, admin, listing, next, { action: 'listing.reinstated', reason }, index)
}

export const moderationQueue = async (deps: ListingDeps, query: ModerationQuery) => {
  const page = await deps.listings.moderationQueue(query)
  return {
    items: page.items.map(({ listing, supplier }) => ({
      ...toOwnerView(listing),
      supplier: toSupplierCard(supplier, listing.supplierId, deps.clock.now()),
    })),
    nextCursor: page.nextCursor,
  }
}

// Reports --------------------------------------------------------------------------------------

/** Any signed-in user but the listing's own supplier reports a public listing; a repeat while open changes nothing. */
export const reportListing = async (deps: ListingDeps, actor: Actor, id: string, { reason }: ListingReportInput) => {
  const found = await deps.listings.getWithSupplier(id)
  if (!found || !isPubliclyVisible(found)) throw new NotFoundError('listing')
  if (found.listing.supplierId === actor.id) throw new OwnListingReportError()
  const { reportedAt } = await deps.listings.report(id, {
    by: actor.id,
    byName: actor.name,
    reason,
    at: deps.clock.now().toISOString(),
  })
  return { listingId: id, reportedAt }
}

export const reportedQueue = async (deps: ListingDeps, page: { cursor?: string; limit: number }) => {
  const result = await deps.listings.reportedQueue(page)
  return {
    items: result.items.map(({ listing, supplier, reports, firstReportedAt }) => ({
      listing: { ...toOwnerView(listing), supplier: toSupplierCard(supplier, listing.supplierId, deps.clock.now()) },
      reportCount: reports.length,
      firstReportedAt,
      reports,
    })),
    nextCursor: result.nextCursor,
  }
}

/** The reports were unfounded: they are settled and the listing stays as it is. */
export const dismissReports = async (deps: ListingDeps, admin: Actor, id: string, { reason }: ListingReportInput) => {
  const listing = await findListing(deps, id)
  const audit = auditEntry({
    id: deps.ids.next(),
    at: deps.clock.now(),
    actor: auditActor(admin),
    action: 'listing.reports_dismissed',
    target: { type: 'listing', id, name: listing.title },
    reason,
  })
  await deps.listings.dismissReports(id, audit)
  return { listingId: id, dismissedAt: audit.at }
}
