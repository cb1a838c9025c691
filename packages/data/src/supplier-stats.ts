import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { responseSampleSize } from '@market/contracts/values'
import type { Ratings } from '@market/core'
import type { Item, TransactItem } from './items.ts'
import { supplierStatsKey } from './keys.ts'
import { writeRefusal } from './transactions.ts'

const counters = [
  'shipped',
  'shippedOnTime',
  'completed',
  'disputesResolved',
  'disputesLost',
  'activeListings',
] as const satisfies Ratings.StatsCounter[]

export const toStats = (item: Item | undefined): Ratings.SupplierStats => ({
  ...(Object.fromEntries(counters.map((name) => [name, (item?.[name] as number | undefined) ?? 0])) as Record<
    Ratings.StatsCounter,
    number
  >),
  responseMinutes: (item?.responseMinutes as number[] | undefined) ?? [],
})

/**
 * A change to a supplier's stats item, as an item of the transaction of the event it counts:
 * counters by ADD, a response time appended to the sample. Nothing to change: no item.
 */
export const statsWrites = (table: string, change: Ratings.StatsChange | undefined): TransactItem[] => {
  const added = Object.entries(change?.add ?? {}).filter(([, value]) => value)
  if (!change || (added.length === 0 && change.responseMinutes === undefined)) return []
  const values: Item = { ':type': 'supplier-stats', ...Object.fromEntries(added.map(([name, value]) => [`:${name}`, value])) }
  let set = '#type = :type'
  if (change.responseMinutes !== undefined) {
    set += ', responseMinutes = list_append(if_not_exists(responseMinutes, :empty), :minutes)'
    values[':empty'] = []
    values[':minutes'] = [change.responseMinutes]
  }
  return [
    {
      Update: {
        TableName: table,
        Key: supplierStatsKey(change.supplierId),
        UpdateExpression: `SET ${set}${added.length ? ` ADD ${added.map(([name]) => `${name} :${name}`).join(', ')}` : ''}`,
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: values,
      },
    },
  ]
}

/** How far past its size the sample grows before it is trimmed: a trim is a request of its own, once in this many first bids. */
const trimSlack = 50

/**
 * How many of the oldest response times to drop after a first bid appended one to a sample that
 * held `held`: none until the sample is `trimSlack` past its size, then back down to its size
 * (at most `trimSlack` twice over at once, which keeps the update small).
 */
export const responseTimesToTrim = (held: number) =>
  held + 1 >= responseSampleSize + trimSlack ? Math.min(held + 1 - responseSampleSize, 2 * trimSlack) : 0

/**
 * Keeps the response sample near its size once a transaction has appended to it (a list cannot be
 * appended to and trimmed in one update). On condition it is at least as long as after that
 * append: a trim that ran meanwhile is not repeated. Reading takes the latest
 * `responseSampleSize` anyway, so a trim that never ran changes no figure.
 */
export const trimResponseSample = async (db: DynamoDBDocumentClient, table: string, supplierId: string, held: number) => {
  const drop = responseTimesToTrim(held)
  if (drop === 0) return
  try {
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: supplierStatsKey(supplierId),
        UpdateExpression: `REMOVE ${Array.from({ length: drop }, (_, index) => `responseMinutes[${index}]`).join(', ')}`,
        ConditionExpression: 'size(responseMinutes) >= :appended',
        ExpressionAttributeValues: { ':appended': held + 1 },
      }),
    )
  } catch (error) {
    if (writeRefusal(error) !== 'condition') throw error
  }
}
