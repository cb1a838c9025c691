import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb'

/** Why DynamoDB refused a write: a condition failed, another transaction held an item, or neither. */
export const writeRefusal = (error: unknown): 'condition' | 'conflict' | undefined => {
  if (error instanceof ConditionalCheckFailedException) return 'condition'
  if (error instanceof TransactionCanceledException) {
    const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code)
    if (codes.includes('ConditionalCheckFailed')) return 'condition'
    if (codes.includes('TransactionConflict')) return 'conflict'
  }
  return undefined
}

/** DynamoDB's limit on the items of one transaction. */
export const maxTransactionItems = 100

/** Whether a refused transaction's item at `index` failed its condition. */
export const conditionFailedAt = (error: unknown, index: number) =>
  error instanceof TransactionCanceledException && error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed'

/** Whether a refused transaction's items from `start` on (its number guards) include one that failed its condition. */
export const conditionFailedFrom = (error: unknown, start: number) =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).slice(start).some((reason) => reason.Code === 'ConditionalCheckFailed')

/**
 * Runs a transactional write, retrying while another transaction holds one of its items, so a
 * racing request ends in a clear condition failure (or success) rather than a spurious conflict.
 */
export const withConflictRetry = async <T>(write: () => Promise<T>, attempts = 8): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write()
    } catch (error) {
      if (writeRefusal(error) !== 'conflict' || attempt >= attempts) throw error
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt))
    }
  }
}
