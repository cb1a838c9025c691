import { createHash } from 'node:crypto'
import { DomainError } from '@market/core'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../app-env.ts'
import type { ApiDeps } from '../deps.ts'

const keyPattern = /^[\x21-\x7e]{1,255}$/

/**
 * `Idempotency-Key` for POSTs that create money-bearing things (orders, checkouts, awards). The
 * first request with a key runs and its answer is kept for a day; a replay with the same body gets
 * that answer and writes nothing; the same key with a different body is refused (422); a replay
 * while the first is still running is told so (409). Keys are per user. Runs after the auth check.
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
    await next()
    if (c.res.status >= 500) await deps.idempotency.release(scope, key)
    else await deps.idempotency.complete(scope, key, { status: c.res.status, body: await c.res.clone().text() })
  })

const replay = (c: Context, answer: { status: number; body: string }) =>
  c.body(answer.body, answer.status as ContentfulStatusCode, {
    'Content-Type': 'application/json',
    'Idempotent-Replayed': 'true',
  })
