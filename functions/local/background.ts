import { AsyncLocalStorage } from 'node:async_hooks'
import type { Logger } from '@market/api/middleware/request-log'

/**
 * Work run in this process after the response (a category's re-indexing), one task at a time.
 * Tasks run outside the request that queued them, so its DynamoDB count and paging scope stay its
 * own. A failed task is logged; its job stays unfinished, and the next run resumes it.
 */
export const inProcessBackground = (log: Logger) => {
  const detached = AsyncLocalStorage.snapshot()
  let queue: Promise<unknown> = Promise.resolve()
  return (task: () => Promise<unknown>) => {
    queue = queue.then(() =>
      detached(() =>
        task().catch((error: unknown) =>
          log({ level: 'error', msg: 'background task failed', error: error instanceof Error ? error.message : String(error) }),
        ),
      ),
    )
  }
}
