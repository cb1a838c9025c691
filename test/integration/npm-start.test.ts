import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort } from '../../functions/local/dynamodb-local.ts'

const root = resolve(import.meta.dirname, '../..')

/** Processes whose command line mentions `needle` (the data dir names our DynamoDB Local). */
const processesMentioning = async (needle: string) => {
  const found: string[] = []
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
    if (commandLine.includes(needle)) found.push(commandLine.replaceAll('\0', ' '))
  }
  return found
}

type Started = { child: ChildProcess; output: () => string; url: string }

/** `npm start`'s own command, as a user runs it, with its settings in the environment. */
const start = async (env: Record<string, string>): Promise<Started> => {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), ...env },
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
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline && child.exitCode === null) {
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.status === 200,
      () => false,
    )
    if (healthy) return { child, output: () => output, url }
    await new Promise((r) => setTimeout(r, 250))
  }
  child.kill('SIGKILL')
  throw new Error(`npm start did not become healthy:\n${output}`)
}

const interrupt = (started: Started) =>
  new Promise<number | null>((done) => {
    started.child.once('exit', (code) => done(code))
    started.child.kill('SIGINT')
  })

const dirs: string[] = []
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

describe('npm start', () => {
  it('serves the market, stops on Ctrl-C without leaving Java behind, and keeps its data', { timeout: 150_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'market-start-'))
    dirs.push(dataDir)
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' }

    const first = await start(env)
    expect(first.output()).toContain('Created table market')
    expect(first.output()).toContain(first.url)
    expect(await (await fetch(`${first.url}/`)).text()).toContain('<div id="app">')
    expect(await processesMentioning(dataDir)).not.toEqual([])
    expect(await interrupt(first)).toBe(0)
    expect(await processesMentioning(dataDir)).toEqual([])

    const second = await start(env)
    expect(second.output()).toContain('Using table market')
    expect(second.output()).not.toContain('Wrote the demo data')
    const categories = (await (await fetch(`${second.url}/api/categories`)).json()) as { categories: unknown[] }
    expect(categories.categories.length).toBeGreaterThan(10)
    expect(await interrupt(second)).toBe(0)
    expect(await processesMentioning(dataDir)).toEqual([])
  })

  it('refuses a bad setting with a message that names it', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/start.ts'], {
      cwd: root,
      env: { ...process.env, PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stderr?.on('data', (chunk) => {
      output += chunk
    })
    const code = await new Promise((done) => child.once('exit', done))
    expect(code).toBe(1)
    expect(output).toContain('Invalid configuration')
    expect(output).toContain('PORT')
  })
})
