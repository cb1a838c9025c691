import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Counts the DynamoDB calls of one request, and the items they read. The DynamoDB client, far
 * from the HTTP layer, adds to the counter of the request it runs in; the request log reads it.
 */
type Counter = { calls: number; itemsRead: number }

const storage = new AsyncLocalStorage<Counter>()

/** Runs `fn` with a counter of its own, which the DynamoDB calls made while it runs add to. */
export const countDynamoCalls = <T>(fn: () => Promise<T>): { counter: Counter; result: Promise<T> } => {
  const counter: Counter = { calls: 0, itemsRead: 0 }
  return { counter, result: storage.run(counter, fn) }
}

/** Wired to the DynamoDB client by the composition root (functions/deps.ts): one call, and the items it read. */
export const recordDynamoCall = (itemsRead = 0) => {
  const counter = storage.getStore()
  if (!counter) return
  counter.calls += 1
  counter.itemsRead += itemsRead
}
