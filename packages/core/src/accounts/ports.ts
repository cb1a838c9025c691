import type {
  AuditEntry,
  BankAccount,
  BankAccountChange,
  Locale,
  NotificationKind,
  RatingTotals,
  User,
  UsersQuery,
  VerificationDetails,
} from '@market/contracts'
import type { AuditFilter } from '../audit/audit-entry.ts'
import type { Badge } from '../certifications/rules.ts'
import type { OutgoingNotification } from '../notifications/notifications.ts'
import type { KeyedRead } from '../ports.ts'

/** A user as stored: what the API shows plus the secrets and bookkeeping it never shows. */
export type StoredUser = User & {
  passwordHash: string
  verificationDetails?: VerificationDetails
  version: number
  /** Categories a supplier has had listings approved in: it sees purchase requests of these. */
  tradeCategories?: string[]
  /** A supplier's visible ratings added up (see ratings/scores.ts); absent before its first rating. */
  ratingTotals?: RatingTotals
  /** A supplier's approved bank account: what its orders show buyers. */
  bankAccount?: BankAccount
  /** An account waiting for an administrator (with the verification request, or a later change). */
  bankAccountChange?: BankAccountChange
  /** A supplier's approved certifications (one per kind), changed only with their decisions: the badges its cards show. */
  certifications?: Badge[]
  /** The language the user chose in the web: their e-mail is written in it. */
  locale?: Locale
  /** Kinds of notification the user also wants by e-mail. */
  mailKinds?: NotificationKind[]
  /** Mail to the address bounced or drew a complaint: nothing more is sent. */
  mailUndeliverable?: boolean
  /** Sessions begun before this (ISO time) no longer sign anyone in: a password reset ends them all. */
  sessionsEndedAt?: string
}

/** What a change does to a supplier's accounts: the approved one set, the waiting one set (or removed, null). */
export type BankAccountUpdate = { bankAccount?: BankAccount; bankAccountChange?: BankAccountChange | null }

export type Session = { id: string; userId: string; expiresAt: Date }

/** Whether a sign-in attempt may check its password now, or when it may try again. */
export type LoginAttempt = { allowed: true } | { allowed: false; retryAt: Date }

/** A password reset waiting to be used, found by its token's hash (the token itself is never stored). */
export type PasswordReset = { tokenHash: string; userId: string; expiresAt: Date }

export interface AccountStore {
  /** Fails with EmailTakenError when the email is registered, even under concurrent attempts. */
  createUser(user: StoredUser): Promise<void>
  findUserById(id: string): Promise<StoredUser | undefined>
  findUserByEmail(email: string): Promise<StoredUser | undefined>
  /**
   * Counts one sign-in attempt for an email, atomically, before its password is checked: allowed
   * while fewer than `max` were counted in the current window (a window opens with the first
   * attempt after the last one ended), so parallel attempts cannot all slip through.
   */
  reserveLoginAttempt(email: string, now: Date, limit: { max: number; windowMs: number }): Promise<LoginAttempt>
  /** After a successful sign-in: the email's attempts start again from none. */
  clearLoginAttempts(email: string): Promise<void>
  createSession(session: Session): Promise<void>
  deleteSession(id: string): Promise<void>
  /**
   * The session and its user in one read (`found` undefined when either is gone), and what
   * `alongside` names in that same BatchGet.
   */
  findSessionUser<T = undefined>(
    sessionId: string,
    userId: string,
    alongside?: KeyedRead<T>,
  ): Promise<{ found: { session: Session; user: StoredUser } | undefined; alongside: T | undefined }>
  /** Replaces the verification details if the current status is one of `from` (else VerificationStateError). */
  updateVerification(input: {
    userId: string
    from: VerificationDetails['status'][]
    details: VerificationDetails
    accounts?: BankAccountUpdate
    audit?: AuditEntry
    notifications?: OutgoingNotification[]
  }): Promise<StoredUser>
  /**
   * A verified supplier's bank-account change, or an administrator's decision on it (on condition
   * the change decided is still the one waiting, `decidedChangeAt`): a waiting change puts the
   * supplier in the verification queue, a decision takes it out. The supplier stays verified.
   */
  updateBankAccount(input: {
    userId: string
    accounts: BankAccountUpdate
    decidedChangeAt?: string
    audit: AuditEntry
    notifications?: OutgoingNotification[]
  }): Promise<StoredUser>
  updateStatus(input: { userId: string; from: User['status']; to: User['status']; audit: AuditEntry }): Promise<StoredUser>
  listPendingVerifications(): Promise<StoredUser[]>
  listUsers(query: UsersQuery): Promise<{ items: StoredUser[]; nextCursor: string | null }>
  /** Accounts with a search term starting with one of `probes`, best first, by role and status when given, at most `limit`. */
  searchUsers(query: { probes: string[]; role?: User['role']; status?: User['status']; limit: number }): Promise<StoredUser[]>
  listAudit(query: AuditFilter & { cursor?: string; limit: number }): Promise<{ items: AuditEntry[]; nextCursor: string | null }>
  setLocale(userId: string, locale: Locale): Promise<void>
  setMailKinds(userId: string, kinds: NotificationKind[]): Promise<void>
  /** The address bounced or drew a complaint (a no-op for an address with no account). */
  markMailUndeliverable(email: string): Promise<void>
  /** The reset and the e-mail carrying its token, queued in one transaction. */
  createPasswordReset(reset: PasswordReset, mail: { id: string; token: string; due: Date }): Promise<void>
  findPasswordReset(tokenHash: string): Promise<PasswordReset | undefined>
  /**
   * Uses the reset once: on condition it is still there and unexpired at `now`, deletes it, sets
   * the password and ends every session begun until now. False when it was used or expired meanwhile.
   */
  completePasswordReset(reset: PasswordReset, passwordHash: string, now: Date): Promise<boolean>
}
