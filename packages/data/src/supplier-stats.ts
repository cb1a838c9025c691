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

/**
 * Keeps the response sample at its size once a transaction has appended to it: drops the oldest
 * while the list is longer (a list cannot be appended to and trimmed in one update). Reading takes
 * the latest `responseSampleSize` anyway, so a trim that never ran changes no figure.
 */
export const trimResponseSample = async (db: DynamoDBDocumentClient, table: string, supplierId: string) => {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await db.send(
        new UpdateCommand({
          TableName: table,
          Key: supplierStatsKey(supplierId),
          UpdateExpression: 'REMOVE responseMinutes[0]',
          ConditionExpression: 'size(responseMinutes) > :size',
          ExpressionAttributeValues: { ':size': responseSampleSize },
        }),
      )
    } catch (error) {
      if (writeRefusal(error) === 'condition') return
      throw error
    }
  }
}
