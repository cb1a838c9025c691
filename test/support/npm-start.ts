import { type ChildProcess, spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { freePort } from '../../functions/local/dynamodb-local.ts'

const root = resolve(import.meta.dirname, '../..')

export type Started = { child: ChildProcess; output: () => string; url: string }

/** `npm start`'s own command, as a user runs it, with its settings in the environment; `output` is all it said. */
const launch = (env: Record<string, string>) => {
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
  launched.add(child)
  child.once('exit', () => launched.delete(child))
  return { child, output: () => output }
}

const launched = new Set<ChildProcess>()

/** Kills the starts a failed test left running (their Java dies with them). */
export const killLaunched = () => {
  for (const child of launched) child.kill('SIGKILL')
}

/** A start that serves the market on a free port, once it answers /api/health. */
export const start = async (env: Record<string, string>): Promise<Started> => {
  const port = await freePort()
  const { child, output } = launch({ PORT: String(port), ...env })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 150_000
  while (Date.now() < deadline && child.exitCode === null) {
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.status === 200,
      () => false,
    )
    if (healthy) return { child, output, url }
    await new Promise((r) => setTimeout(r, 250))
  }
  child.kill('SIGKILL')
  throw new Error(`npm start did not become healthy:\n${output()}`)
}

/** A start expected to give up: its exit code and what it said. */
export const refusedStart = async (env: Record<string, string>) => {
  const { child, output } = launch(env)
  // A start that does not give up is stopped, so the test fails on its exit code rather than hangs.
  const timer = setTimeout(() => child.kill('SIGINT'), 90_000)
  const code = await new Promise<number | null>((done) => child.once('exit', done))
  clearTimeout(timer)
  return { code, output: output() }
}

export const interrupt = (started: Started) =>
  new Promise<number | null>((done) => {
    started.child.once('exit', (code) => done(code))
    started.child.kill('SIGINT')
  })
