import { type ChildProcess, spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { freePort } from './dynamodb-local.ts'

const root = resolve(import.meta.dirname, '../..')

/** A running `npm start` and all it has said so far (stdout and stderr). */
export type MarketProcess = { child: ChildProcess; output: () => string }

/** `npm start`'s own command, as a user runs it, with `env` on top of this process's environment. */
export const launchMarket = (env: Record<string, string>): MarketProcess => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/start.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  return { child, output: () => output }
}

/**
 * `npm start` on a free port, once it answers /api/health. One that ends first, or does not answer
 * within `timeoutMs`, is killed, and the error carries what it said. `launch` starts it (a caller
 * may keep track of what it launched).
 */
export const startMarketProcess = async (
  env: Record<string, string>,
  { timeoutMs = 180_000, launch = launchMarket }: { timeoutMs?: number; launch?: typeof launchMarket } = {},
): Promise<MarketProcess & { url: string }> => {
  const port = await freePort()
  const { child, output } = launch({ ...env, PORT: String(port) })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    )
    if (healthy) return { child, output, url }
    await new Promise((done) => setTimeout(done, 100))
  }
  child.kill('SIGKILL')
  throw new Error(`npm start did not become healthy:\n${output()}`)
}
