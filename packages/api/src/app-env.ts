import type { Accounts } from '@market/core'
import type { RequestIdVariables } from 'hono/request-id'

/** What every group app's context carries. `actor` is set by the auth middleware once it has looked. */
export type AppEnv = {
  Variables: RequestIdVariables & { actor?: Accounts.StoredUser; sessionId?: string; actorLoaded?: boolean }
}
