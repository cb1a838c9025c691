import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import type { AppEnv } from './app-env.ts'
import type { ApiDeps } from './deps.ts'
import { errorHandler, notFoundHandler } from './middleware/errors.ts'
import { requestLog } from './middleware/request-log.ts'
import { sameOriginOnly } from './middleware/same-origin.ts'

/**
 * The base of every route group's app: request id, request log, the cross-site check and the
 * error envelope. Each group is deployed as its own Lambda, so each carries this middleware itself.
 */
export const createGroupApp = (deps: Pick<ApiDeps, 'log'>) =>
  new Hono<AppEnv>()
    .use(requestId({ headerName: 'X-Request-Id' }))
    .use(requestLog(deps.log))
    .use(sameOriginOnly)
    .onError(errorHandler(deps.log))
    .notFound(notFoundHandler)
