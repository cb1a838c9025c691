import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { createDocumentClient, ensureTable } from '@market/data'
import { freePort, startDynamoDbLocal } from '../functions/local/dynamodb-local.ts'
import { buildWebOnce } from '../web/build.ts'

const root = resolve(import.meta.dirname, '..')
const table = 'market'
// The fresh data folder in memory where the machine has one: on a disk DynamoDB Local waits on each
// write's sync, and loading the dataset measured the disk (≈ 6× slower) rather than market or engine.
const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()

/**
 * The embedded stack of `npm start` for the bench: DynamoDB Local on a fresh temporary data folder,
 * the table, the web app built into it, and the market (bench/server.ts) in a child process on a
 * free port. `takeLog` hands over the market's request log written since the last call.
 */
export const startBenchStack = async () => {
  const dataDir = await mkdtemp(join(scratch, 'market-bench-'))
  const dynamo = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') })
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'cn-local-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
  await ensureTable(client, table)
  const db = createDocumentClient(client)
  // The web app as npm start serves it: the build the bench's npm start made (or left as it was), reused.
  const webDir = join(root, 'web', 'dist')
  const web = await buildWebOnce({ outDir: webDir })
  const port = await freePort()
  let chunks: string[] = []
  let server: ChildProcess | undefined
  const stop = async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((done) => server?.once('exit', done))
      server.kill('SIGTERM')
      await exited
    }
    client.destroy()
    await dynamo.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
  try {
    // BENCH_SERVER_NODE_FLAGS: Node flags for the market's process alone (`--cpu-prof`, say).
    const flags = process.env.BENCH_SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? []
    server = spawn(process.execPath, [...flags, '--import', 'tsx', 'bench/server.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        TABLE_NAME: table,
        WEB_DIR: webDir,
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.stdout?.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk))
    let errors = ''
    server.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      errors = (errors + chunk).slice(-4000)
    })
    const started = server
    await new Promise<void>((ready, fail) => {
      const check = setInterval(() => {
        if (chunks.join('').includes('listening ')) {
          clearInterval(check)
          ready()
        } else if (started.exitCode !== null) {
          clearInterval(check)
          fail(new Error(`The bench server exited:\n${errors}`))
        }
      }, 50)
    })
  } catch (error) {
    await stop()
    throw error
  }
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    table,
    web,
    /**
     * The request log since the last call, once `complete` finds in it what is awaited (the lines
     * of requests just answered may still be in the pipe), or after three seconds at most.
     */
    takeLog: async (complete: (log: string) => boolean = () => true) => {
      const until = performance.now() + 3000
      while (!complete(chunks.join('')) && performance.now() < until) await new Promise((done) => setTimeout(done, 20))
      const log = chunks.join('')
      chunks = []
      return log
    },
    stop,
  }
}
export type BenchStack = Awaited<ReturnType<typeof startBenchStack>>
