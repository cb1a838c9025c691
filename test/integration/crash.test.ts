import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Listing, Order } from '@market/contracts'
import { afterAll, describe, expect, it } from 'vitest'
import { demoAccounts } from '../../functions/local/seed.ts'
import { marketClient } from '../support/market.ts'
import { interrupt, killLaunched, type Started, start } from '../support/npm-start.ts'
import { processesMentioning } from '../support/processes.ts'

const root = resolve(import.meta.dirname, '../..')

const dirs: string[] = []
afterAll(async () => {
  killLaunched()
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

/** `npm run admin -- create …` against the running market's data folder. */
const createAdmin = async (env: Record<string, string>) => {
  const { email, password } = demoAccounts.admin
  const admin = spawn(
    process.execPath,
    ['--import', 'tsx', 'functions/local/admin-cli.ts', 'create', '--email', email, '--password', password],
    { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' },
  )
  const [code] = await once(admin, 'exit')
  expect(code).toBe(0)
}

const runs = 5
const keysPerRun = 20
/** Orders placed before the server is killed with -9, while the others are on their way. */
const placedBeforeCrash = 3

describe('npm start killed with -9 during a burst of keyed orders', () => {
  it('ends, after a restart and a retry of every key, with exactly one order per key and the stock they took', {
    timeout: 600_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'market-crash-'))
    dirs.push(dataDir)
    const env = { DATA_DIR: dataDir, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn' }
    let server: Started = await start(env)
    const market = marketClient((path, init) => fetch(`${server.url}${path}`, init))
    await createAdmin(env)
    // Without the demo data the market has no categories yet: the administrator adds the one listed in.
    const category = { id: 'yak-down', group: 'fabric', name: { zh: '牦牛绒' }, sortOrder: 1 }
    const admin = await market.signInAdmin()
    expect((await market.call('/api/admin/categories', { method: 'POST', cookie: admin.cookie, body: category })).status).toBe(
      201,
    )
    const supplier = await market.verifiedSupplier()
    const listing = await market.publishListing(supplier, { stock: 100_000 })
    const stock = async () => (await market.call<Listing>(`/api/listings/${listing.id}`, { cookie: supplier.cookie })).body.stock
    let expectedStock = listing.stock

    for (let run = 1; run <= runs; run++) {
      const buyer = await market.register('buyer')
      const keys = Array.from({ length: keysPerRun }, (_, index) => ({ key: `run-${run}-${index}`, quantity: 5 + (index % 4) }))
      const order = ({ key, quantity }: (typeof keys)[number]) =>
        market.call<Order>('/api/orders', {
          method: 'POST',
          cookie: buyer.cookie,
          headers: { 'Idempotency-Key': key },
          body: { listingId: listing.id, quantity, delivery: { method: 'pickup' } },
        })

      const before = new Map<string, string>()
      let placed = 0
      const crashed = server
      await Promise.all(
        keys.map((entry) =>
          order(entry).then(
            (answer) => {
              if (answer.status !== 201) return
              before.set(entry.key, answer.body.id)
              placed += 1
              if (placed === placedBeforeCrash) crashed.child.kill('SIGKILL')
            },
            () => {}, // cut off by the crash
          ),
        ),
      )
      if (crashed.child.exitCode === null && crashed.child.signalCode === null) await once(crashed.child, 'exit')
      expect(before.size, `run ${run}: some keys were still on their way when the server died`).toBeLessThan(keysPerRun)

      server = await start(env)
      // No key waits on the dead server: each was answered with its order's write, or never was.
      const after = await Promise.all(keys.map(order))
      expect(after.map((answer) => answer.status)).toEqual(keys.map(() => 201))
      for (const [index, entry] of keys.entries()) {
        const answer = after[index]
        if (before.has(entry.key)) expect(answer?.body.id, entry.key).toBe(before.get(entry.key))
      }

      const orders = (await market.call<{ items: Order[] }>('/api/orders?role=buyer&limit=100', { cookie: buyer.cookie })).body
        .items
      expect(orders.map((placedOrder) => placedOrder.id).sort()).toEqual(after.map((answer) => answer.body.id).sort())
      const quantities = new Map(orders.map((placedOrder) => [placedOrder.id, placedOrder.lines[0]?.quantity]))
      expect(after.map((answer) => quantities.get(answer.body.id))).toEqual(keys.map((entry) => entry.quantity))
      expectedStock -= keys.reduce((sum, entry) => sum + entry.quantity, 0)
      expect(await stock(), `run ${run}`).toBe(expectedStock)
    }

    expect(await interrupt(server)).toBe(0)
    expect(await processesMentioning(dataDir)).toEqual([])
  })
})
