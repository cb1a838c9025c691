import type { AuditEntry, RatingTotals, User, UsersQuery, VerificationDetails } from '@market/contracts'
import type { OutgoingNotification } from '../notifications/notifications.ts'

/** A user as stored: what the API shows plus the secrets and bookkeeping it never shows. */
export type StoredUser = User & {
  passwordHash: string
  verificationDetails?: VerificationDetails
  version: number
  /** Categories a supplier has had listings approved in: it sees purchase requests of these. */
  tradeCategories?: string[]
  /** A supplier's visible ratings added up (see ratings/scores.ts); absent before its first rating. */
  ratingTotals?: RatingTotals
}

export type Session = { id: string; userId: string; expiresAt: Date }

export interface AccountStore {
  /** Fails with EmailTakenError when the email is registered, even under concurrent attempts. */
  createUser(user: StoredUser): Promise<void>
  findUserById(id: string): Promise<StoredUser | undefined>
  findUserByEmail(email: string): Promise<StoredUser | undefined>
  /** Sign-in failures for an email, oldest first (times). */
  loginFailures(email: string): Promise<Date[]>
  /** Appends a failure; the record may be dropped after `keepUntil`. */
  recordLoginFailure(email: string, at: Date, keepUntil: Date): Promise<void>
  clearLoginFailures(email: string): Promise<void>
  createSession(session: Session): Promise<void>
  deleteSession(id: string): Promise<void>
  /** The session and its user in one read; undefined when either is gone. */
  findSessionUser(sessionId: string, userId: string): Promise<{ session: Session; user: StoredUser } | undefined>
  /** Replaces the verification details if the current status is one of `from` (else VerificationStateError). */
  updateVerification(input: {
    userId: string
    from: VerificationDetails['status'][]
    details: VerificationDetails
    audit?: AuditEntry
    notifications?: OutgoingNotification[]
  }): Promise<StoredUser>
  updateStatus(input: { userId: string; from: User['status']; to: User['status']; audit: AuditEntry }): Promise<StoredUser>
  listPendingVerifications(): Promise<StoredUser[]>
  listUsers(query: UsersQuery): Promise<{ items: StoredUser[]; nextCursor: string | null }>
  listAudit(page: { cursor?: string; limit: number }): Promise<{ items: AuditEntry[]; nextCursor: string | null }>
}
