import { createHash } from 'node:crypto'
import { DomainError, type KeyedWrite } from '@market/core'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv, HeldKey } from '../app-env.ts'
import type { ApiDeps } from '../deps.ts'

const keyPattern = /^[\x21-\x7e]{1,255}$/

/**
 * `Idempotency-Key` for POSTs that create money-bearing things (orders, checkouts, awards). The
 * first request with a key claims it and runs; a replay with the same body gets its answer and
 * writes nothing; the same key with a different body is refused (422); a replay while the first is
 * still running is told so (409). Keys are per user, and live a day. Runs after the auth check.
 *
 * The route hands `keyedWrite(c, …)` to its rule, whose transaction records the answer with the
 * write, so a crash cannot leave an order without its key's answer (nor a key answered without its
 * order). Anything else is settled here: a refusal is kept as the answer, a failure on our side
 * frees the key for a retry — each only while the request still holds the key, so a request that
 * outlived its lease (a retry took the key over) changes nothing.
 */
export const idempotent = (deps: Pick<ApiDeps, 'idempotency' | 'clock'>) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = c.req.header('Idempotency-Key')
    if (key === undefined) return next()
    if (!keyPattern.test(key)) {
      throw new DomainError('invalid', 'idempotency.bad_key', 'An Idempotency-Key is 1–255 printable ASCII characters')
    }
    const scope = c.var.actor?.id ?? 'anonymous'
    const requestHash = createHash('sha256')
      .update(`${c.req.method} ${c.req.path}\n${await c.req.text()}`)
      .digest('hex')
    const claim = await deps.idempotency.claim(scope, key, requestHash, deps.clock.now())
    if (claim.state !== 'claimed' && claim.requestHash !== requestHash) {
      throw new DomainError('unprocessable', 'idempotency.key_reused', 'This Idempotency-Key was used for a different request')
    }
    if (claim.state === 'in_progress') {
      throw new DomainError('conflict', 'idempotency.in_progress', 'A request with this Idempotency-Key is still running')
    }
    if (claim.state === 'done') return replay(c, claim)
    const held: HeldKey = { scope, key, token: claim.token, answered: false }
    c.set('heldKey', held)
    await next()
    const status = c.res.status
    if (status >= 500) await deps.idempotency.release(scope, key, claim.token)
    else if (status >= 400 || !held.answered)
      await deps.idempotency.complete({ scope, key, token: claim.token, status, body: await c.res.clone().text() })
  })

/**
 * The keyed write of a request that holds an Idempotency-Key (undefined without one): the answer
 * it records is `status` with `view(result)` as JSON, which is what the route must answer too.
 */
export const keyedWrite = <T>(
  c: { var: { heldKey?: HeldKey } },
  status: ContentfulStatusCode,
  view: (result: T) => unknown = (result) => result,
): KeyedWrite<T> | undefined => {
  const held = c.var.heldKey
  if (!held) return undefined
  return (result) => {
    held.answered = true
    return { scope: held.scope, key: held.key, token: held.token, status, body: JSON.stringify(view(result)) }
  }
}

const replay = (c: Context, answer: { status: number; body: string }) =>
  c.body(answer.body, answer.status as ContentfulStatusCode, {
    'Content-Type': 'application/json',
    'Idempotent-Replayed': 'true',
  })
