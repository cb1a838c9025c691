import { DomainError } from '@market/core'
import { createMiddleware } from 'hono/factory'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

class CrossSiteRequestError extends DomainError {
  constructor() {
    super('forbidden', 'request.cross_site', 'Requests that change something must come from the market’s own pages')
  }
}

/**
 * Refuses state-changing requests that a browser sent from another site (CSRF). The Origin must
 * name the host the request was sent to; behind CloudFront that host arrives as X-Forwarded-Host,
 * since API Gateway needs its own Host. Clients that are not browsers send no Origin and pass.
 */
export const sameOriginOnly = createMiddleware(async (c, next) => {
  if (!safeMethods.has(c.req.method)) {
    const origin = c.req.header('Origin')
    const host = c.req.header('X-Forwarded-Host') ?? c.req.header('Host') ?? new URL(c.req.url).host
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
