import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { createDocumentClient, ensureTable } from '@market/data'
import { ulid } from 'ulid'
import { inject } from 'vitest'

/** Credentials and region DynamoDB Local accepts; set before any entry module builds its client. */
export const useTestDynamo = () => {
  const endpoint = inject('dynamoEndpoint')
  process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint
  process.env.AWS_REGION = 'cn-local-1'
  process.env.AWS_ACCESS_KEY_ID = 'test'
  process.env.AWS_SECRET_ACCESS_KEY = 'test'
  process.env.SESSION_SECRET = 'test-session-secret-of-at-least-32-chars'
  process.env.COOKIE_SECURE = 'false'
  return endpoint
}

/** A fresh table per suite, so suites run in parallel without seeing each other's items. */
export const createTestTable = async (prefix: string) => {
  useTestDynamo()
  const client = new DynamoDBClient({})
  const tableName = `${prefix}-${ulid().toLowerCase()}`
  await ensureTable(client, tableName)
  return { tableName, client, db: createDocumentClient(client) }
}
