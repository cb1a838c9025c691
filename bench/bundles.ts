/**
 * Part 5 of `npm run bench`: each Lambda's bundle as the stack builds it (infra/lambda-bundle.ts),
 * the size of what a cold start loads (the handler and the chunks it imports statically) and of
 * what loads only on demand, the largest inputs at start by package from esbuild's metafile, and
 * the time a fresh Node process takes to import the handler against `node -e 0`.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build, type Metafile } from 'esbuild'
import { routeGroups } from '../functions/route-map.ts'
import { bundledInputs, lambdaBuildOptions, startupOutputs } from '../infra/lambda-bundle.ts'
import { median, round } from './report.ts'

const root = resolve(import.meta.dirname, '..')

export const lambdaEntries = [
  ...routeGroups.map(({ name, entry }) => ({ name, entry })),
  { name: 'jobs', entry: 'functions/jobs.ts' },
]

export type BundleReport = {
  name: string
  /** What a cold start loads: the handler and the chunks it imports statically. */
  bytes: number
  /** Chunks imported only dynamically (Stripe's SDK, the OpenAPI document): loaded at their first use. */
  lazyBytes?: number
  hasStripe: boolean
  largestInputs: { input: string; bytes: number }[]
  importMs: number
  importMsAboveBareNode: number
}

/** The inputs of a bundle's start-up files grouped by package (node_modules/<name>) or, for our own code, by workspace folder. */
export const largestInputs = (metafile: Metafile, count = 5) => {
  const byOrigin = new Map<string, number>()
  for (const path of startupOutputs(metafile))
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[path]?.inputs ?? {})) {
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

/**
 * Each Lambda's bundle built into a temporary folder, all at once (esbuild builds side by side):
 * `npm run bench` builds them while nothing is timed, then measures them (`measureBundles`).
 */
export const buildBundles = async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'market-bench-bundles-'))
  try {
    const built = await Promise.all(
      lambdaEntries.map(async ({ name, entry }) => {
        const outdir = join(outDir, name)
        const { metafile } = await build({ ...lambdaBuildOptions({ projectRoot: root, entry, outdir }), logLevel: 'silent' })
        return { name, outdir, metafile }
      }),
    )
    return { built, remove: () => rm(outDir, { recursive: true, force: true }) }
  } catch (error) {
    await rm(outDir, { recursive: true, force: true })
    throw error
  }
}

/** The built bundles' sizes and largest inputs, and each handler's import time one at a time (alone on the machine). */
export const measureBundles = async ({ built }: Awaited<ReturnType<typeof buildBundles>>, { runs }: { runs: number }) => {
  const bareNode = processTime(['-e', '0'], runs)
  const reports: BundleReport[] = []
  for (const { name, outdir, metafile } of built) {
    const atStart = startupOutputs(metafile)
    const sizes = await Promise.all(
      Object.keys(metafile.outputs)
        .filter((path) => path.endsWith('.mjs'))
        .map(async (path) => ({ atStart: atStart.has(path), bytes: (await stat(join(root, path))).size })),
    )
    const sum = (wanted: boolean) =>
      sizes.filter((size) => size.atStart === wanted).reduce((total, size) => total + size.bytes, 0)
    const importMs = processTime([join(outdir, 'index.mjs')], runs)
    reports.push({
      name,
      bytes: sum(true),
      lazyBytes: sum(false),
      hasStripe: bundledInputs(metafile).some((input) => input.includes('node_modules/stripe/')),
      largestInputs: largestInputs(metafile),
      importMs: round(importMs),
      importMsAboveBareNode: round(importMs - bareNode),
    })
  }
  return { bareNodeMs: round(bareNode), bundles: reports }
}
