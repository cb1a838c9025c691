import type { ChildProcess } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { startMarketProcess } from '../functions/local/market-process.ts'
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
  const market = await startMarketProcess({ DATA_DIR: dataDir, JOBS_INTERVAL_SECONDS: '3600' })
  return { ...market, startupMs: Math.round(performance.now() - started) }
}

export const stopMarket = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null) return done()
    child.once('exit', () => done())
    child.kill('SIGINT')
  })
