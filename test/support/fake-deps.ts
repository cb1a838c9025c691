import type { ApiDeps, LogLine } from '@market/api'
import { Catalog } from '@market/core'
import { ulid } from 'ulid'

/** Stands in for a port the test does not expect to be used. */
const unused = <T extends object>(name: string) =>
  new Proxy({} as T, {
    get: (_target, method) => () => {
      throw new Error(`${name}.${String(method)} was not expected in this test`)
    },
  })

/** In-memory ports for API tests through `app.request()`; `logs` collects what would be printed. */
export const fakeDeps = (overrides: Partial<ApiDeps> = {}) => {
  const logs: LogLine[] = []
  const deps: ApiDeps = {
    log: (line) => logs.push(line),
    clock: { now: () => new Date() },
    ids: { next: () => ulid() },
    accounts: unused('accounts'),
    listings: unused('listings'),
    listingImports: unused('listingImports'),
    notifications: unused('notifications'),
    photos: unused('photos'),
    orders: unused('orders'),
    rfqs: unused('rfqs'),
    metrics: unused('metrics'),
    ratings: unused('ratings'),
    threads: unused('threads'),
    attention: unused('attention'),
    suppliers: unused('suppliers'),
    certifications: unused('certifications'),
    registry: unused('registry'),
    idempotency: unused('idempotency'),
    payments: async () => null,
    sessions: { secret: async () => 'test-secret', cookieSecure: false },
    health: { ping: async () => {} },
    categories: {
      listCategories: async () => Catalog.defaultCategories,
      getCategory: async (id) => Catalog.defaultCategories.find((category) => category.id === id),
      addCategory: async () => {},
      updateCategory: async () => undefined,
      setRetired: async () => undefined,
      reindexJobs: async () => [],
      saveReindexProgress: async () => false,
      finishReindex: async () => {},
    },
    ...overrides,
  }
  return { deps, logs }
}
