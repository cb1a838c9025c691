import type {
  Accounts,
  AttentionStore,
  Catalog,
  Certifications,
  Clock,
  IdempotencyStore,
  IdGenerator,
  Listings,
  Metrics,
  Notifications,
  Orders,
  Ratings,
  Rfqs,
  Threads,
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
  threads: Threads.ThreadStore
  /** What waits for the signed-in user: the navigation's counts. */
  attention: AttentionStore
  suppliers: Ratings.SupplierDirectory
  certifications: Certifications.CertificationStore
  /** The market's certified suppliers: the "certified green" filter and the count of certified suppliers. */
  registry: Certifications.CertifiedRegistryStore
  /** Stripe, once its keys are read; null where they are not configured. */
  payments(): Promise<Orders.PaymentGateway | null>
  idempotency: IdempotencyStore
  /** The scrypt cost of the passwords it hashes: the market's own unless a test lowers it. */
  passwordCost?: Accounts.PasswordCost
  /**
   * Runs work after the response, where the process outlives it (`npm start`, tests); absent in
   * Lambda, where the scheduled jobs take the work up instead (a category's re-indexing).
   */
  background?: (task: () => Promise<unknown>) => void
  sessions: {
    /** The token-signing secret; read once (from the environment or the secret store) and cached. */
    secret(): Promise<string>
    /** Secure cookies everywhere but plain-HTTP local development. */
    cookieSecure: boolean
  }
}

/**
 * The ports one route group's app takes: the request log and `ports`. Each group names its own
 * (`ListingsDeps`, …), so its Lambda builds only those repositories and bundles only their code.
 */
export type GroupDeps<Port extends keyof ApiDeps> = Pick<ApiDeps, 'log' | Port>
