// Core's errors by their own path, not the barrel: in the meta function the barrel's namespaces
// are live (its OpenAPI chunk builds every app), and the barrel would bring them all in at start.
import { DomainError } from '@market/core/errors'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { requestId } from 'hono/request-id'
import type { AppEnv } from './app-env.ts'
import type { ApiDeps } from './deps.ts'
import { errorHandler, notFoundHandler } from './middleware/errors.ts'
import { withPagingScope } from './middleware/paging-scope.ts'
import { requestLog } from './middleware/request-log.ts'
import { sameOriginOnly } from './middleware/same-origin.ts'

/**
 * The base of every route group's app: request id, request log, the cross-site check, the
 * request cursors are bound to, and the error envelope. Each group is deployed as its own Lambda, so each carries this middleware itself.
 */
export const createGroupApp = (deps: Pick<ApiDeps, 'log'>) =>
  new Hono<AppEnv>()
    .use(requestId({ headerName: 'X-Request-Id' }))
    .use(requestLog(deps.log))
    .use(sameOriginOnly)
    .use(withPagingScope)
    // Every body the API takes is small JSON; a photo goes straight to the bucket, never through here.
    .use(
      bodyLimit({
        maxSize: 256 * 1024,
        onError: () => {
          throw new DomainError('too_large', 'request.too_large', 'The request body is larger than 256 KB')
        },
      }),
    )
    .onError(errorHandler(deps.log))
    .notFound(notFoundHandler)
