import type {
  AuditEntry,
  Category,
  Listing,
  ListingReport,
  ListingStatus,
  ModerationQuery,
  SupplierCard,
} from '@market/contracts'
import type { StoredUser } from '../accounts/ports.ts'
import type { OutgoingNotification } from '../notifications/notifications.ts'

/**
 * A listing as stored: what the API shows plus its search terms while active, and a counter of
 * price changes that an order checks in its transaction (so no order is taken at a stale price).
 */
export type StoredListing = Listing & { indexedTerms?: string[]; priceVersion?: number }

/** What a listing is findable by while active: index terms (capped) and every term for filtering. */
export type SearchDocument = { terms: string[]; searchText: string; origin?: string }

/** Changes to the search index that go in the same transaction as the listing. */
export type IndexChange = { remove: string[]; put: SearchDocument | null; previousListedAt?: string }

export type ListingWrite = {
  listing: StoredListing
  /** The version, status and category read: a change of status or category moves the categories' counters. */
  expected: { version: number; status: ListingStatus; categoryId?: string; itemNumber?: string } | 'new'
  index?: IndexChange
  notifications?: OutgoingNotification[]
  audit?: AuditEntry
  /** On approval: the supplier now trades in this category (and sees its purchase requests). */
  supplierTrades?: { supplierId: string; categoryId: string }
  /** On suspension: the listing's open reports are settled, and it leaves the reported queue. */
  closeReports?: boolean
}

/** A listing with open reports, as the reported queue holds it. */
export type ReportedEntry = BrowseCandidate & { reports: ListingReport[]; firstReportedAt: string }

export type BrowseCandidate = { listing: StoredListing; supplier: StoredUser | undefined }

/** What a card shows of a listing, and what decides whether buyers see it: all a browse page reads of it. */
export type CardListing = Pick<
  StoredListing,
  | 'id'
  | 'supplierId'
  | 'status'
  | 'title'
  | 'categoryId'
  | 'unit'
  | 'fromPriceFen'
  | 'priceTiers'
  | 'moq'
  | 'stock'
  | 'listedAt'
  | 'createdAt'
> & {
  specs?: Pick<StoredListing['specs'], 'origin'>
  /** The first photo at most. */
  photos?: string[]
}

/** What a supplier card shows, and what decides whether buyers see the supplier's listings. */
export type CardSupplier = Pick<StoredUser, 'name' | 'status' | 'ratingTotals' | 'certifications'> & {
  company: Pick<StoredUser['company'], 'name'>
  verificationDetails?: Pick<NonNullable<StoredUser['verificationDetails']>, 'status' | 'stall'>
}

/** A browse or search result: the listing and its supplier as far as their cards go. */
export type CardCandidate = { listing: CardListing; supplier: CardSupplier | undefined }

/** A Query of the search index, its inputs already normalised the way the index entries are written. */
export type IndexQuery = {
  term: string
  /** The query's other terms as an entry's searchText spells them (`|term|`): an entry must contain each. */
  termProbes: string[]
  categoryId?: string
  /** Normalised as an entry's origin is (see normalizeOrigin). */
  origin?: string
  /** Only entries of these suppliers (the "certified green" filter; a few hundred at most). */
  supplierIds?: readonly string[]
  minPrice?: number
  maxPrice?: number
  sort: 'newest' | 'price_asc' | 'price_desc'
  cursor?: string
  limit: number
}

export interface ListingStore {
  /** Writes a listing with its index changes, notifications and audit entry in one transaction. */
  write(change: ListingWrite): Promise<void>
  get(id: string): Promise<StoredListing | undefined>
  /** The listing, and its supplier as far as its card goes. */
  getWithSupplier(id: string): Promise<{ listing: StoredListing; supplier: CardSupplier | undefined } | undefined>
  listBySupplier(
    supplierId: string,
    page: { cursor?: string; limit: number },
  ): Promise<{ items: StoredListing[]; nextCursor: string | null }>
  /**
   * One Query of the index, reading at most a page and one more entry, and one BatchGet of the
   * listings and their suppliers. `matched`: the index entries the Query found past its filter.
   */
  search(query: IndexQuery): Promise<{ candidates: CardCandidate[]; nextCursor: string | null; matched: number }>
  moderationQueue(query: ModerationQuery): Promise<{ items: BrowseCandidate[]; nextCursor: string | null }>
  /**
   * Adds a user's report to the listing's open reports, on condition the listing is still active;
   * a user with an open report on it already adds nothing. Answers when the user's open report was made.
   */
  report(listingId: string, report: ListingReport): Promise<{ reportedAt: string }>
  /** Listings with open reports, the longest-waiting first. */
  reportedQueue(page: { cursor?: string; limit: number }): Promise<{ items: ReportedEntry[]; nextCursor: string | null }>
  /** Settles a listing's open reports with no change to it; fails with NoOpenReportsError when it has none. */
  dismissReports(listingId: string, audit: AuditEntry): Promise<void>
  /**
   * The listings indexed under a category, oldest listed first, `limit` at a time from after the
   * position `after` (a previous page's `last`): what a re-index after a rename walks through.
   */
  indexedInCategory(
    categoryId: string,
    page: { after?: string; limit: number },
  ): Promise<{ listingIds: string[]; last?: string; more: boolean }>
  /** The supplier's listings that hold these item numbers (archived ones give theirs up), by item number. */
  findByItemNumbers(supplierId: string, itemNumbers: readonly string[]): Promise<Map<string, StoredListing>>
}

export interface CategoryLookup {
  getCategory(id: string): Promise<Category | undefined>
}

export interface PhotoStore {
  /** A presigned PUT for one photo of `ownerId`; the key names the owner. */
  createUpload(input: {
    key: string
    contentType: string
    size: number
    expiresInSeconds: number
  }): Promise<{ url: string; headers: Record<string, string> }>
  /** The first `count` bytes of an uploaded photo (fewer if it is shorter); undefined when nothing was uploaded under `key`. */
  firstBytes(key: string, count: number): Promise<Uint8Array | undefined>
}

export type { SupplierCard }
