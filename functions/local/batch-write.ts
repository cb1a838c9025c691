import { type AttributeValue, BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb'

/** A table item in DynamoDB's own JSON, as Scan gives it. */
export type TableItem = Record<string, AttributeValue>

/** Writes items 25 at a time (BatchWriteItem's limit), again for what DynamoDB leaves unprocessed. */
export const writeAll = async (client: DynamoDBClient, table: string, items: TableItem[]) => {
  for (let start = 0; start < items.length; start += 25) {
    let pending = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }))
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > 10) throw new Error(`DynamoDB kept ${pending.length} items unprocessed`)
      const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }))
      pending = (result.UnprocessedItems?.[table] ?? []) as typeof pending
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 50 * attempt))
    }
  }
}
