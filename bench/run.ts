/**
 * `npm run bench` (`-- --quick`: a tenth of the dataset, shorter runs): speed and cost of the
 * market beside the engine's own ceiling, in one run on this machine.
 *
 *  1. the embedded stack on a fresh data folder, and a dataset loaded in bulk (dataset.ts);
 *  2. the engine's ceiling and the framework's (engine.ts, and a route that reads nothing);
 *  3. each endpoint under autocannon, with its DynamoDB cost per request (http-load.ts);
 *  4. browse and search at a tenth of the listings and at all of them;
 *  5. the Lambda bundles: size, largest inputs, import time (bundles.ts);
 *  6. the web app: weight per page, paints in headless Chromium (web.ts);
 * and `npm start`'s time to healthy on a fresh data folder (market-process.ts). Writes
 * bench/results/latest.json, prints the markdown table and puts it in the README (readme.ts).
 * `--only=<text>[,<text>…]` measures just the endpoints whose name contains one, and the engine's
 * ceilings they are read against, and writes nothing.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { buildBundles, measureBundles } from './bundles.ts'
import { type DatasetSize, loadDataset } from './dataset.ts'
import { measureEngine } from './engine.ts'
import { allEndpoints, browseEndpoints, type Endpoint, type EndpointResult, loadEndpoint, signIn } from './http-load.ts'
import { startMarket, stopMarket } from './market-process.ts'
import { updateReadme } from './readme.ts'
import { type BenchResults, resultsMarkdown, withEngineRatios } from './results-table.ts'
import { startBenchStack } from './stack.ts'
import { measurePaints, webWeights } from './web.ts'

const quick = process.argv.includes('--quick')
const fullSize: DatasetSize = { listings: 10_000, suppliers: 50, requests: 2_000, bids: 20_000, orders: 5_000, ratings: 5_000 }
// --quick: a tenth of everything but the suppliers, at least 20 at any scale: a request's ten bids
// come from ten suppliers, and the bid load needs suppliers who have not bid yet.
// --scale=<fraction> scales the full dataset otherwise (a check of the bench itself on a busy machine).
const scaleArgument = process.argv.find((arg) => arg.startsWith('--scale='))
const fraction = quick ? 0.1 : scaleArgument ? Number(scaleArgument.slice('--scale='.length)) : 1
const size: DatasetSize = {
  listings: Math.round(fullSize.listings * fraction),
  suppliers: Math.max(20, Math.round(fullSize.suppliers * fraction)),
  requests: Math.round(fullSize.requests * fraction),
  bids: Math.round(fullSize.bids * fraction),
  orders: Math.round(fullSize.orders * fraction),
  ratings: Math.round(fullSize.ratings * fraction),
}
// --only=<text>[,<text>…]: just the endpoints whose name contains one, and the engine ceilings of
// their kinds; nothing else measured or written (a look at an endpoint's cost and share while working on it).
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length)
const settings = { connections: 16, secondsPerEndpoint: fraction < 1 ? 3 : 10, engineSeconds: fraction < 1 ? 3 : 10 }
const runs = 5

const say = (line = '') => process.stdout.write(`${line}\n`)
const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`

const main = async () => {
  const started = performance.now()
  say(`npm run bench${quick ? ' -- --quick' : ''}: ${size.listings} listings, ${settings.connections} connections`)

  // npm start first, alone on the machine: its time to healthy on a fresh data folder (--no-start skips it).
  let npmStart: BenchResults['npmStart'] = null
  if (!process.argv.includes('--no-start') && only === undefined) {
    const startDir = await mkdtemp(join(tmpdir(), 'market-bench-start-'))
    try {
      const market = await startMarket(startDir)
      npmStart = { msToHealthy: market.startupMs }
      await stopMarket(market.child)
      say(`npm start to healthy: ${(market.startupMs / 1000).toFixed(1)} s (${elapsed(started)})`)
    } finally {
      await rm(startDir, { recursive: true, force: true })
    }
  }

  // The Lambda bundles build while the stack starts, when nothing is timed, and are built before the
  // dataset loads: no figure is measured beside the build.
  const bundleBuild = only === undefined ? buildBundles() : undefined
  bundleBuild?.catch(() => {}) // awaited below, once the stack is up
  const removeBundles = () =>
    bundleBuild?.then(
      ({ remove }) => remove(),
      () => {},
    )
  const stack = await startBenchStack().catch(async (error: unknown) => {
    await removeBundles()
    throw error
  })
  // Ctrl-C stops the market, DynamoDB Local and removes the data folder and the bundles before leaving.
  process.once('SIGINT', () => void Promise.allSettled([stack.stop(), removeBundles()]).finally(() => process.exit(130)))
  try {
    await bundleBuild
    say(`stack up at ${stack.url}${bundleBuild ? ', Lambda bundles built' : ''} (${elapsed(started)})`)
    const load = (listings: number) => async (endpoint: Endpoint) => {
      const result = await loadEndpoint(stack, endpoint, {
        connections: settings.connections,
        seconds: settings.secondsPerEndpoint,
        listings,
      })
      say(
        `  ${endpoint.name.padEnd(26)} ${String(result.requestsPerSecond).padStart(6)} req/s  p99 ${result.p99Ms} ms  errors ${result.errors}  DynamoDB ${result.dynamo?.dynamoCallsPerRequest ?? '–'}/request, ${result.dynamo?.itemsReadPerRequest ?? '–'} items read/request`,
      )
      return result
    }
    const scale: EndpointResult[] = []
    const firstListings = size.listings / 10
    const { dataset, reports } = await loadDataset(
      stack.db,
      stack.table,
      { ...size, firstListings },
      async (small) => {
        if (only !== undefined) return
        say(`browse and search at ${firstListings} listings:`)
        for (const endpoint of browseEndpoints(small)) scale.push(await load(firstListings)(endpoint))
      },
      (report) =>
        say(
          `  loaded ${report.phase}: ${report.itemsWritten} items in ${report.seconds} s (${report.writeSeconds} s writing), ${report.itemsPerSecond} items/s`,
        ),
    )
    const itemsWritten = reports.reduce((sum, report) => sum + report.itemsWritten, 0)
    const loadSeconds = reports.reduce((sum, report) => sum + report.seconds, 0)
    say(`dataset loaded (${elapsed(started)})`)

    if (only !== undefined) {
      const all = allEndpoints(stack.url, dataset, await signIn(stack.url, [...dataset.buyers, ...dataset.suppliers]))
      const chosen = all.filter((candidate) => only.split(',').some((part) => candidate.name.includes(part)))
      for (const endpoint of chosen) {
        // The ceiling of the endpoint's kind, measured just before it: on a busy machine both see the same load.
        const engine = endpoint.engineKind
          ? await measureEngine(stack.db, stack.table, dataset, {
              concurrency: settings.connections,
              seconds: settings.engineSeconds,
              kinds: new Set([endpoint.engineKind]),
            })
          : []
        const result = withEngineRatios(await load(size.listings)(endpoint), engine)
        say(
          `    engine ${engine.map((entry) => `${entry.kind} ${entry.opsPerSecond}/s`).join('') || '–'}, share of its ceiling ${result.shareOfEngineCeiling ?? '–'}`,
        )
      }
      return
    }
    const engine = await measureEngine(stack.db, stack.table, dataset, {
      concurrency: settings.connections,
      seconds: settings.engineSeconds,
    })
    say(`engine: ${engine.map((entry) => `${entry.kind} ${entry.opsPerSecond}/s`).join(', ')} (${elapsed(started)})`)

    const cookies = await signIn(stack.url, [...dataset.buyers, ...dataset.suppliers])
    say(`endpoints at ${size.listings} listings:`)
    const endpoints: EndpointResult[] = []
    for (const endpoint of allEndpoints(stack.url, dataset, cookies)) endpoints.push(await load(size.listings)(endpoint))
    for (const result of endpoints) if (result.route === 'GET /api/listings') scale.push(result)
    say(`HTTP load done (${elapsed(started)})`)

    const bundles = await measureBundles(await (bundleBuild as NonNullable<typeof bundleBuild>), { runs })
    say(`bundles measured (${elapsed(started)})`)
    const pages = await webWeights(stack.web)
    const paints = await measurePaints(stack.url, dataset.listings[0]?.id as string, runs)
    say(`web measured (${elapsed(started)})`)

    const results: BenchResults = {
      date: new Date().toISOString(),
      mode: quick ? 'quick' : fraction === 1 ? 'full' : `scale ${fraction}`,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.versions.node,
        platform: `${process.platform} ${process.arch}`,
      },
      durationSeconds: Math.round((performance.now() - started) / 1000),
      settings,
      dataset: { sizes: { ...size }, phases: reports, itemsWritten, itemsPerSecond: Math.round(itemsWritten / loadSeconds) },
      engine,
      endpoints: endpoints.map((result) => withEngineRatios(result, engine)),
      scale: scale.map((result) => withEngineRatios(result, engine)),
      bundles,
      web: { pages, paints },
      npmStart,
    }
    const resultsDir = resolve(import.meta.dirname, 'results')
    await mkdir(resultsDir, { recursive: true })
    await writeFile(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
    say()
    say(resultsMarkdown(results))
    await updateReadme(results)
    say()
    say('Wrote bench/results/latest.json and the README’s bench section.')
  } finally {
    await stack.stop()
    await removeBundles()
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
