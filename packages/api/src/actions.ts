import { IdParam } from '@market/contracts'
import type { Accounts } from '@market/core'
import type { MiddlewareHandler } from 'hono'
import { createFactory } from 'hono/factory'
import type { z } from 'zod'
import type { AppEnv } from './app-env.ts'
import type { SignedIn } from './middleware/auth.ts'
import { validate } from './middleware/validate.ts'

const factory = createFactory<AppEnv>()

type Actor = Accounts.StoredUser

/**
 * The compact forms of the routes most routes are: documented, guarded, their input checked, and
 * 200 with what the domain answers. Each returns the route's handlers, to spread into the route;
 * its type (and so the web's typed client) is the one the handlers written out would give:
 *
 *     const admin = actions(deps, requireRole('admin'))
 *     .post('/api/listings/:id/approve', ...admin.onId(doc('Approve a listing', { 200: ['The listing', Listing] }), Listings.approveListing))
 */
export const actions = <Deps>(deps: Deps, guard: MiddlewareHandler<AppEnv & SignedIn>) => ({
  /** Acts on the object the path's `:id` names. */
  onId: <T extends object>(doc: MiddlewareHandler, act: (deps: Deps, actor: Actor, id: string) => Promise<T>) =>
    factory.createHandlers(doc, guard, validate('param', IdParam), async (c) =>
      c.json(await act(deps, c.var.actor, c.req.valid('param').id), 200),
    ),

  /** Acts on the object the path's `:id` names, with a JSON body checked by `body` (one it may go without if `optional`). */
  onIdWith: <S extends z.ZodType, T extends object>(
    doc: MiddlewareHandler,
    body: S,
    act: (deps: Deps, actor: Actor, id: string, input: z.output<S>) => Promise<T>,
    options: { optional?: boolean } = {},
  ) =>
    factory.createHandlers(doc, guard, validate('param', IdParam), validate('json', body, options), async (c) =>
      c.json(await act(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
    ),

  /** Reads with a query string checked by `query`. */
  withQuery: <S extends z.ZodType, T extends object>(
    doc: MiddlewareHandler,
    query: S,
    read: (deps: Deps, actor: Actor, input: z.output<S>) => Promise<T>,
  ) =>
    factory.createHandlers(doc, guard, validate('query', query), async (c) =>
      c.json(await read(deps, c.var.actor, c.req.valid('query')), 200),
    ),

  /** Acts on a JSON body checked by `body`, answering with `status` (201 for what it creates). */
  withBody: <S extends z.ZodType, T extends object, Status extends 200 | 201>(
    doc: MiddlewareHandler,
    body: S,
    act: (deps: Deps, actor: Actor, input: z.output<S>) => Promise<T>,
    status: Status,
  ) =>
    factory.createHandlers(doc, guard, validate('json', body), async (c) =>
      c.json(await act(deps, c.var.actor, c.req.valid('json')), status),
    ),
})
