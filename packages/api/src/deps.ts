import type {
  Accounts,
  AttentionStore,
  Catalog,
  Clock,
  IdempotencyStore,
  IdGenerator,
  Listings,
  Metrics,
  Notifications,
  Orders,
  Ratings,
  Rfqs,
} from '@market/core'
import type { Logger } from './middleware/request-log.ts'

/** The ports the API needs, built by the composition root (functions/deps.ts) or by a test. */
export type ApiDeps = {
  log: Logger
  clock: Clock
  ids: IdGenerator
  health: { ping(): Promise<void> }
  categories: Catalog.CategoryStore
  accounts: Accounts.AccountStore
  listings: Listings.ListingStore
  listingImports: Listings.ListingImportStore
  photos: Listings.PhotoStore
  notifications: Notifications.NotificationStore
  orders: Orders.OrderStore
  rfqs: Rfqs.RfqStore
  metrics: Metrics.MetricsStore
  ratings: Ratings.RatingStore
  /** What waits for the signed-in user: the navigation's counts. */
  attention: AttentionStore
  suppliers: Ratings.SupplierDirectory
  /** Stripe, once its keys are read; null where they are not configured. */
  payments(): Promise<Orders.PaymentGateway | null>
  idempotency: IdempotencyStore
  sessions: {
    /** The token-signing secret; read once (from the environment or the secret store) and cached. */
    secret(): Promise<string>
    /** Secure cookies everywhere but plain-HTTP local development. */
    cookieSecure: boolean
  }
}
