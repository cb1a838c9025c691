import { serveStatic } from '@hono/node-server/serve-static'
import { notFoundHandler } from '@market/api'
import { Hono } from 'hono'
import { groupForPath, type RouteGroup } from '../route-map.ts'

type FetchApp = { fetch: (request: Request) => Response | Promise<Response> }

/**
 * One origin for the whole market, as CloudFront gives in the cloud: `/api/*` goes to the group
 * app that the route map names for the path (as API Gateway would), photos come from the local
 * photo store, and everything else is the web app, with unknown paths falling back to index.html
 * for the SPA router.
 */
export const createOriginApp = ({
  groups,
  apps,
  webDir,
  photoStore,
}: {
  groups: RouteGroup[]
  apps: Map<string, FetchApp>
  webDir: string
  photoStore: Hono
}) =>
  new Hono()
    .all('/api/*', (c) => {
      const group = groupForPath(c.req.path, groups)
      const app = group && apps.get(group.name)
      return app ? app.fetch(c.req.raw) : notFoundHandler(c)
    })
    .route('/', photoStore)
    .use('/*', serveStatic({ root: webDir }))
    .get('/*', serveStatic({ root: webDir, path: 'index.html' }))
