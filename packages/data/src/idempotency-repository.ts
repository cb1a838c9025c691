import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { IdempotencyClaim, IdempotencyStore } from '@market/core'
import { itemIsNew } from './items.ts'
import { idempotencyKey } from './keys.ts'
import { writeRefusal } from './transactions.ts'

/** Keys are remembered a day, as Stripe does; then the same key may be used again. */
const retentionSeconds = 24 * 3600
/** A claim older than this belongs to a request that died (Lambda times out long before). */
const leaseMs = 60_000

export const createIdempotencyRepository = (db: DynamoDBDocumentClient, table: string): IdempotencyStore => ({
  /** Claims the key for this request, or says what the first request with it did. */
  claim: async (scope: string, key: string, requestHash: string, now: Date): Promise<IdempotencyClaim> => {
    try {
      await db.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...idempotencyKey(scope, key),
            type: 'idempotency',
            state: 'in_progress',
            requestHash,
            startedAt: now.getTime(),
            expiresAt: Math.floor(now.getTime() / 1000) + retentionSeconds,
          },
          ConditionExpression: `${itemIsNew} OR (#state = :inProgress AND startedAt < :leaseEnded)`,
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':inProgress': 'in_progress', ':leaseEnded': now.getTime() - leaseMs },
        }),
      )
      return { state: 'claimed' }
    } catch (error) {
      if (writeRefusal(error) !== 'condition') throw error
    }
    const result = await db.send(new GetCommand({ TableName: table, Key: idempotencyKey(scope, key), ConsistentRead: true }))
    const item = result.Item ?? {}
    return item.state === 'done'
      ? { state: 'done', requestHash: item.requestHash, status: item.status, body: item.body }
      : { state: 'in_progress', requestHash: item.requestHash }
  },
  complete: async (scope: string, key: string, response: { status: number; body: string }) => {
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: idempotencyKey(scope, key),
        UpdateExpression: 'SET #state = :done, #status = :status, body = :body',
        ExpressionAttributeNames: { '#state': 'state', '#status': 'status' },
        ExpressionAttributeValues: { ':done': 'done', ':status': response.status, ':body': response.body },
      }),
    )
  },
  /** Forgets a key whose request failed on our side, so the client may retry with it. */
  release: async (scope: string, key: string) => {
    await db.send(new DeleteCommand({ TableName: table, Key: idempotencyKey(scope, key) }))
  },
})
