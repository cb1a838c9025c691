import { orderDeps } from '@market/api'
import { Orders, Rfqs } from '@market/core'
import { deps } from './deps.ts'

/**
 * The scheduled jobs: every 5 minutes by EventBridge in the cloud, on a timer under `npm start`.
 * Each job is safe to run twice at once (its changes are conditional writes).
 */
export const runJobs = async () => ({
  orders: await Orders.runOrderJobs(await orderDeps(deps())),
  rfqs: await Rfqs.runRfqJobs(deps()),
})

export const handler = runJobs
