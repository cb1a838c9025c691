import type { z } from 'zod'

/** What a route says about itself; read back by the OpenAPI generator from `app.routes`. */
export type RouteDoc = {
  summary?: string
  tags?: string[]
  /** Responses by status; a schema of `null` means an empty body. */
  responses?: Record<number, { description: string; schema: z.ZodType | null }>
  /** `optional`: a JSON body the route may go without. */
  validates?: { target: 'json' | 'query' | 'param'; schema: z.ZodType; optional?: boolean }
}

const routeDocKey = Symbol.for('market.routeDoc')

export const attachRouteDoc = <F extends object>(handler: F, doc: RouteDoc): F => Object.assign(handler, { [routeDocKey]: doc })

export const readRouteDoc = (handler: unknown): RouteDoc | undefined =>
  typeof handler === 'function' ? (handler as unknown as Record<symbol, RouteDoc | undefined>)[routeDocKey] : undefined
