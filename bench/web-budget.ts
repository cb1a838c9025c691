/**
 * `npm run web:budget`: what the market's web app costs a buyer on a slow line (issue 13).
 *
 * 1. Builds the web app and reports, per page, the script and stylesheet it fetches, gzipped (in
 *    Chinese, and the market page in each language).
 * 2. Starts the market as `npm start` does (fresh data folder, demo data), opens /market in
 *    headless Chromium with the network throttled to 1.6 Mbit/s and 300 ms round trips (the
 *    DevTools protocol's Network.emulateNetworkConditions, cache disabled), and reports the
 *    median first contentful paint and time to the first listing card over several runs.
 *
 * Exits 1 when the market page's script exceeds 60 KB gzipped or its median first contentful
 * paint exceeds 1.5 s. A measurement, not a test: timings vary with the machine.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium } from '../test/support/browser.ts'
import { buildWeb, pageWeights } from '../web/build.ts'
import { startMarket, stopMarket } from './market-process.ts'

const budget = { marketScriptBytes: 60 * 1024, firstContentfulPaintMs: 1500 }
const throttle = { bitsPerSecond: 1.6e6, roundTripMs: 300 }
const runs = Number(process.env.RUNS ?? 5)

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}
const say = (line = '') => process.stdout.write(`${line}\n`)

const reportSizes = async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'market-web-budget-'))
  try {
    const built = await buildWeb({ outDir })
    const weights = (await pageWeights(built)).sort((a, b) => a.page.localeCompare(b.page))
    say('Per page, gzipped (zh-CN): script | stylesheet | files')
    for (const weight of weights)
      say(`  ${weight.page.padEnd(20)} ${kb(weight.jsGzip).padStart(9)} | ${kb(weight.cssGzip)} | ${weight.files.length}`)
    for (const locale of ['bo', 'en']) {
      const market = (await pageWeights(built, locale)).find((weight) => weight.page === 'market')
      say(`  market in ${locale.padEnd(11)} ${kb(market?.jsGzip ?? 0).padStart(9)}`)
    }
    return weights.find((weight) => weight.page === 'market')?.jsGzip ?? Number.POSITIVE_INFINITY
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}

const measurePaints = async (url: string) => {
  const browser = await launchChromium()
  const firstPaints: number[] = []
  const firstCards: number[] = []
  try {
    for (let run = 0; run < runs; run++) {
      // A fresh context each time: nothing cached from the run before.
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: throttle.roundTripMs,
        downloadThroughput: throttle.bitsPerSecond / 8,
        uploadThroughput: throttle.bitsPerSecond / 8,
      })
      await page.goto(`${url}/market`, { waitUntil: 'commit' })
      await page.locator('[data-listing]').first().waitFor({ timeout: 60_000 })
      const timings = await page.evaluate(() => ({
        firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        firstCard: performance.now(),
      }))
      firstPaints.push(timings.firstContentfulPaint)
      firstCards.push(timings.firstCard)
      say(
        `  run ${run + 1}: first contentful paint ${Math.round(timings.firstContentfulPaint)} ms, first listing card by ${Math.round(timings.firstCard)} ms`,
      )
      await context.close()
    }
  } finally {
    await browser.close()
  }
  return { firstContentfulPaint: median(firstPaints), firstCard: median(firstCards) }
}

const main = async () => {
  const marketScript = await reportSizes()
  say()
  say(`/market at ${throttle.bitsPerSecond / 1e6} Mbit/s, ${throttle.roundTripMs} ms round trips, ${runs} runs:`)
  const dataDir = await mkdtemp(join(tmpdir(), 'market-budget-data-'))
  const market = await startMarket(dataDir)
  let paints: { firstContentfulPaint: number; firstCard: number }
  try {
    paints = await measurePaints(market.url)
  } finally {
    await stopMarket(market.child)
    await rm(dataDir, { recursive: true, force: true })
  }
  say()
  const scriptOk = marketScript <= budget.marketScriptBytes
  const paintOk = paints.firstContentfulPaint <= budget.firstContentfulPaintMs
  say(
    `market page script:             ${kb(marketScript)} gzipped (budget ${kb(budget.marketScriptBytes)}) ${scriptOk ? 'ok' : 'OVER'}`,
  )
  say(
    `median first contentful paint:  ${Math.round(paints.firstContentfulPaint)} ms (budget ${budget.firstContentfulPaintMs} ms) ${paintOk ? 'ok' : 'OVER'}`,
  )
  say(`median first listing card:      ${Math.round(paints.firstCard)} ms`)
  process.exitCode = scriptOk && paintOk ? 0 : 1
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
