import { AsyncLocalStorage } from 'node:async_hooks'

/** Per-request counters that code far from the HTTP layer (the DynamoDB client) adds to. */
type RequestCounters = { dynamoCalls: number }

const storage = new AsyncLocalStorage<RequestCounters>()

export const runWithRequestCounters = <T>(fn: () => Promise<T>): { counters: RequestCounters; result: Promise<T> } => {
  const counters: RequestCounters = { dynamoCalls: 0 }
  return { counters, result: storage.run(counters, fn) }
}

/** Wired to the DynamoDB client by the composition root (functions/deps.ts). */
export const recordDynamoCall = () => {
  const counters = storage.getStore()
  if (counters) counters.dynamoCalls += 1
}
