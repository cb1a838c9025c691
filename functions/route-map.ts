/**
 * Which function serves which paths: plain data, read by the CDK app (one Lambda and one set of
 * API Gateway routes per group), by the local server (which sends each request to the group's
 * app the same way) and by the tests that check every mounted route is documented and authorized.
 *
 * A prefix serves itself and everything below it (`/api/listings` and `/api/listings/*`). A
 * segment may be a parameter (`/api/suppliers/:id`). Where prefixes of several groups match, the
 * most specific wins, segment by segment: a literal segment before a parameter, then the longer
 * prefix. So `/api/suppliers/me/listings` (listings) and `/api/suppliers/me` (accounts) both win
 * over `/api/suppliers/:id`, for `/api/suppliers/me/…` paths. API Gateway picks among the routes
 * the stack makes of these prefixes by the same rule (its "most specific match").
 */
export type RouteGroup = {
  /** Short, stable name: the Lambda's logical id is derived from it. */
  name: string
  prefixes: readonly string[]
  /** The Lambda entry, relative to the project root: it exports the `handler` that wraps the group's app. */
  entry: string
  /** Groups that only read may be granted read-only table access. */
  access: 'read' | 'readwrite'
  /** Longer than the house 10 s, for a group whose requests do more (within API Gateway's 30 s). */
  timeoutSeconds?: number
  /**
   * The group presigns photo uploads or reads photos back (listings, messages, certificates, a
   * request's photos, a bank account's QR code): its entry passes the S3 photo store (loaded at the
   * first photo call), and only its function bundles S3 and may touch photos/.
   */
  photos?: boolean
  /** Object-store prefixes (besides photos/) the group presigns uploads to and reads back. */
  fileKeyPrefixes?: readonly string[]
}

export const routeGroups = [
  {
    name: 'accounts',
    prefixes: ['/api/auth', '/api/me', '/api/suppliers/me'],
    entry: 'functions/accounts.ts',
    access: 'readwrite',
    // A supplier's bank account names its collection QR code, checked to be an uploaded image.
    photos: true,
  },
  { name: 'admin', prefixes: ['/api/admin'], entry: 'functions/admin.ts', access: 'readwrite' },
  {
    name: 'metrics',
    prefixes: ['/api/admin/metrics', '/api/market'],
    entry: 'functions/metrics.ts',
    access: 'readwrite',
  },
  { name: 'meta', prefixes: ['/api/health', '/api/openapi.json'], entry: 'functions/meta.ts', access: 'read' },
  {
    name: 'listings',
    prefixes: ['/api/categories', '/api/listings', '/api/suppliers/me/listings', '/api/uploads'],
    entry: 'functions/listings.ts',
    access: 'readwrite',
    photos: true,
  },
  {
    // Bulk listings read a file of up to 2,000 rows and write them in batches: only this function bundles the XLSX reader.
    name: 'listing-imports',
    prefixes: ['/api/suppliers/me/listing-imports'],
    entry: 'functions/listing-imports.ts',
    access: 'readwrite',
    photos: true,
    timeoutSeconds: 28,
    fileKeyPrefixes: ['listing-imports/'],
  },
  { name: 'notifications', prefixes: ['/api/notifications'], entry: 'functions/notifications.ts', access: 'readwrite' },
  { name: 'orders', prefixes: ['/api/orders'], entry: 'functions/orders.ts', access: 'readwrite' },
  {
    name: 'ratings',
    prefixes: [
      '/api/ratings',
      '/api/orders/:id/rating',
      '/api/suppliers',
      '/api/suppliers/:id',
      '/api/suppliers/me/ratings',
      '/api/admin/ratings',
      '/api/suppliers/me/certifications',
      '/api/admin/certifications',
      '/api/admin/suppliers/:id/certifications',
    ],
    entry: 'functions/ratings.ts',
    access: 'readwrite',
    photos: true,
  },
  // A request's photos are checked to be uploaded images.
  { name: 'rfqs', prefixes: ['/api/rfqs', '/api/bids'], entry: 'functions/rfqs.ts', access: 'readwrite', photos: true },
  { name: 'threads', prefixes: ['/api/threads'], entry: 'functions/threads.ts', access: 'readwrite', photos: true },
  { name: 'webhooks', prefixes: ['/api/webhooks'], entry: 'functions/webhooks.ts', access: 'readwrite' },
] as const satisfies readonly RouteGroup[]

export type GroupName = (typeof routeGroups)[number]['name']

const segments = (path: string) => path.split('/').filter(Boolean)
const isParameter = (segment: string) => segment.startsWith(':')

/** Whether `prefix` serves `path`: its segments start the path's, a parameter standing for any one segment. */
export const prefixMatches = (prefix: string, path: string) => {
  const wanted = segments(prefix)
  const given = segments(path)
  return wanted.length <= given.length && wanted.every((segment, index) => isParameter(segment) || segment === given[index])
}

/** Which of two matching prefixes is the more specific: > 0 when `a` is. */
export const compareSpecificity = (a: string, b: string) => {
  const left = segments(a)
  const right = segments(b)
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const literalFirst = Number(!isParameter(left[index] as string)) - Number(!isParameter(right[index] as string))
    if (literalFirst !== 0) return literalFirst
  }
  return left.length - right.length
}

/** The group that serves a path: the one with the most specific matching prefix. */
export const groupForPath = (path: string, groups: readonly RouteGroup[] = routeGroups): RouteGroup | undefined => {
  let best: { group: RouteGroup; prefix: string } | undefined
  for (const group of groups) {
    for (const prefix of group.prefixes) {
      if (prefixMatches(prefix, path) && (!best || compareSpecificity(prefix, best.prefix) > 0)) best = { group, prefix }
    }
  }
  return best?.group
}

/** The API Gateway route paths of a prefix: itself and everything below it, parameters as `{name}`. */
export const gatewayRoutePaths = (prefix: string) => {
  const path = prefix.replace(/:(\w+)/g, '{$1}')
  return [path, `${path}/{proxy+}`]
}
