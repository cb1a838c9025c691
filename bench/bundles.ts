/**
 * Part 5 of `npm run bench`: each Lambda's bundle as the stack builds it (esbuild, minified ESM
 * for Node 22; infra/constructs/market-function.ts), its size and largest inputs by package from
 * esbuild's metafile, and the time a fresh Node process takes to import it against `node -e 0`.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build, type Metafile } from 'esbuild'
import { routeGroups } from '../functions/route-map.ts'
import { median, round } from './report.ts'

const root = resolve(import.meta.dirname, '..')

export const lambdaEntries = [
  ...routeGroups.map(({ name, entry }) => ({ name, entry })),
  { name: 'jobs', entry: 'functions/jobs.ts' },
]

export type BundleReport = {
  name: string
  bytes: number
  hasStripe: boolean
  largestInputs: { input: string; bytes: number }[]
  importMs: number
  importMsAboveBareNode: number
}

/** A bundle's inputs grouped by package (node_modules/<name>) or, for our own code, by workspace folder. */
export const largestInputs = (metafile: Metafile, count = 5) => {
  const byOrigin = new Map<string, number>()
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)
      const origin = inPackage ? (inPackage[1] as string) : input.split('/').slice(0, 2).join('/')
      byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + bytesInOutput)
    }
  return [...byOrigin]
    .map(([input, bytes]) => ({ input, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count)
}

/** What the stack gives each function (infra/constructs), enough for a handler's module to load. */
const lambdaEnvironment = {
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'cn-northwest-1',
  TABLE_NAME: 'market',
  PHOTOS_BUCKET: 'photos',
  SESSION_SECRET: 'bench-session-secret-of-thirty-two-bytes',
}

/** Milliseconds for a fresh Node process to run `args` and exit, the median of `runs`. */
const processTime = (args: string[], runs: number) => {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    const result = spawnSync(process.execPath, args, { env: lambdaEnvironment, stdio: 'pipe' })
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr.toString().slice(0, 2000)}`)
    times.push(performance.now() - started)
  }
  return median(times)
}

export const measureBundles = async ({ runs }: { runs: number }) => {
  const outDir = await mkdtemp(join(tmpdir(), 'market-bench-bundles-'))
  try {
    const bareNode = processTime(['-e', '0'], runs)
    // The bundles are built all at once (esbuild builds side by side), then imported one at a time:
    // only the imports are timed, and they must not share the machine with anything.
    const built = await Promise.all(
      lambdaEntries.map(async ({ name, entry }) => {
        const outfile = join(outDir, name, 'index.mjs')
        const { metafile } = await build({
          entryPoints: [join(root, entry)],
          absWorkingDir: root,
          outfile,
          bundle: true,
          minify: true,
          platform: 'node',
          format: 'esm',
          target: 'node22',
          mainFields: ['module', 'main'],
          banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
          metafile: true,
          logLevel: 'silent',
        })
        return { name, outfile, metafile }
      }),
    )
    const reports: BundleReport[] = []
    for (const { name, outfile, metafile } of built) {
      const importMs = processTime([outfile], runs)
      reports.push({
        name,
        bytes: (await stat(outfile)).size,
        hasStripe: Object.keys(metafile.inputs).some((input) => input.includes('node_modules/stripe/')),
        largestInputs: largestInputs(metafile),
        importMs: round(importMs),
        importMsAboveBareNode: round(importMs - bareNode),
      })
    }
    return { bareNodeMs: round(bareNode), bundles: reports }
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}
