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

/** A request's Idempotency-Key: per user (`scope`), with the hash of what the request asked. */
export type RequestKey = { scope: string; key: string; requestHash: string }

/** What the first request with an Idempotency-Key answered, as recorded for its day. */
export type KeyRecord = { requestHash: string; status: number; body: string }

/** A keyed request's answer, to record under its key; `at` starts the key's day. */
export type KeyAnswer = RequestKey & KeyRecord & { at: Date }

/**
 * How a keyed rule deals with its key: it reads the key's record with its other items (a recorded
 * answer is thrown back as KeyAnsweredError, for the API to replay), and hands `answer(result)` to
 * its store, which records it in the write's own transaction on condition the key has no answer
 * yet: the write happens exactly when the key is answered, and a concurrent duplicate writes nothing.
 */
export type KeyedWrite<T> = { key: RequestKey; answer: (result: T) => KeyAnswer }

/** Remembers what the first request with an Idempotency-Key answered (see the API's middleware). */
export interface IdempotencyStore {
  /** The key's answer, if it has one still within its day. */
  answerOf(key: Omit<RequestKey, 'requestHash'>, now: Date): Promise<KeyRecord | undefined>
  /**
   * Records the answer of a request that wrote nothing keyed (a refusal), unless the key has an
   * answer already (a concurrent duplicate's): that one stands, and is returned.
   */
  keep(answer: KeyAnswer): Promise<KeyRecord | undefined>
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
