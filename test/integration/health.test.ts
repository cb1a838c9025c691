import { createMetaApp, type LogLine } from '@market/api'
import { describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { createTestTable, useTestDynamo } from '../support/dynamo.ts'

describe('GET /api/health against DynamoDB Local', () => {
  it('is 200 after a real round trip to the table, and the log counts that call', async () => {
    const { tableName } = await createTestTable('health')
    const logs: LogLine[] = []
    const app = createMetaApp(buildDeps({ ...process.env, TABLE_NAME: tableName }, (line) => logs.push(line)))
    const response = await app.request('/api/health')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
    expect(logs.find((line) => line.msg === 'request')).toMatchObject({ route: '/api/health', status: 200, dynamoCalls: 1 })
  })

  it('is 503 with the error envelope when the table does not exist', async () => {
    useTestDynamo()
    const app = createMetaApp(buildDeps({ ...process.env, TABLE_NAME: 'no-such-table' }, () => {}))
    const response = await app.request('/api/health')
    expect(response.status).toBe(503)
    expect(response.headers.get('Retry-After')).toBeTruthy()
    expect(await response.json()).toMatchObject({ error: { code: 'service.unavailable' } })
  })

  it('is 503 when DynamoDB cannot be reached at all', async () => {
    useTestDynamo()
    const previous = process.env.AWS_ENDPOINT_URL_DYNAMODB
    process.env.AWS_ENDPOINT_URL_DYNAMODB = 'http://127.0.0.1:9'
    try {
      const app = createMetaApp(buildDeps({ ...process.env, TABLE_NAME: 'market' }, () => {}))
      const response = await app.request('/api/health')
      expect(response.status).toBe(503)
    } finally {
      process.env.AWS_ENDPOINT_URL_DYNAMODB = previous
    }
  })
})
