import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { createDocumentClient, ensureTable } from '@market/data'
import { ulid } from 'ulid'
import { inject } from 'vitest'
import type { AwsClientConfig, MarketConfig } from '../../functions/config.ts'
import type { LocalMarketConfig } from '../../functions/local/server.ts'

/** The run's DynamoDB Local (started once, see global-setup.ts), with credentials and region it accepts. */
export const testDynamo = (): AwsClientConfig => ({
  endpoint: inject('dynamoEndpoint'),
  region: 'cn-local-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
})

/**
 * The scrypt cost of the passwords tests hash: about 1 MB and a few milliseconds instead of the
 * market's 32 MB and tens of milliseconds, which hundreds of sign-ups and sign-ins a run would pay.
 * Hashes name their cost, so sign-in checks them all the same; the market's own cost is unit-tested.
 */
export const testPasswordCost = { N: 1024, r: 8, p: 1 }

/** The market's config for a test table: as `npm start` runs it, quieter, with cheaper password hashes. */
export const testMarketConfig = (tableName: string): MarketConfig => ({
  tableName,
  dynamodb: testDynamo(),
  photos: { bucket: 'photos' },
  secrets: { sessionSecret: 'test-session-secret-of-at-least-32-chars' },
  cookieSecure: false,
  logLevel: 'warn',
  passwordCost: testPasswordCost,
})

/** The same, for a local market whose photo bucket keeps its objects in `objectsDir`. */
export const testLocalMarketConfig = (tableName: string, objectsDir: string): LocalMarketConfig => {
  const { photos: _photos, ...config } = testMarketConfig(tableName)
  return { ...config, objectsDir, photoBucketKey: 'test-photo-bucket-key-of-at-least-32-chars' }
}

/** A fresh table per suite, so suites run in parallel without seeing each other's items. */
export const createTestTable = async (prefix: string) => {
  const client = new DynamoDBClient(testDynamo())
  const tableName = `${prefix}-${ulid().toLowerCase()}`
  await ensureTable(client, tableName)
  return { tableName, client, db: createDocumentClient(client) }
}
