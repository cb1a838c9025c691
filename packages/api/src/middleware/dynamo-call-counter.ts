import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Counts the DynamoDB calls of one request. The DynamoDB client, far from the HTTP layer, adds to
 * the counter of the request it runs in; the request log reads it.
 */
type Counter = { calls: number }

const storage = new AsyncLocalStorage<Counter>()

/** Runs `fn` with a counter of its own, which the DynamoDB calls made while it runs add to. */
export const countDynamoCalls = <T>(fn: () => Promise<T>): { counter: Counter; result: Promise<T> } => {
  const counter: Counter = { calls: 0 }
  return { counter, result: storage.run(counter, fn) }
}

/** Wired to the DynamoDB client by the composition root (functions/deps.ts). */
export const recordDynamoCall = () => {
  const counter = storage.getStore()
  if (counter) counter.calls += 1
}
