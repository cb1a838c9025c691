import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb'
import { healthKey } from './keys.ts'

export const createHealthRepository = (db: DynamoDBDocumentClient, table: string) => ({
  /** One GetItem: proves the table exists and answers. Throws when it does not. */
  ping: async (): Promise<void> => {
    await db.send(new GetCommand({ TableName: table, Key: healthKey() }))
  },
})
