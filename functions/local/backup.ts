/**
 * `npm run backup -- [--out DIR]` and `npm run restore -- --from DIR [--force]`
 *
 * A local market's backup is a folder: `table.jsonl`, the table one item a line in DynamoDB's own
 * JSON (type-tagged, so sets, numbers of any precision and binary come back exactly; binary as
 * base64), and `objects/`, a copy of DATA_DIR/objects (the photos). Both commands work on the
 * DynamoDB Local of a running `npm start`, or start one on DATA_DIR themselves (as `npm run admin`
 * does). A restore goes into an empty table; --force empties the table and the photos first.
 */
import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { cp, mkdir, readdir, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { finished } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import {
  DeleteTableCommand,
  type DynamoDBClient,
  paginateScan,
  ScanCommand,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb'
import { ensureTable } from '@market/data'
import { type TableItem, writeAll } from './batch-write.ts'
import { readLocalConfig } from './config.ts'
import { dataDirPaths } from './data-dir.ts'
import { openLocalTable } from './dynamodb-local.ts'

const tableFile = 'table.jsonl'
const objectsFolder = 'objects'

/** An item as one line of JSON: binary values (B, and each member of BS) as base64. */
const itemLine = (item: TableItem) =>
  JSON.stringify(item, (_key, value) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value))

/** A line back as an item. A string under `B` or an array under `BS` is binary: an attribute so named holds an object. */
const lineItem = (line: string): TableItem =>
  JSON.parse(line, (key, value) =>
    key === 'B' && typeof value === 'string'
      ? Buffer.from(value, 'base64')
      : key === 'BS' && Array.isArray(value)
        ? value.map((member: string) => Buffer.from(member, 'base64'))
        : value,
  )

const isEmptyOrMissing = async (dir: string) => (await readdir(dir).catch(() => [])).length === 0

const backUp = async (client: DynamoDBClient, table: string, objectsDir: string, out: string) => {
  if (!(await isEmptyOrMissing(out))) throw new Error(`${out} is not empty: back up into a new folder`)
  await mkdir(out, { recursive: true })
  const lines = createWriteStream(join(out, tableFile))
  let items = 0
  for await (const page of paginateScan({ client }, { TableName: table, ConsistentRead: true })) {
    for (const item of page.Items ?? []) {
      if (!lines.write(`${itemLine(item)}\n`)) await once(lines, 'drain')
      items += 1
    }
  }
  lines.end()
  await finished(lines)
  await cp(objectsDir, join(out, objectsFolder), { recursive: true }).catch((error) => {
    if (error.code !== 'ENOENT') throw error // a market without photos yet
  })
  return { items }
}

const restore = async (client: DynamoDBClient, table: string, objectsDir: string, from: string, { force = false } = {}) => {
  await ensureTable(client, table)
  const existing = await client.send(new ScanCommand({ TableName: table, Limit: 1 }))
  if (existing.Items?.length) {
    if (!force) throw new Error(`Table ${table} is not empty: restore into a new DATA_DIR, or pass --force to replace it`)
    await client.send(new DeleteTableCommand({ TableName: table }))
    await waitUntilTableNotExists({ client, maxWaitTime: 120 }, { TableName: table })
    await ensureTable(client, table)
    await rm(objectsDir, { recursive: true, force: true })
  }
  let items = 0
  let batch: TableItem[] = []
  for await (const line of createInterface({
    input: createReadStream(join(from, tableFile)),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    if (!line.trim()) continue
    batch.push(lineItem(line))
    items += 1
    if (batch.length === 25) {
      await writeAll(client, table, batch)
      batch = []
    }
  }
  await writeAll(client, table, batch)
  await cp(join(from, objectsFolder), objectsDir, { recursive: true }).catch((error) => {
    if (error.code !== 'ENOENT') throw error // a backup without photos
  })
  return { items }
}

const usage = 'Usage: npm run backup -- [--out DIR]   |   npm run restore -- --from DIR [--force]'

const main = async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean' } },
  })
  const command = positionals[0]
  if ((command !== 'backup' && command !== 'restore') || (command === 'restore' && !values.from)) throw new Error(usage)
  const config = readLocalConfig(process.env)
  const objectsDir = dataDirPaths(config.DATA_DIR).objects
  const { client, table, close } = await openLocalTable(config)
  try {
    if (command === 'backup') {
      const out = resolve(values.out ?? join('backups', `${table}-${new Date().toISOString().replace(/[:.]/g, '-')}`))
      const { items } = await backUp(client, table, objectsDir, out)
      process.stdout.write(`Backed up ${items} items of table ${table} and the photos to ${out}\n`)
    } else {
      const from = resolve(values.from as string)
      const { items } = await restore(client, table, objectsDir, from, { force: values.force ?? false })
      process.stdout.write(`Restored ${items} items into table ${table} and the photos into ${objectsDir} from ${from}\n`)
    }
  } finally {
    await close()
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
