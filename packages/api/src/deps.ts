import type { Catalog } from '@market/core'
import type { Logger } from './middleware/request-log.ts'

/** The ports the API needs, built by the composition root (functions/deps.ts) or by a test. */
export type ApiDeps = {
  log: Logger
  health: { ping(): Promise<void> }
  categories: Catalog.CategoryStore
}
