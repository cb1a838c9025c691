import { Orders, Rfqs } from '@market/core'
import { type MarketConfig, readLambdaConfig } from './config.ts'
import { buildStores } from './stores.ts'

export type JobDeps = Orders.OrderDeps & Rfqs.RfqDeps

/** The jobs' ports: the repositories, and no payment gateway, since no job moves money. */
export const buildJobDeps = (config: Pick<MarketConfig, 'tableName' | 'dynamodb' | 'secrets'>): JobDeps => {
  return { ...buildStores(config).ports, payments: null }
}

/**
 * The scheduled jobs: every 5 minutes by EventBridge in the cloud, on a timer under `npm start`.
 * Each job is safe to run twice at once (its changes are conditional writes).
 */
export const runJobs = async (deps: JobDeps) => ({
  orders: await Orders.runOrderJobs(deps),
  rfqs: await Rfqs.runRfqJobs(deps),
})

let lambda: JobDeps | undefined
export const handler = () => {
  lambda ??= buildJobDeps(readLambdaConfig(process.env))
  return runJobs(lambda)
}
