import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type AttributeValue, DynamoDBClient, PutItemCommand, paginateScan } from '@aws-sdk/client-dynamodb'
import { createDocumentClient, ensureTable } from '@market/data'
import { afterAll, describe, expect, it } from 'vitest'
import { dataDirPaths } from '../../functions/local/data-dir.ts'
import { type RunningDynamo, startDynamoDbLocal } from '../../functions/local/dynamodb-local.ts'
import { seedDemoData } from '../../functions/local/seed.ts'
import { savePhotoIn } from '../../functions/local/server.ts'
import { testPasswordCost } from '../support/dynamo.ts'

const root = resolve(import.meta.dirname, '../..')
const table = 'market'

const dirs: string[] = []
const tempDir = async (name: string) => {
  const dir = await mkdtemp(join(tmpdir(), `market-${name}-`))
  dirs.push(dir)
  return dir
}
const running: RunningDynamo[] = []
afterAll(async () => {
  for (const dynamo of running) await dynamo.stop()
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

/** The DynamoDB Local of a data folder, as `npm start` would run it, and a client of it. */
const openDataDir = async (dataDir: string) => {
  const dynamo = await startDynamoDbLocal({ dataDir: dataDirPaths(dataDir).dynamodb })
  running.push(dynamo)
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'cn-local-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
  return { dynamo, client }
}

/** `npm run <script> -- <args>` on DATA_DIR: its exit code and what it said. */
const npmRun = async (script: string, dataDir: string, ...args: string[]) => {
  const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const [code] = await once(child, 'exit')
  return { code, output }
}

const itemsOf = async (client: DynamoDBClient) => {
  const items: Record<string, AttributeValue>[] = []
  for await (const page of paginateScan({ client }, { TableName: table, ConsistentRead: true })) items.push(...(page.Items ?? []))
  const key = (item: Record<string, AttributeValue>) => `${item.pk?.S}\u0000${item.sk?.S}`
  return items.sort((a, b) => (key(a) < key(b) ? -1 : 1))
}

/** Every file under `dir`, by its path inside it, with its bytes. */
const filesOf = async (dir: string) => {
  const files = new Map<string, Buffer>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      files.set(path.slice(dir.length), await readFile(path))
    }
  }
  return files
}

describe('npm run backup and npm run restore', () => {
  it('carry every item and every photo byte into a fresh DATA_DIR', { timeout: 900_000 }, async () => {
    const source = await tempDir('source')
    const { client: sourceClient } = await openDataDir(source)
    await ensureTable(sourceClient, table)
    await seedDemoData(createDocumentClient(sourceClient), table, {
      savePhoto: savePhotoIn(dataDirPaths(source).objects),
      passwordCost: testPasswordCost,
    })
    // What the market's own items do not show: sets, numbers beyond a double, binary, nesting.
    await sourceClient.send(
      new PutItemCommand({
        TableName: table,
        Item: {
          pk: { S: 'BACKUP#probe' },
          sk: { S: 'PROBE' },
          tags: { SS: ['氆氇', 'wool'] },
          counts: { NS: ['1', '2.5'] },
          precise: { N: '12345678901234567890.123456789' },
          bytes: { B: Buffer.from([0, 1, 254, 255]) },
          chunks: { BS: [Buffer.from('a'), Buffer.from([200])] },
          B: { M: { BS: { L: [{ NULL: true }, { BOOL: false }] } } },
        },
      }),
    )
    const sourceItems = await itemsOf(sourceClient)
    const sourcePhotos = await filesOf(dataDirPaths(source).objects)
    expect(sourcePhotos.size).toBeGreaterThan(50)

    // The backup uses the DynamoDB Local this process runs on the source, as it would a running npm start's.
    const backup = join(await tempDir('backup'), 'market-backup')
    const backedUp = await npmRun('backup', source, '--out', backup)
    expect(backedUp.output).toContain(`Backed up ${sourceItems.length} items`)
    expect(backedUp.code).toBe(0)

    // The restore starts its own DynamoDB Local on the empty target.
    const target = await tempDir('target')
    const restored = await npmRun('restore', target, '--from', backup)
    expect(restored.output).toContain(`Restored ${sourceItems.length} items`)
    expect(restored.code).toBe(0)

    const { client: targetClient } = await openDataDir(target)
    expect(await itemsOf(targetClient)).toEqual(sourceItems)
    expect(await filesOf(dataDirPaths(target).objects)).toEqual(sourcePhotos)

    const again = await npmRun('restore', target, '--from', backup)
    expect(again.code).toBe(1)
    expect(again.output).toContain('Table market is not empty')
    expect(again.output).toContain('--force')

    await targetClient.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'AFTER#backup' }, sk: { S: 'X' } } }))
    const forced = await npmRun('restore', target, '--from', backup, '--force')
    expect(forced.code).toBe(0)
    expect(await itemsOf(targetClient)).toEqual(sourceItems)
    expect(await filesOf(dataDirPaths(target).objects)).toEqual(sourcePhotos)
  })
})
