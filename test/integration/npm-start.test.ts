import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort } from '../../functions/local/dynamodb-local.ts'
import { interrupt, killLaunched, refusedStart, start } from '../support/npm-start.ts'
import { processesMentioning } from '../support/processes.ts'

const dirs: string[] = []
afterAll(async () => {
  killLaunched()
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

describe('npm start', () => {
  it('serves the market, stops on Ctrl-C without leaving Java behind, and keeps its data', { timeout: 400_000 }, async () => {
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

  it('takes no second start on a folder in use, and leaves no Java behind when killed with -9', {
    timeout: 400_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'market-start-'))
    dirs.push(dataDir)
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO_DATA: 'false' }

    const first = await start(env)
    const second = await refusedStart({ ...env, PORT: String(await freePort()) })
    expect(second.code).toBe(1)
    expect(second.output).toContain(`${dataDir}/dynamodb is in use by process ${first.child.pid}`)
    expect(await processesMentioning(dataDir)).toHaveLength(1)

    first.child.kill('SIGKILL')
    await expect.poll(() => processesMentioning(dataDir), { timeout: 30_000 }).toEqual([])

    const third = await start(env)
    expect(third.output()).toContain('Using table market')
    expect(await processesMentioning(dataDir)).toHaveLength(1)
    expect(await interrupt(third)).toBe(0)
    expect(await processesMentioning(dataDir)).toEqual([])
  })

  it('refuses a bad setting with a message that names it', { timeout: 300_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'market-start-'))
    dirs.push(dataDir)
    for (const [name, value] of [
      ['PORT', 'eighty'],
      ['SESSION_SECRET', 'shorter than 32 bytes'],
    ] as const) {
      const { code, output } = await refusedStart({ DATA_DIR: dataDir, PORT: String(await freePort()), [name]: value })
      expect(code).toBe(1)
      expect(output).toContain('Invalid configuration')
      expect(output).toContain(name)
    }
  })
})
