import { createMetaApp, type LogLine } from '@market/api'
import { describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { createTestTable, testMarketConfig } from '../support/dynamo.ts'

describe('GET /api/health against DynamoDB Local', () => {
  it('is 200 after a real round trip to the table, and the log counts that call', async () => {
    const { tableName } = await createTestTable('health')
    const logs: LogLine[] = []
    const app = createMetaApp(buildDeps(testMarketConfig(tableName), (line) => logs.push(line)))
    const response = await app.request('/api/health')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
    expect(logs.find((line) => line.msg === 'request')).toMatchObject({ route: '/api/health', status: 200, dynamoCalls: 1 })
  })

  it('is 503 with the error envelope when the table does not exist', async () => {
    const app = createMetaApp(buildDeps(testMarketConfig('no-such-table'), () => {}))
    const response = await app.request('/api/health')
    expect(response.status).toBe(503)
    expect(response.headers.get('Retry-After')).toBeTruthy()
    expect(await response.json()).toMatchObject({ error: { code: 'service.unavailable' } })
  })

  it('is 503 when DynamoDB cannot be reached at all', async () => {
    const config = testMarketConfig('market')
    const app = createMetaApp(
      buildDeps({ ...config, dynamodb: { ...config.dynamodb, endpoint: 'http://127.0.0.1:9' } }, () => {}),
    )
    const response = await app.request('/api/health')
    expect(response.status).toBe(503)
  })
})
