import type { ChildProcess } from 'node:child_process'
import { launchMarket, type MarketProcess, startMarketProcess } from '../../functions/local/market-process.ts'

export type Started = MarketProcess & { url: string }

const launched = new Set<ChildProcess>()

/** `npm start`'s own command (see launchMarket), kept track of until it exits. */
const launch = (env: Record<string, string>) => {
  const market = launchMarket(env)
  launched.add(market.child)
  market.child.once('exit', () => launched.delete(market.child))
  return market
}

/** Kills the starts a failed test left running (their Java dies with them). */
export const killLaunched = () => {
  for (const child of launched) child.kill('SIGKILL')
}

/** A start that serves the market on a free port, once it answers /api/health. */
export const start = (env: Record<string, string>): Promise<Started> => startMarketProcess(env, { timeoutMs: 150_000, launch })

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
