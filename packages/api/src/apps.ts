import type { Hono } from 'hono'
import type { ApiDeps } from './deps.ts'
import { createListingsApp } from './listings/app.ts'

/** Every domain's app factory, for the OpenAPI document (the meta group documents itself). */
export const domainAppFactories: ((deps: ApiDeps) => Hono<never>)[] = [
  createListingsApp as unknown as (deps: ApiDeps) => Hono<never>,
]
