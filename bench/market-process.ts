import { type ChildProcess, spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { freePort } from '../functions/local/dynamodb-local.ts'
import { buildRecordOf } from '../web/build.ts'

const root = resolve(import.meta.dirname, '..')

/**
 * `npm start`'s own command on a free port, a fresh data folder and no web build, once it answers /api/health;
 * `startupMs` is how long that took from the spawn.
 */
export const startMarket = async (dataDir: string) => {
  // As on a fresh clone, there is no web build to reuse: the figure includes building it.
  await rm(buildRecordOf(join(root, 'web', 'dist')), { force: true })
  const started = performance.now()
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, JOBS_INTERVAL_SECONDS: '3600' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline && child.exitCode === null) {
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    )
    if (healthy) return { child, url, startupMs: Math.round(performance.now() - started), output: () => output }
    await new Promise((done) => setTimeout(done, 100))
  }
  child.kill('SIGKILL')
  throw new Error(`npm start did not become healthy:\n${output}`)
}

export const stopMarket = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null) return done()
    child.once('exit', () => done())
    child.kill('SIGINT')
  })
