import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { seedMarkerKey } from './keys.ts'

/**
 * Remembers that the demo data was written. The seed writes its items first (idempotent puts)
 * and the marker last, so a start interrupted half-way seeds again rather than leaving half a market.
 */
export const createSeedMarkerRepository = (db: DynamoDBDocumentClient, table: string) => ({
  seededAt: async (): Promise<string | undefined> => {
    const result = await db.send(new GetCommand({ TableName: table, Key: seedMarkerKey(), ConsistentRead: true }))
    return result.Item?.seededAt as string | undefined
  },
  markSeeded: async (at: string): Promise<void> => {
    await db.send(new PutCommand({ TableName: table, Item: { ...seedMarkerKey(), type: 'seed-marker', seededAt: at } }))
  },
})
