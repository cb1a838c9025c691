import { randomUUID } from 'node:crypto'
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { type IdempotencyClaim, type IdempotencyStore, type KeyAnswer, KeyTakenOverError } from '@market/core'
import { itemIsNew, type TransactItem } from './items.ts'
import { idempotencyKey } from './keys.ts'
import { writeRefusal } from './transactions.ts'

/** Keys are remembered a day, as Stripe does; then the same key may be used again. */
const retentionSeconds = 24 * 3600

/** The request that claimed the key still holds it: it has not answered, and no retry took it over. */
const stillHeld = {
  ConditionExpression: '#state = :inProgress AND #token = :token',
  ExpressionAttributeNames: { '#state': 'state', '#token': 'token' },
}

const answerUpdate = (table: string, answer: KeyAnswer) => ({
  TableName: table,
  Key: idempotencyKey(answer.scope, answer.key),
  UpdateExpression: 'SET #state = :done, #status = :status, body = :body',
  ...stillHeld,
  ExpressionAttributeNames: { ...stillHeld.ExpressionAttributeNames, '#status': 'status' },
  ExpressionAttributeValues: {
    ':done': 'done',
    ':inProgress': 'in_progress',
    ':token': answer.token,
    ':status': answer.status,
    ':body': answer.body,
  },
})

/**
 * The write that answers a keyed request's key, as the first item of the transaction that does
 * what the request asked: so the key is answered exactly when the rest is written.
 */
export const keyAnswerWrites = (table: string, answer: KeyAnswer | undefined): TransactItem[] =>
  answer ? [{ Update: answerUpdate(table, answer) }] : []

/** A transaction that began with `keyAnswerWrites` and was refused on the key: the request lost its key to a retry. */
export const refuseIfKeyTakenOver = (error: unknown, answer: KeyAnswer | undefined) => {
  if (
    answer &&
    error instanceof TransactionCanceledException &&
    error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
  )
    throw new KeyTakenOverError()
}

const ignoreRefusal = (error: unknown) => {
  if (writeRefusal(error) !== 'condition') throw error
}

export const createIdempotencyRepository = (
  db: DynamoDBDocumentClient,
  table: string,
  /** A claim older than this belongs to a request that died (Lambda times out long before). */
  { leaseSeconds = 60 }: { leaseSeconds?: number | undefined } = {},
): IdempotencyStore => {
  const claim = async (scope: string, key: string, requestHash: string, now: Date): Promise<IdempotencyClaim> => {
    const token = randomUUID()
    const nowSeconds = Math.floor(now.getTime() / 1000)
    try {
      await db.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...idempotencyKey(scope, key),
            type: 'idempotency',
            state: 'in_progress',
            token,
            requestHash,
            startedAt: now.getTime(),
            expiresAt: nowSeconds + retentionSeconds,
          },
          // New, or its claimant died, or its day is over (TTL removes items some time after that).
          ConditionExpression: `${itemIsNew} OR (#state = :inProgress AND startedAt < :leaseEnded) OR expiresAt <= :now`,
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':inProgress': 'in_progress',
            ':leaseEnded': now.getTime() - leaseSeconds * 1000,
            ':now': nowSeconds,
          },
        }),
      )
      return { state: 'claimed', token }
    } catch (error) {
      ignoreRefusal(error)
    }
    const item = (await db.send(new GetCommand({ TableName: table, Key: idempotencyKey(scope, key), ConsistentRead: true }))).Item
    // Released between the put and the read: the key is free again.
    if (!item) return claim(scope, key, requestHash, now)
    return item.state === 'done'
      ? { state: 'done', requestHash: item.requestHash, status: item.status, body: item.body }
      : { state: 'in_progress', requestHash: item.requestHash }
  }

  return {
    /** Claims the key for this request, or says what the first request with it did. */
    claim,
    complete: async (answer: KeyAnswer) => {
      await db.send(new UpdateCommand(answerUpdate(table, answer))).catch(ignoreRefusal)
    },
    release: async (scope: string, key: string, token: string) => {
      await db
        .send(
          new DeleteCommand({
            TableName: table,
            Key: idempotencyKey(scope, key),
            ...stillHeld,
            ExpressionAttributeValues: { ':inProgress': 'in_progress', ':token': token },
          }),
        )
        .catch(ignoreRefusal)
    },
  }
}
