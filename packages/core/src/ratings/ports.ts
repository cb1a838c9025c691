import type { AuditEntry, Rating, RatingQueueQuery, RatingTotals } from '@market/contracts'
import type { StoredUser } from '../accounts/ports.ts'
import type { OutgoingNotification } from '../notifications/notifications.ts'
import type { SupplierStats } from './figures.ts'

export type RatingReport = { by: string; reason: string; at: string }

/** A rating as stored: the buyer's id beside its company, and every report. */
export type StoredRating = Omit<Rating, 'buyer' | 'reports' | 'openReports'> & {
  buyer: { id: string; company: string }
  reports: RatingReport[]
  openReports: number
}

export type RatingWrite = {
  rating: StoredRating
  /**
   * A new rating names the order it rates: the order is marked rated in the same transaction, on
   * condition its buyer rates it, it is delivered or completed and not rated yet. A change names
   * the version it was made from.
   */
  expected: { order: { id: string; buyerId: string; createdAt: string } } | { version: number }
  /** The change to the supplier's totals, written in the same transaction. */
  totals?: RatingTotals
  notifications?: OutgoingNotification[]
  audit?: AuditEntry
}

export type Page<T> = { items: T[]; nextCursor: string | null }

export interface RatingStore {
  /** Fails with RatingExistsError (the order is rated) or RatingStaleError (the rating changed meanwhile). */
  save(write: RatingWrite): Promise<void>
  get(id: string): Promise<StoredRating | undefined>
  /** Adds a report and puts the rating in the administrators' queue; AlreadyReportedError for a second by one user. */
  report(ratingId: string, report: RatingReport): Promise<void>
  /** A supplier's visible ratings, newest first: one Query. */
  listVisible(supplierId: string, page: { cursor?: string; limit: number }): Promise<Page<StoredRating>>
  /** Ratings reported and still visible, oldest report first; or hidden ones, latest first. */
  queue(query: RatingQueueQuery): Promise<Page<StoredRating>>
}

export type SupplierRecord = { user: StoredUser; stats: SupplierStats }

export interface SupplierDirectory {
  /** Suppliers with their ratings' totals and their stats, in one BatchGet (missing ones left out). */
  records(ids: string[]): Promise<SupplierRecord[]>
  /**
   * Verified, active suppliers whose company, stall or name contains `q` and who trade in
   * `category`: one Query of the verified suppliers' index, reading a bounded number of them.
   */
  searchVerified(query: { q?: string; category?: string; limit: number }): Promise<StoredUser[]>
}
