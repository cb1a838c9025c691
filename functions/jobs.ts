import { Catalog, Certifications, type Listings, Orders, Rfqs } from '@market/core'
import { type MarketConfig, readLambdaConfig } from './config.ts'
import { stripeOnce } from './payments.ts'
import { buildStores } from './stores.ts'

/** The jobs' ports, with Stripe resolved when a run starts: cancelling an unpaid order closes its Checkout. */
export type JobDeps = Omit<Orders.OrderDeps & Rfqs.RfqDeps, 'payments'> & {
  listings: Listings.ListingStore
  certifications: Certifications.CertificationStore
  accounts: Certifications.CertificationDeps['accounts']
  registry: Certifications.CertifiedRegistryStore
  payments: () => Promise<Orders.PaymentGateway | null>
}

export const buildJobDeps = (config: Pick<MarketConfig, 'tableName' | 'dynamodb' | 'secrets'>): JobDeps => {
  const { ports, secrets } = buildStores(config)
  return { ...ports, payments: stripeOnce(secrets) }
}

/** Pages of listings one scheduled run re-indexes at most: well inside the function's time limit; the next run goes on. */
const reindexPagesPerRun = 20

/**
 * The scheduled jobs: every 5 minutes by EventBridge in the cloud, on a timer under `npm start`.
 * Each job is safe to run twice at once (its changes are conditional writes).
 */
export const runJobs = async (deps: JobDeps) => {
  const ports = { ...deps, payments: await deps.payments() }
  return {
    orders: await Orders.runOrderJobs(ports),
    rfqs: await Rfqs.runRfqJobs(ports),
    // In the cloud a rename's re-indexing is done here (a Lambda stops at its response).
    categories: await Catalog.runReindexJobs(ports, { maxPages: reindexPagesPerRun }),
    // Certifications past their expiry day lose their badges (one Get of the registry when none did).
    certifications: await Certifications.expireCertifications(ports),
  }
}

let lambda: JobDeps | undefined
export const handler = () => {
  lambda ??= buildJobDeps(readLambdaConfig(process.env))
  return runJobs(lambda)
}
