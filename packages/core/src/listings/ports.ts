import type { AuditEntry, Category, Listing, ListingStatus, ModerationQuery, SupplierCard } from '@market/contracts'
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
}

export type BrowseCandidate = { listing: StoredListing; supplier: StoredUser | undefined }

/** A Query of the search index, its inputs already normalised the way the index entries are written. */
export type IndexQuery = {
  term: string
  /** The query's other terms as an entry's searchText spells them (`|term|`): an entry must contain each. */
  termProbes: string[]
  categoryId?: string
  /** Normalised as an entry's origin is (see normalizeOrigin). */
  origin?: string
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
  /** The listing and its supplier in one read. */
  getWithSupplier(id: string): Promise<BrowseCandidate | undefined>
  listBySupplier(
    supplierId: string,
    page: { cursor?: string; limit: number },
  ): Promise<{ items: StoredListing[]; nextCursor: string | null }>
  /** One Query of the index and one BatchGet of the listings and their suppliers. */
  /** `matched`: the index entries the Query found past its filter (the page's and those read ahead). */
  search(query: IndexQuery): Promise<{ candidates: BrowseCandidate[]; nextCursor: string | null; matched: number }>
  moderationQueue(query: ModerationQuery): Promise<{ items: BrowseCandidate[]; nextCursor: string | null }>
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
