import type { ApiDeps, LogLine } from '@market/api'
import { Catalog } from '@market/core'

/** In-memory ports for API tests through `app.request()`; `logs` collects what would be printed. */
export const fakeDeps = (overrides: Partial<ApiDeps> = {}) => {
  const logs: LogLine[] = []
  const deps: ApiDeps = {
    log: (line) => logs.push(line),
    health: { ping: async () => {} },
    categories: { listCategories: async () => Catalog.defaultCategories },
    ...overrides,
  }
  return { deps, logs }
}
