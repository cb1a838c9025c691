import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'

/**
 * Calls `onCall` once for every request the client sends to DynamoDB (retries included, as each
 * one costs capacity). The request log uses it to count DynamoDB calls per HTTP request.
 */
export const onEveryDynamoCall = (client: DynamoDBClient | DynamoDBDocumentClient, onCall: () => void) => {
  client.middlewareStack.add(
    (next) => async (args) => {
      onCall()
      return next(args)
    },
    { step: 'finalizeRequest', name: 'countDynamoCalls', override: true },
  )
}
