import { AsyncLocalStorage } from 'node:async_hooks'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { routePath } from 'hono/route'
import type { AppEnv } from '../app-env.ts'

/**
 * Pagination cursors are bound to the endpoint that handed them out and to its caller, besides
 * their query. The cursor codec, far from the HTTP layer, asks here which request it serves; the
 * composition root (functions/deps.ts) wires it.
 */
const storage = new AsyncLocalStorage<Context<AppEnv>>()

/** Makes the request known to `pagingScope` while it is handled. */
export const withPagingScope = createMiddleware<AppEnv>((c, next) => storage.run(c, next))

/**
 * For a route whose first page goes on at another GET endpoint (a supplier's page shows its
 * newest reviews; "more" reads its ratings endpoint): its cursors are that endpoint's.
 */
export const pagesOn = (route: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('pagesOn', route)
    await next()
  })

/** The endpoint (method and route of the handler running) and the signed-in caller, if any; '' outside a request. */
export const pagingScope = () => {
  const c = storage.getStore()
  return c ? `${c.req.method} ${c.var.pagesOn ?? routePath(c)} ${c.var.actor?.id ?? ''}` : ''
}
