import type { AdminQueueCounts, AttentionCounts, User } from '@market/contracts'
/**
 * Items a repository reads by key, alone (`read`, one BatchGet) or in one BatchGet with other such
 * reads: the caller sends `keys` with theirs and hands `take` everything that came back. The
 * session's read takes a route's first read along this way (the auth middleware), so a route that
 * can name what it reads from the caller's id alone spends no request of its own on it.
 */
export type KeyedRead<T> = {
  keys: Record<string, unknown>[]
  take(items: Record<string, unknown>[]): T
  read(): Promise<T>
}

/** Time and ids come in as ports so domain rules stay pure and tests can fix them. */
export interface Clock {
  now(): Date
}
export interface IdGenerator {
  next(): string
}

export type IdempotencyClaim =
  | { state: 'claimed'; token: string }
  | { state: 'in_progress'; requestHash: string }
  | { state: 'done'; requestHash: string; status: number; body: string }

/**
 * What a request that holds an Idempotency-Key answers: `token` names the request's claim, and
 * the answer is kept only while the request still holds the key.
 */
export type KeyAnswer = { scope: string; key: string; token: string; status: number; body: string }

/**
 * How a keyed rule's result becomes its key's answer. The rule calls it before it writes and
 * hands the answer to the store, which records it in the write's own transaction: the write
 * happens exactly when the key is answered.
 */
export type KeyedWrite<T> = (result: T) => KeyAnswer

/** Remembers what the first request with an Idempotency-Key answered (see the API's middleware). */
export interface IdempotencyStore {
  claim(scope: string, key: string, requestHash: string, now: Date): Promise<IdempotencyClaim>
  /** Keeps the answer of a request that wrote nothing keyed, if it still holds the key. */
  complete(answer: KeyAnswer): Promise<void>
  /** Forgets the key of a request that failed on our side, if it still holds it, so it can be retried. */
  release(scope: string, key: string, token: string): Promise<void>
}

/**
 * Counts of what waits for a user, for the navigation's badges: a bounded number of reads (one
 * counting Query per queue, stopping at `attentionCountCap`, and the unread counter).
 */
export interface AttentionStore {
  countFor(user: Pick<User, 'id' | 'role'>): Promise<AttentionCounts>
  /** The administrators' console: each queue's count, one bounded counting Query each. */
  adminQueues(): Promise<AdminQueueCounts>
}

/** An e-mail as it leaves the market: plain text, to one address. */
export type OutgoingMail = { to: string; subject: string; text: string }

/**
 * Where e-mail goes: Amazon SES in the cloud, an outbox the developer reads under `npm start`. A
 * send that throws is retried later by the mail worker; it never touches the change that caused it.
 */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>
}
