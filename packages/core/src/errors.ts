import type { ErrorKind } from '@market/contracts'

/**
 * A failure the user can act on. `kind` picks the HTTP status (in one place, the API's error
 * handler); `code` is stable so the web can translate it; `message` is for developers and logs.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: Exclude<ErrorKind, 'internal'>,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** For 429 and 503: when the client may try again (sent as Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** The table could not be reached or throttled us: the client should retry later. */
export class ServiceUnavailableError extends DomainError {
  constructor(retryAfterSeconds = 1) {
    super('unavailable', 'service.unavailable', 'The market is busy; please retry shortly', undefined, retryAfterSeconds)
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not_found', `${what}.not_found`, `No such ${what}`)
  }
}

/**
 * The request's Idempotency-Key already has an answer: recorded before (`recorded`, as the rule
 * read it), or by a concurrent duplicate whose write won (the API then reads it). The API answers
 * with it; a 409 only if it is gone meanwhile.
 */
export class KeyAnsweredError extends DomainError {
  constructor(readonly recorded?: { requestHash: string; status: number; body: string }) {
    super('conflict', 'idempotency.in_progress', 'Another request with this Idempotency-Key answered first')
  }
}
