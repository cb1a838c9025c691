import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { type IdempotencyStore, type KeyAnswer, KeyAnsweredError, type KeyRecord } from '@market/core'
import { type Item, itemIsNew, type TransactItem } from './items.ts'
import { idempotencyKey } from './keys.ts'
import { conditionFailedAt, writeRefusal } from './transactions.ts'

/** Keys are remembered a day, as Stripe does; then the same key may be used again. */
const retentionSeconds = 24 * 3600

const seconds = (at: Date) => Math.floor(at.getTime() / 1000)

/** The recorded answer, unless its day is over (TTL removes items some time after that). */
export const keyRecordOf = (item: Item, now: Date): KeyRecord | undefined =>
  (item.expiresAt as number) > seconds(now)
    ? { requestHash: item.requestHash as string, status: item.status as number, body: item.body as string }
    : undefined

/** The answer recorded under its key, on condition the key has none yet (or only one whose day is over). */
const answerPut = (table: string, { scope, key, requestHash, status, body, at }: KeyAnswer) => ({
  TableName: table,
  Item: {
    ...idempotencyKey(scope, key),
    type: 'idempotency',
    requestHash,
    status,
    body,
    expiresAt: seconds(at) + retentionSeconds,
  },
  ConditionExpression: `${itemIsNew} OR expiresAt <= :now`,
  ExpressionAttributeValues: { ':now': seconds(at) },
})

/**
 * The write that answers a keyed request's key, as the first item of the transaction that does
 * what the request asked: so the key is answered exactly when the rest is written.
 */
export const keyAnswerWrites = (table: string, answer: KeyAnswer | undefined): TransactItem[] =>
  answer ? [{ Put: answerPut(table, answer) }] : []

/** A transaction that began with `keyAnswerWrites` and was refused on the key: a duplicate answered it first. */
export const throwIfKeyAnswered = (error: unknown, answer: KeyAnswer | undefined) => {
  if (answer && conditionFailedAt(error, 0)) throw new KeyAnsweredError()
}

export const createIdempotencyRepository = (db: DynamoDBDocumentClient, table: string): IdempotencyStore => {
  const answerOf = async ({ scope, key }: { scope: string; key: string }, now: Date) => {
    const item = (await db.send(new GetCommand({ TableName: table, Key: idempotencyKey(scope, key), ConsistentRead: true }))).Item
    return item ? keyRecordOf(item, now) : undefined
  }

  return {
    answerOf,
    keep: async (answer: KeyAnswer) => {
      try {
        await db.send(new PutCommand(answerPut(table, answer)))
        return undefined
      } catch (error) {
        if (writeRefusal(error) !== 'condition') throw error
      }
      return answerOf(answer, answer.at)
    },
  }
}
