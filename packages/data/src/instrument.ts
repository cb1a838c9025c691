import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'

type ReadOutput = {
  Item?: unknown
  Items?: unknown[]
  ScannedCount?: number
  Responses?: Record<string, unknown[]> | unknown[]
}

/**
 * How many items a DynamoDB answer read: a Query or Scan's scanned items (a filter drops them
 * after they are read), a GetItem's one, a BatchGet's or TransactGet's responses; writes read none.
 */
export const itemsReadBy = (output: unknown): number => {
  const read = (output ?? {}) as ReadOutput
  if (typeof read.ScannedCount === 'number') return read.ScannedCount
  if (read.Items) return read.Items.length
  if (read.Item) return 1
  if (Array.isArray(read.Responses)) return read.Responses.filter((response) => (response as ReadOutput)?.Item).length
  if (read.Responses) return Object.values(read.Responses).reduce((sum, items) => sum + items.length, 0)
  return 0
}

/**
 * Calls `onCall` once for every request the client sends to DynamoDB (retries included, as each
 * one costs capacity), with the items it read. The request log uses it to count DynamoDB calls and
 * items read per HTTP request.
 */
export const onEveryDynamoCall = (client: DynamoDBClient | DynamoDBDocumentClient, onCall: (itemsRead: number) => void) => {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        const result = await next(args)
        onCall(itemsReadBy(result.output))
        return result
      } catch (error) {
        onCall(0)
        throw error
      }
    },
    { step: 'finalizeRequest', name: 'countDynamoCalls', override: true },
  )
}
