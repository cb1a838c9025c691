import { serveStatic } from '@hono/node-server/serve-static'
import { notFoundHandler } from '@market/api/middleware/errors'
import { Hono } from 'hono'
import type { FetchApp } from '../group-apps.ts'
import { groupForPath, type RouteGroup } from '../route-map.ts'
import { securityHeaders } from '../security-headers.ts'
import { isHashedAsset, webCacheControl } from '../web-caching.ts'

/** Hashed assets are kept for a year; index.html is asked for again each time (the one list the cloud uses). */
const cacheControlFor = (path: string) => (isHashedAsset(path) ? webCacheControl.hashed : webCacheControl.other)

/**
 * One origin for the whole market, as CloudFront gives in the cloud: `/api/*` goes to the group
 * app that the route map names for the path (as API Gateway would), photos come from the local
 * photo bucket, and everything else is the web app, with unknown paths falling back to index.html
 * for the SPA router. Every response carries the security headers CloudFront adds in the cloud.
 */
export const createOriginApp = ({
  groups,
  apps,
  webDir,
  photoBucket,
  devApp,
  afterChange,
}: {
  groups: readonly RouteGroup[]
  apps: Map<string, FetchApp>
  webDir: string
  photoBucket: Hono
  /** Developer pages of the local market only (the e-mail outbox), mounted before the API. */
  devApp?: Hono
  /** Heard after every API request that may have changed something (the mail worker starts a run). */
  afterChange?: () => void
}) => {
  // Photo uploads go to the bucket on this same origin, which `connect-src 'self'` allows.
  const headers = securityHeaders()
  return new Hono()
    .use(async (c, next) => {
      await next()
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value)
    })
    .route('/', devApp ?? new Hono())
    .all('/api/*', async (c) => {
      const group = groupForPath(c.req.path, groups)
      const app = group && apps.get(group.name)
      if (!app) return notFoundHandler(c)
      const response = await app.fetch(c.req.raw)
      // A refused request changed nothing, so it queued no e-mail.
      if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && response.status < 400) afterChange?.()
      return response
    })
    .route('/', photoBucket)
    .use('/*', async (c, next) => {
      await next()
      if (c.res.ok) c.res.headers.set('Cache-Control', cacheControlFor(c.req.path))
    })
    .use('/*', serveStatic({ root: webDir, precompressed: true }))
    .get('/*', serveStatic({ root: webDir, path: 'index.html', precompressed: true }))
}
