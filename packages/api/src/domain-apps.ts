import type { Hono } from 'hono'
import { createAccountsApp } from './accounts/app.ts'
import { createAdminApp } from './admin/app.ts'
import type { GroupDeps } from './deps.ts'
import { createListingImportsApp } from './listing-imports/app.ts'
import { createListingsApp } from './listings/app.ts'
import { createMetricsApp } from './metrics/app.ts'
import { createNotificationsApp } from './notifications/app.ts'
import { createOrdersApp } from './orders/app.ts'
import { createRatingsApp } from './ratings/app.ts'
import { createRfqsApp } from './rfqs/app.ts'
import { createThreadsApp } from './threads/app.ts'
import { createWebhooksApp } from './webhooks/app.ts'

// Any group's ports will do (the meta function's): a factory reads a port only when a route runs.
type AnyApp = (deps: GroupDeps<never>) => Hono<never>

/**
 * Every domain's app factory, for the OpenAPI document (the meta group documents itself). They are
 * built over the meta function's ports only to read their routes: no route of theirs runs there,
 * and a factory reads its ports only when a route does.
 */
export const domainAppFactories = [
  createAccountsApp,
  createAdminApp,
  createListingsApp,
  // Only its routes are read here, never served: it needs no file reader.
  createListingImportsApp,
  createMetricsApp,
  createNotificationsApp,
  createOrdersApp,
  createRatingsApp,
  createRfqsApp,
  createThreadsApp,
  createWebhooksApp,
] as unknown as AnyApp[]
