import type { Accounts } from '@market/core'
import type { RequestIdVariables } from 'hono/request-id'

/** The Idempotency-Key a request came with, when it came (its day starts then), and whether its write has answered it. */
export type HeldKey = { scope: string; key: string; requestHash: string; at: Date; answered: boolean }

/**
 * What every group app's context carries. `actor` is set by the auth middleware once it has looked;
 * `heldKey` by the idempotency middleware while a keyed request runs; `pagesOn` by a route whose
 * page goes on at another endpoint.
 */
export type AppEnv = {
  Variables: RequestIdVariables & {
    actor?: Accounts.StoredUser
    sessionId?: string
    actorLoaded?: boolean
    /** What the route asked to read with the session (see the auth middleware's `ReadAlongside`). */
    alongside?: unknown
    heldKey?: HeldKey
    pagesOn?: string
  }
}
