import type { RequestIdVariables } from 'hono/request-id'

/** What every group app's context carries; auth adds the actor in the accounts issue. */
export type AppEnv = { Variables: RequestIdVariables }
