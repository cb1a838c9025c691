import { BatchGetCommand, type DynamoDBDocumentClient, type TransactWriteCommand } from '@aws-sdk/lib-dynamodb'

export type Item = Record<string, unknown>
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number]

const keyAttributes = ['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'] as const

/** The domain object stored in an item: the item without its keys and index attributes. */
export const withoutKeys = <T>(item: Item): T => {
  const object = { ...item }
  for (const name of keyAttributes) delete object[name]
  return object as T
}

/**
 * BatchGet of any number of keys: in chunks of 100 (DynamoDB's limit), retrying what DynamoDB left
 * unprocessed (it does so only under throttling). One request for the usual ≤ 100 keys.
 */
export const batchGet = async (db: DynamoDBDocumentClient, table: string, keys: Item[], { consistent = false } = {}) => {
  const found: Item[] = []
  for (let start = 0; start < keys.length; start += 100) {
    let pending = keys.slice(start, start + 100)
    for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
      const result = await db.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: consistent } } }),
      )
      found.push(...(result.Responses?.[table] ?? []))
      pending = (result.UnprocessedKeys?.[table]?.Keys as Item[] | undefined) ?? []
    }
  }
  return found
}
