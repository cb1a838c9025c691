/** The bench's results as `bench/results/latest.json` holds them, and as markdown (pure: unit-tested). */
import type { BundleReport } from './bundles.ts'
import type { LoadReport } from './dataset.ts'
import type { EngineCeiling } from './engine.ts'
import type { EndpointResult } from './http-load.ts'
import { markdownTable, round } from './report.ts'

export type EndpointFigures = EndpointResult & {
  /** API req/s ÷ engine ops/s of the endpoint's kind. */
  apiOverEngine: number | null
  /** The same, per engine request the endpoint makes: the share of the engine's ceiling it reaches. */
  shareOfEngineCeiling: number | null
}

export type BenchResults = {
  date: string
  mode: string
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string }
  durationSeconds: number
  settings: { connections: number; secondsPerEndpoint: number; engineSeconds: number }
  dataset: { sizes: Record<string, number>; phases: LoadReport[]; itemsWritten: number; itemsPerSecond: number }
  engine: EngineCeiling[]
  endpoints: EndpointFigures[]
  scale: EndpointFigures[]
  bundles: { bareNodeMs: number; bundles: BundleReport[] }
  web: {
    pages: { page: string; jsGzipBytes: number; cssGzipBytes: number; files: number }[]
    paints: Record<'market' | 'listing', { firstContentfulPaintMs: number; largestContentfulPaintMs: number }>
  }
  npmStart: { msToHealthy: number } | null
}

/** Each endpoint's ratios to the engine's ceiling of its kind, measured in the same run. */
export const withEngineRatios = (result: EndpointResult, engine: EngineCeiling[]): EndpointFigures => {
  const ceiling = engine.find((entry) => entry.kind === result.engineKind)
  if (!ceiling || ceiling.opsPerSecond === 0) return { ...result, apiOverEngine: null, shareOfEngineCeiling: null }
  const ratio = result.requestsPerSecond / ceiling.opsPerSecond
  return {
    ...result,
    apiOverEngine: round(ratio, 2),
    shareOfEngineCeiling: result.dynamo ? round(ratio * result.dynamo.dynamoCallsPerRequest, 2) : null,
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const orDash = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value)

export const resultsMarkdown = (results: BenchResults) => {
  const { machine } = results
  const lines: string[] = []
  lines.push(
    `Run of ${results.date.slice(0, 16).replace('T', ' ')} UTC (\`npm run bench${results.mode === 'quick' ? ' -- --quick' : ''}\`, ${Math.round(results.durationSeconds)} s) on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}: one run on a shared machine, so read the ratios rather than the absolute figures.`,
    '',
  )
  const sizes = Object.entries(results.dataset.sizes)
    .map(([name, count]) => `${count} ${name}`)
    .join(', ')
  lines.push(
    `Dataset: ${sizes}; ${results.dataset.itemsWritten} items written at ${results.dataset.itemsPerSecond} items/s.`,
    `Engine ceiling (${results.settings.connections} concurrent, same SDK): ${results.engine.map((entry) => `${entry.kind} ${entry.opsPerSecond}/s`).join(', ')}.`,
    '',
  )
  lines.push(
    markdownTable(
      [
        'endpoint',
        'listings',
        'req/s',
        'p50 ms',
        'p99 ms',
        'errors',
        'DynamoDB req/request',
        'items read/request',
        'engine kind',
        'API ÷ engine',
        'share of ceiling',
      ],
      [...results.endpoints].map((row) => [
        row.name,
        row.listings,
        row.requestsPerSecond,
        row.p50Ms,
        row.p99Ms,
        row.errors,
        orDash(row.dynamo?.dynamoCallsPerRequest),
        orDash(row.dynamo?.itemsReadPerRequest),
        row.engineKind ?? '–',
        orDash(row.apiOverEngine),
        orDash(row.shareOfEngineCeiling),
      ]),
    ),
    '',
    'Browse and search at two sizes (DynamoDB requests and items read per request should not grow):',
    '',
    markdownTable(
      ['endpoint', 'listings', 'req/s', 'DynamoDB req/request', 'items read/request'],
      results.scale.map((row) => [
        row.name,
        row.listings,
        row.requestsPerSecond,
        orDash(row.dynamo?.dynamoCallsPerRequest),
        orDash(row.dynamo?.itemsReadPerRequest),
      ]),
    ),
    '',
    `Lambda bundles (minified; import in a fresh Node, median, against ${results.bundles.bareNodeMs} ms for \`node -e 0\`):`,
    '',
    markdownTable(
      ['function', 'size at start', 'on demand', 'stripe', 'import ms', 'above node -e 0', 'largest inputs at start'],
      results.bundles.bundles.map((bundle) => [
        bundle.name,
        kb(bundle.bytes),
        bundle.lazyBytes === undefined ? '-' : kb(bundle.lazyBytes),
        bundle.hasStripe ? 'yes' : 'no',
        bundle.importMs,
        bundle.importMsAboveBareNode,
        bundle.largestInputs
          .slice(0, 3)
          .map((input) => `${input.input} ${kb(input.bytes)}`)
          .join(', '),
      ]),
    ),
    '',
    'Web app, gzipped per page (zh-CN), and paints in headless Chromium (cache off, median):',
    '',
    markdownTable(
      ['page', 'JS', 'CSS'],
      results.web.pages.map((page) => [page.page, kb(page.jsGzipBytes), kb(page.cssGzipBytes)]),
    ),
    '',
    `market: FCP ${results.web.paints.market.firstContentfulPaintMs} ms, LCP ${results.web.paints.market.largestContentfulPaintMs} ms; listing: FCP ${results.web.paints.listing.firstContentfulPaintMs} ms, LCP ${results.web.paints.listing.largestContentfulPaintMs} ms.`,
  )
  if (results.npmStart)
    lines.push(
      `\`npm start\` on a fresh data folder to a healthy /api/health: ${(results.npmStart.msToHealthy / 1000).toFixed(1)} s.`,
    )
  return lines.join('\n')
}
