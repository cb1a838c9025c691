import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { createDocumentClient, ensureTable } from '@market/data'
import type { TestProject } from 'vitest/node'
import { startDynamoDbLocal } from '../../functions/local/dynamodb-local.ts'
import { seedDemoData } from '../../functions/local/seed.ts'
import { savePhotoIn } from '../../functions/local/server.ts'
import { buildWeb } from '../../web/build.ts'
import { testPasswordCost } from './dynamo.ts'

/** The demo market as `npm start` seeds it, and the web app as it builds it: made once, copied by each suite that serves a market. */
export type DemoMarket = { tableName: string; objectsDir: string; webDir: string }

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string
    demoMarket: DemoMarket
  }
}

const prepareDemoMarket = async (endpoint: string): Promise<DemoMarket> => {
  const client = new DynamoDBClient({
    endpoint,
    region: 'cn-local-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  })
  const tableName = 'demo-market-template'
  await ensureTable(client, tableName)
  const [objectsDir, webDir] = await Promise.all([
    mkdtemp(join(tmpdir(), 'market-objects-')),
    mkdtemp(join(tmpdir(), 'market-web-')),
  ])
  await Promise.all([
    seedDemoData(createDocumentClient(client), tableName, { savePhoto: savePhotoIn(objectsDir), passwordCost: testPasswordCost }),
    buildWeb({ outDir: webDir }),
  ])
  client.destroy()
  return { tableName, objectsDir, webDir }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal()
  project.provide('dynamoEndpoint', dynamo.endpoint)
  project.provide('demoMarket', await prepareDemoMarket(dynamo.endpoint))
  return () => dynamo.stop()
}
