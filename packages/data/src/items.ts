import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { KeyedRead } from '@market/core'
import { keyAttributeNames, tableDefinition } from './table-definition.ts'

export type Item = Record<string, unknown>
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number]

/** What kind of item it is (`user`, `listing`, …): bookkeeping of the table, like the keys. */
const itemTypeAttribute = 'type'
const bookkeeping = [...keyAttributeNames(), itemTypeAttribute]

/** The domain object stored in an item: the item without its keys, index attributes and type. */
export const withoutKeys = <T>(item: Item): T => {
  const object = { ...item }
  for (const name of bookkeeping) delete object[name]
  return object as T
}

/** Whether an item is the one a key names. */
export const hasKey = (item: Item, key: Record<string, string>) =>
  Object.entries(key).every(([name, value]) => item[name] === value)

/** Conditions on whether the item a write names is there (every item has a partition key). */
export const itemIsNew = `attribute_not_exists(${tableDefinition.partitionKey})`
export const itemExists = `attribute_exists(${tableDefinition.partitionKey})`

/**
 * A read of items by key, consistent, that can go alone or in another's BatchGet (see core's
 * `KeyedRead`): `take` finds its items among whatever came back by their keys.
 */
export const keyedRead = <T>(
  db: DynamoDBDocumentClient,
  table: string,
  keys: Record<string, string>[],
  take: (found: (key: Record<string, string>) => Item | undefined) => T,
): KeyedRead<T> => {
  const from = (items: Item[]) => take((key) => items.find((item) => hasKey(item, key)))
  return { keys, take: from, read: async () => from(await batchGet(db, table, keys, { consistent: true })) }
}

/** The keys of several reads as one list: a key named twice would fail the whole BatchGet. */
export const distinctKeys = (keys: Item[]) => [
  ...new Map(keys.map((key) => [JSON.stringify(Object.entries(key).sort()), key])).values(),
]

/**
 * A ProjectionExpression of attribute paths (`company.name`, `photos[0]`), every name by a
 * placeholder since many (`name`, `status`) are reserved words.
 */
export const projectionOf = (paths: readonly string[]) => {
  const names = new Map<string, string>()
  const placeholder = (name: string) => {
    if (!names.has(name)) names.set(name, `#p${names.size}`)
    return names.get(name) as string
  }
  const expression = [...new Set(paths)]
    .map((path) =>
      path
        .split('.')
        .map((part) => part.replace(/^[^[]+/, placeholder))
        .join('.'),
    )
    .join(', ')
  return {
    ProjectionExpression: expression,
    ExpressionAttributeNames: Object.fromEntries([...names].map(([name, key]) => [key, name])),
  }
}

/**
 * BatchGet of any number of keys: in chunks of 100 (DynamoDB's limit), retrying what DynamoDB left
 * unprocessed (it does so only under throttling). One request for the usual ≤ 100 keys.
 * `attributes`: only these paths of each item.
 */
export const batchGet = async (
  db: DynamoDBDocumentClient,
  table: string,
  keys: Item[],
  { consistent = false, attributes }: { consistent?: boolean; attributes?: readonly string[] } = {},
) => {
  const found: Item[] = []
  const projection = attributes ? projectionOf(attributes) : {}
  for (let start = 0; start < keys.length; start += 100) {
    let pending = keys.slice(start, start + 100)
    for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
      const result = await db.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: consistent, ...projection } } }),
      )
      found.push(...(result.Responses?.[table] ?? []))
      pending = (result.UnprocessedKeys?.[table]?.Keys as Item[] | undefined) ?? []
    }
  }
  return found
}

/**
 * Puts any number of whole items (for bulk writes into items nobody else writes yet): 25 to a
 * BatchWrite (DynamoDB's limit), 8 requests at a time, retrying what DynamoDB left unprocessed.
 */
export const batchPut = async (db: DynamoDBDocumentClient, table: string, items: Item[]) => {
  const requests = items.map((Item) => ({ PutRequest: { Item } }))
  const chunks = Array.from({ length: Math.ceil(requests.length / 25) }, (_, index) =>
    requests.slice(index * 25, (index + 1) * 25),
  )
  const putChunk = async (chunk: typeof requests) => {
    let pending = chunk
    for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }))
      pending = (result.UnprocessedItems?.[table] as typeof requests | undefined) ?? []
    }
  }
  for (let start = 0; start < chunks.length; start += 8) await Promise.all(chunks.slice(start, start + 8).map(putChunk))
}
