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
