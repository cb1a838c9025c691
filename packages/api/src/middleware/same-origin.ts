import { DomainError } from '@market/core/errors'
import { createMiddleware } from 'hono/factory'
import { requestHost } from './request-origin.ts'
import { isSafeMethod } from './safe-methods.ts'

class CrossSiteRequestError extends DomainError {
  constructor() {
    super('forbidden', 'request.cross_site', 'Requests that change something must come from the market’s own pages')
  }
}

/**
 * Refuses state-changing requests that a browser sent from another site (CSRF). The Origin must
 * name the host the request was sent to (see requestHost). Clients that are not browsers send no Origin and pass.
 */
export const sameOriginOnly = createMiddleware(async (c, next) => {
  if (!isSafeMethod(c.req.method)) {
    const origin = c.req.header('Origin')
    const host = requestHost(c)
    if (origin !== undefined) {
      let originHost: string | undefined
      try {
        originHost = new URL(origin).host
      } catch {
        originHost = undefined // "null" (sandboxed frames, file://) or garbage
      }
      if (originHost !== host) throw new CrossSiteRequestError()
    } else if (c.req.header('Sec-Fetch-Site') === 'cross-site') {
      throw new CrossSiteRequestError()
    }
  }
  await next()
})
