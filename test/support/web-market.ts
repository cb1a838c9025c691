import { cp, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb'
import { inject } from 'vitest'
import { writeAll } from '../../functions/local/batch-write.ts'
import { serveMarket } from '../../functions/local/server.ts'
import { createTestTable, testLocalMarketConfig } from './dynamo.ts'

/** Every item of one table into another, a page at a time. */
const copyItems = async (client: DynamoDBClient, from: string, to: string) => {
  for await (const page of paginateScan({ client }, { TableName: from, ConsistentRead: true })) {
    const items = page.Items ?? []
    const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, index) => items.slice(index * 25, index * 25 + 25))
    await Promise.all(batches.map((batch) => writeAll(client, to, batch)))
  }
}

/**
 * The market as `npm start` serves it, for HTTP and browser tests: a fresh table holding a copy of
 * the run's demo market (seeded once, see global-setup.ts) and its photos, and the web app built once.
 */
export const serveTestMarket = async (prefix: string) => {
  const table = await createTestTable(prefix)
  const demo = inject('demoMarket')
  const objectsDir = await mkdtemp(join(tmpdir(), 'market-objects-'))
  await Promise.all([
    copyItems(table.client, demo.tableName, table.tableName),
    cp(demo.objectsDir, objectsDir, { recursive: true }),
  ])
  const server = await serveMarket({
    port: 0,
    host: '127.0.0.1',
    webDir: demo.webDir,
    config: testLocalMarketConfig(table.tableName, objectsDir),
  })
  return { ...table, server }
}
