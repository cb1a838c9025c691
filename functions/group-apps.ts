import { createAccountsApp } from '@market/api/accounts/app'
import { createAdminApp } from '@market/api/admin/app'
import type { ApiDeps } from '@market/api/deps'
import { createListingImportsApp } from '@market/api/listing-imports/app'
import { createListingsApp } from '@market/api/listings/app'
import { createMetaApp } from '@market/api/meta/app'
import { createMetricsApp } from '@market/api/metrics/app'
import { createNotificationsApp } from '@market/api/notifications/app'
import { createOrdersApp } from '@market/api/orders/app'
import { createRatingsApp } from '@market/api/ratings/app'
import { createRfqsApp } from '@market/api/rfqs/app'
import { createThreadsApp } from '@market/api/threads/app'
import { createWebhooksApp } from '@market/api/webhooks/app'
import { createListingFiles } from '@market/data/listing-files'
import { type GroupName, type RouteGroup, routeGroups } from './route-map.ts'

export type FetchApp = { fetch: (request: Request) => Response | Promise<Response> }

/** The bulk-listings app takes the file reader besides the ports (its Lambda entry passes the same one); named as the factory it wraps. */
const withListingFiles = {
  createListingImportsApp: (deps: ApiDeps) => createListingImportsApp(deps, createListingFiles()),
}

/**
 * Each route group's app factory. A Lambda entry wraps the app of its own group (and imports only
 * that one); the local server and the tests build them all, from the same factories.
 */
export const groupApps = {
  accounts: createAccountsApp,
  admin: createAdminApp,
  listings: createListingsApp,
  'listing-imports': withListingFiles.createListingImportsApp,
  meta: createMetaApp,
  metrics: createMetricsApp,
  notifications: createNotificationsApp,
  orders: createOrdersApp,
  ratings: createRatingsApp,
  rfqs: createRfqsApp,
  threads: createThreadsApp,
  webhooks: createWebhooksApp,
} satisfies Record<GroupName, (deps: ApiDeps) => FetchApp>

/** Every group's app over one set of ports, by group name. */
export const buildGroupApps = (deps: ApiDeps, groups: readonly RouteGroup[] = routeGroups) =>
  new Map<string, FetchApp>(groups.map((group) => [group.name, groupApps[group.name as GroupName](deps)]))
