/**
 * Parts 3 and 4 of `npm run bench`: the HTTP API under autocannon at fixed connections, one
 * endpoint at a time. Each endpoint's DynamoDB cost per request comes from the market's request
 * log over the same run. Writes get a fresh target per request, made from the dataset (a request
 * the supplier has not bid on, a request not yet awarded, a new Idempotency-Key), so the load is
 * of successes; whatever did not succeed is counted as an error.
 */
import autocannon from 'autocannon'
import type { BenchParty, Dataset } from './dataset.ts'
import { benchPassword } from './dataset.ts'
import type { EngineKind } from './engine.ts'
import { type DynamoCost, dynamoCostsByRoute, requestsLogged } from './report.ts'
import type { BenchStack } from './stack.ts'

export type Endpoint = {
  name: string
  /** The route as the request log names it: method and path pattern. */
  route: string
  /** The engine operation the endpoint's own DynamoDB requests are mostly of. */
  engineKind: EngineKind | null
  request: () => { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string }
  /** How many requests it may make at most (writes: how many fresh targets there are). */
  amount?: number
}

export type EndpointResult = {
  name: string
  route: string
  listings: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  requests: number
  errors: number
  dynamo: DynamoCost | null
  engineKind: EngineKind | null
}

/**
 * A session cookie for each party, signed in through the API as a person would, all at once (each
 * sign-in's scrypt runs on the server's thread pool, side by side).
 */
export const signIn = async (url: string, parties: BenchParty[]) => {
  const cookies = new Map<string, string>()
  const signInOne = async (party: BenchParty) => {
    const response = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: url },
      body: JSON.stringify({ email: party.email, password: benchPassword }),
    })
    if (!response.ok) throw new Error(`Signing in ${party.email} failed: ${response.status} ${await response.text()}`)
    cookies.set(
      party.id,
      response.headers
        .getSetCookie()
        .map((cookie) => cookie.split(';')[0])
        .join('; '),
    )
  }
  await Promise.all(parties.map(signInOne))
  return cookies
}

/** Search words in the three languages, from the demo listings' titles the dataset numbers. */
export const searchWords = { zh: '羊毛', bo: 'བལ་སྐུད།', en: 'wool' } as const

const rotate = <T>(values: readonly T[]) => {
  let next = 0
  return () => values[next++ % values.length] as T
}

/** The read endpoints: browsing a category and searching in each language, at any size. */
export const browseEndpoints = (dataset: Dataset): Endpoint[] => {
  const categories = rotate([...new Set(dataset.listings.map((listing) => listing.categoryId))])
  const search = (language: keyof typeof searchWords): Endpoint => ({
    name: `search (${language})`,
    route: 'GET /api/listings',
    engineKind: 'Query',
    request: () => ({ method: 'GET', path: `/api/listings?q=${encodeURIComponent(searchWords[language])}` }),
  })
  return [
    {
      name: 'browse a category',
      route: 'GET /api/listings',
      engineKind: 'Query',
      request: () => ({ method: 'GET', path: `/api/listings?category=${categories()}` }),
    },
    search('zh'),
    search('bo'),
    search('en'),
  ]
}

/** Every endpoint of part 3, with the sessions and fresh write targets it needs. */
export const allEndpoints = (url: string, dataset: Dataset, cookies: Map<string, string>): Endpoint[] => {
  const listings = rotate(dataset.listings)
  const suppliers = rotate(dataset.suppliers)
  const json = (party: BenchParty, extra: Record<string, string> = {}) => ({
    'Content-Type': 'application/json',
    Origin: url,
    Cookie: cookies.get(party.id) as string,
    ...extra,
  })
  // A bid target: a request and a supplier who trades its category without a bid on it yet.
  const bidTargets = dataset.rfqs.flatMap((rfq) =>
    dataset.suppliers.flatMap((supplier, index) =>
      !supplier.categories.includes(rfq.categoryId) || rfq.bids.some((bid) => bid.supplierIndex === index)
        ? []
        : [{ rfq, supplier }],
    ),
  )
  const bidTarget = rotate(bidTargets)
  // An award target: a request not yet awarded, its first bid taking the whole quantity. The
  // requests are awarded from the last, so the bid load (from the first) rarely meets an awarded one.
  const awardTargets = [...dataset.rfqs].reverse()
  const awardTarget = rotate(awardTargets)
  const buyers = rotate(dataset.buyers)
  let key = 0
  const validUntil = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10)
  const framework: Endpoint = {
    name: 'framework (no database)',
    route: 'GET /api/bench/noop',
    engineKind: null,
    request: () => ({ method: 'GET', path: '/api/bench/noop' }),
  }
  return [
    framework,
    { name: 'health', route: 'GET /api/health', engineKind: 'GetItem', request: () => ({ method: 'GET', path: '/api/health' }) },
    ...browseEndpoints(dataset),
    {
      name: 'listing detail',
      route: 'GET /api/listings/:id',
      engineKind: 'GetItem',
      request: () => ({ method: 'GET', path: `/api/listings/${listings().id}` }),
    },
    {
      name: 'supplier page',
      route: 'GET /api/suppliers/:id',
      engineKind: 'GetItem',
      request: () => ({ method: 'GET', path: `/api/suppliers/${suppliers().id}` }),
    },
    {
      name: 'supplier request feed',
      route: 'GET /api/rfqs/feed',
      engineKind: 'Query',
      request: () => ({ method: 'GET', path: '/api/rfqs/feed', headers: json(suppliers()) }),
    },
    {
      name: 'submit a bid',
      route: 'POST /api/rfqs/:id/bids',
      engineKind: 'TransactWriteItems',
      amount: bidTargets.length,
      request: () => {
        const { rfq, supplier } = bidTarget()
        return {
          method: 'POST',
          path: `/api/rfqs/${rfq.id}/bids`,
          headers: json(supplier),
          body: JSON.stringify({ unitPriceFen: 12_345, quantity: rfq.quantity, leadTimeDays: 7, validUntil }),
        }
      },
    },
    {
      name: 'place an order',
      route: 'POST /api/orders',
      engineKind: 'TransactWriteItems',
      request: () => {
        const listing = listings()
        return {
          method: 'POST',
          path: '/api/orders',
          headers: json(buyers(), { 'Idempotency-Key': `bench-order-${process.pid}-${key++}` }),
          body: JSON.stringify({ listingId: listing.id, quantity: listing.moq, delivery: { method: 'pickup' } }),
        }
      },
    },
    {
      name: 'award',
      route: 'POST /api/rfqs/:id/award',
      engineKind: 'TransactWriteItems',
      amount: awardTargets.length,
      request: () => {
        const rfq = awardTarget()
        const bid = rfq.bids[0]
        return {
          method: 'POST',
          path: `/api/rfqs/${rfq.id}/award`,
          headers: json(rfq.buyer, { 'Idempotency-Key': `bench-award-${process.pid}-${key++}` }),
          body: JSON.stringify({ awards: [{ bidId: bid?.id, quantity: rfq.quantity }] }),
        }
      },
    },
  ]
}

/** One endpoint under load; its figures, with its DynamoDB cost from the request log of the run. */
export const loadEndpoint = async (
  stack: BenchStack,
  endpoint: Endpoint,
  { connections, seconds, listings }: { connections: number; seconds: number; listings: number },
): Promise<EndpointResult> => {
  // What the log holds before is of other runs: the last one's requests were all taken with it.
  await stack.takeLog()
  const first = endpoint.request()
  const result = await autocannon({
    url: stack.url,
    connections,
    duration: seconds,
    // At most `amount` requests (the write targets there are), and no longer than `seconds`.
    ...(endpoint.amount !== undefined ? { maxOverallRequests: endpoint.amount } : {}),
    requests: [
      {
        ...first,
        // A new request each time: the next target, session and key.
        setupRequest: (request) => ({ ...request, ...endpoint.request() }),
      },
    ],
  })
  // Every request sent, those still in flight when the run ended too: the server answers and logs them.
  const log = await stack.takeLog((text) => requestsLogged(text, endpoint.route) >= result.requests.sent)
  const costs = dynamoCostsByRoute(log, new Set([endpoint.route]))
  return {
    name: endpoint.name,
    route: endpoint.route,
    listings,
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    dynamo: costs.get(endpoint.route) ?? null,
    engineKind: endpoint.engineKind,
  }
}
