/** Time and ids come in as ports so domain rules stay pure and tests can fix them. */
export interface Clock {
  now(): Date
}
export interface IdGenerator {
  next(): string
}

export type IdempotencyClaim =
  | { state: 'claimed' }
  | { state: 'in_progress'; requestHash: string }
  | { state: 'done'; requestHash: string; status: number; body: string }

/** Remembers what the first request with an Idempotency-Key answered (see the API's middleware). */
export interface IdempotencyStore {
  claim(scope: string, key: string, requestHash: string, now: Date): Promise<IdempotencyClaim>
  complete(scope: string, key: string, response: { status: number; body: string }): Promise<void>
  release(scope: string, key: string): Promise<void>
}
