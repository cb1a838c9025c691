import { createHash } from 'node:crypto'
import { DomainError, KeyAnsweredError, type KeyedWrite, type KeyRecord } from '@market/core'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv, HeldKey } from '../app-env.ts'
import type { ApiDeps } from '../deps.ts'

const keyPattern = /^[\x21-\x7e]{1,255}$/

/** The Idempotency-Key a request names, if well formed, in its caller's scope: what a rule's first read may look up. */
export const namedKey = (c: Context, scope: string) => {
  const key = c.req.header('Idempotency-Key')
  return key !== undefined && keyPattern.test(key) ? { scope, key } : undefined
}

/**
 * `Idempotency-Key` for POSTs that create money-bearing things (orders, checkouts, awards). The
 * first request with a key runs; a replay with the same body gets its answer and writes nothing;
 * the same key with a different body is refused (422). Keys are per user, and live a day. Runs
 * after the auth check.
 *
 * It costs the request nothing up front: the route hands `keyedWrite(c, …)` to its rule, which
 * reads the key's record with its own items (a recorded answer comes back as KeyAnsweredError)
 * and records its answer in its own transaction, on condition the key has none: so a crash cannot
 * leave an order without its key's answer, and of concurrent duplicates one writes and the others
 * are answered with its answer. A refusal is recorded here afterwards (unless a duplicate answered
 * first: that answer stands); a failure on our side records nothing, so a retry runs again.
 *
 * `readFirst`: for a route that calls another service (Stripe) before its write, the record is read
 * before the route runs, so a retry never calls it again.
 */
export const idempotent = (deps: Pick<ApiDeps, 'idempotency' | 'clock'>, { readFirst = false } = {}) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = c.req.header('Idempotency-Key')
    if (key === undefined) return next()
    if (!keyPattern.test(key)) {
      throw new DomainError('invalid', 'idempotency.bad_key', 'An Idempotency-Key is 1–255 printable ASCII characters')
    }
    const requestHash = createHash('sha256')
      .update(`${c.req.method} ${c.req.path}\n${await c.req.text()}`)
      .digest('hex')
    const held: HeldKey = { scope: c.var.actor?.id ?? 'anonymous', key, requestHash, at: deps.clock.now(), answered: false }
    if (readFirst) {
      const recorded = await deps.idempotency.answerOf(held, held.at)
      if (recorded) return answerWith(held, recorded)
    }
    c.set('heldKey', held)
    await next()
    let recorded: KeyRecord | undefined
    if (c.error instanceof KeyAnsweredError) {
      recorded = c.error.recorded ?? (await deps.idempotency.answerOf(held, held.at))
    } else if (c.res.status < 500 && (c.res.status >= 400 || !held.answered)) {
      recorded = await deps.idempotency.keep({ ...held, status: c.res.status, body: await c.res.clone().text() })
    }
    if (recorded) {
      const answer = answerWith(held, recorded)
      // A new response, not one merged with the headers of the answer it replaces.
      c.res = undefined
      c.res = answer
    }
  })

/** A recorded answer: replayed to the same request; the key used for another one is refused. */
const answerWith = (held: HeldKey, recorded: KeyRecord) => {
  if (recorded.requestHash !== held.requestHash) {
    throw new DomainError('unprocessable', 'idempotency.key_reused', 'This Idempotency-Key was used for a different request')
  }
  return new Response(recorded.body, {
    status: recorded.status,
    headers: { 'Content-Type': 'application/json', 'Idempotent-Replayed': 'true' },
  })
}

/**
 * The keyed write of a request that came with an Idempotency-Key (undefined without one): the
 * answer it records is `status` with `view(result)` as JSON, which is what the route must answer too.
 */
export const keyedWrite = <T>(
  c: { var: { heldKey?: HeldKey } },
  status: ContentfulStatusCode,
  view: (result: T) => unknown = (result) => result,
): KeyedWrite<T> | undefined => {
  const held = c.var.heldKey
  if (!held) return undefined
  const { scope, key, requestHash, at } = held
  return {
    key: { scope, key, requestHash },
    answer: (result) => {
      held.answered = true
      return { scope, key, requestHash, at, status, body: JSON.stringify(view(result)) }
    },
  }
}
