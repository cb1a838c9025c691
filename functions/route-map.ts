/**
 * Which function serves which paths: plain data, read by the CDK app (one Lambda and one set of
 * API Gateway routes per group) and by the local server (which mounts each group's app under the
 * same prefixes). Adding a group here is all it takes to deploy it.
 *
 * A prefix serves itself and everything below it (`/api/listings` and `/api/listings/*`).
 */
export type RouteGroup = {
  /** Short, stable name: the Lambda's logical id is derived from it. */
  name: string
  prefixes: readonly string[]
  /** The Lambda entry, relative to the project root: it exports the `handler` that wraps the group's app. */
  entry: string
  /** Groups that only read may be granted read-only table access. */
  access: 'read' | 'readwrite'
}

export const routeGroups = [
  {
    name: 'accounts',
    prefixes: ['/api/auth', '/api/me', '/api/suppliers'],
    entry: 'functions/accounts.ts',
    access: 'readwrite',
  },
  { name: 'admin', prefixes: ['/api/admin'], entry: 'functions/admin.ts', access: 'readwrite' },
  { name: 'meta', prefixes: ['/api/health', '/api/openapi.json'], entry: 'functions/meta.ts', access: 'read' },
  {
    name: 'listings',
    prefixes: ['/api/categories', '/api/listings', '/api/suppliers/me/listings', '/api/uploads'],
    entry: 'functions/listings.ts',
    access: 'readwrite',
  },
  { name: 'notifications', prefixes: ['/api/notifications'], entry: 'functions/notifications.ts', access: 'readwrite' },
  { name: 'orders', prefixes: ['/api/orders'], entry: 'functions/orders.ts', access: 'readwrite' },
  { name: 'rfqs', prefixes: ['/api/rfqs', '/api/bids'], entry: 'functions/rfqs.ts', access: 'readwrite' },
  { name: 'webhooks', prefixes: ['/api/webhooks'], entry: 'functions/webhooks.ts', access: 'readwrite' },
] as const satisfies readonly RouteGroup[]

export type GroupName = (typeof routeGroups)[number]['name']

/** The group that serves a path, by longest matching prefix. */
export const groupForPath = (path: string, groups: readonly RouteGroup[] = routeGroups): RouteGroup | undefined => {
  let best: { group: RouteGroup; length: number } | undefined
  for (const group of groups) {
    for (const prefix of group.prefixes) {
      const matches = path === prefix || path.startsWith(`${prefix}/`)
      if (matches && (!best || prefix.length > best.length)) best = { group, length: prefix.length }
    }
  }
  return best?.group
}
