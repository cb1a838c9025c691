import { join } from 'node:path'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { type RouteGroup, routeGroups } from '../../functions/route-map.ts'
import { bundledInputs, lambdaBuildOptions, startupInputs, startupOutputs } from '../../infra/lambda-bundle.ts'

const projectRoot = join(import.meta.dirname, '../..')

/** The functions that pay or refund: orders (checkout, cancelling a paid order), webhooks, the admin's dispute refunds. */
const paying = new Set(['orders', 'webhooks', 'admin', 'jobs'])
const entries = [
  ...(routeGroups as readonly RouteGroup[]).map(({ name, entry, photos }) => ({ name, entry, photos: Boolean(photos) })),
  { name: 'jobs', entry: 'functions/jobs.ts', photos: false },
]

/**
 * The functions that serve what visitors and buyers read (the catalogue, supplier pages and
 * ratings, requests and bids, messages, the market index, the session and notifications, the
 * health check): a user waits on their cold starts. Not: the administrators', orders (a step of a
 * purchase, after the reads), bulk listings, Stripe's webhooks and the scheduled jobs.
 */
const readPath = new Set(['accounts', 'listings', 'meta', 'metrics', 'notifications', 'ratings', 'rfqs', 'threads'])

/**
 * What a read-path cold start may load (minified): 400 KB, but for the groups not yet there, held
 * at their size. What remains in them is shared by all (zod ~97 KB, the DynamoDB client with
 * @smithy/core and @aws-sdk/core ~180 KB, hono ~36 KB) plus their domain rules and repositories,
 * and, where S3 is loaded on demand, the part of @smithy/core and @aws-sdk/core the S3 chunk
 * shares with DynamoDB (~18 KB: esbuild splits by file, not by export).
 */
const startBudgetKB: Record<string, number> = {
  accounts: 450,
  listings: 490,
  metrics: 430,
  ratings: 500,
  rfqs: 510,
  threads: 545,
}

/** A function's bundle as the stack builds it (infra/lambda-bundle.ts): the files whose code is in it, and those loaded at start. */
const bundle = async (entry: string) => {
  const { metafile } = await build({
    ...lambdaBuildOptions({ projectRoot, entry, outdir: join(projectRoot, 'lambda-bundle-test') }),
    // Nothing is written: the metafile is all these checks read.
    write: false,
    logLevel: 'silent',
  })
  const startBytes = [...startupOutputs(metafile)].reduce((total, path) => total + (metafile.outputs[path]?.bytes ?? 0), 0)
  return { all: bundledInputs(metafile), atStart: startupInputs(metafile), startBytes }
}

/** The route groups' own apps, by the folder each lives in (packages/api/src/<group>/app.ts). */
const appOf = (input: string) => /^packages\/api\/src\/([^/]+)\/app\.ts$/.exec(input)?.[1]

const bundles = new Map<string, Awaited<ReturnType<typeof bundle>>>()

describe('Lambda bundles', () => {
  // One build per function, shared by the checks below (each build reads the whole graph).
  beforeAll(async () => {
    for (const { name, entry } of entries) bundles.set(name, await bundle(entry))
  }, 300_000)
  const of = (name: string) => bundles.get(name)?.all ?? []
  const atStartOf = (name: string) => bundles.get(name)?.atStart ?? []
  const isStripe = (input: string) => input.includes('node_modules/stripe/')

  it.each(entries)('$name carries Stripe only if it pays or refunds, and loads it only at the first payment call', ({ name }) => {
    if (paying.has(name)) expect(of(name).filter(isStripe).length).toBeGreaterThan(0)
    else expect(of(name).filter(isStripe)).toEqual([])
    expect(atStartOf(name).filter(isStripe)).toEqual([])
  })

  it.each(entries)('$name carries the XLSX and GBK readers only if it imports listings', ({ name }) => {
    const readers = of(name).filter((input) => /node_modules\/(exceljs|iconv-lite)\//.test(input))
    if (name === 'listing-imports') expect(readers.length).toBeGreaterThan(0)
    else expect(readers).toEqual([])
  })

  it.each(entries)(
    '$name carries the S3 client only if its routes touch photos, and loads it only at the first photo call',
    ({ name, photos }) => {
      const isS3 = (input: string) => /node_modules\/@aws-sdk\/(client-s3|s3-request-presigner)\//.test(input)
      if (photos) expect(of(name).filter(isS3).length).toBeGreaterThan(0)
      else expect(of(name).filter(isS3)).toEqual([])
      expect(atStartOf(name).filter(isS3)).toEqual([])
    },
  )

  it.each(entries)('$name loads the Secrets Manager client only when it reads the app secret', ({ name }) => {
    expect(atStartOf(name).filter((input) => input.includes('node_modules/@aws-sdk/client-secrets-manager/'))).toEqual([])
  })

  it.each(entries.filter(({ name }) => readPath.has(name)))('$name loads at most its budget at a cold start', ({ name }) => {
    expect(bundles.get(name)?.startBytes).toBeLessThanOrEqual((startBudgetKB[name] ?? 400) * 1024)
  })

  it.each(entries.filter(({ name }) => name !== 'meta' && name !== 'jobs'))(
    '$name carries its own group’s app and no other',
    ({ name }) => {
      expect([...new Set(of(name).flatMap((input) => appOf(input) ?? []))]).toEqual([name])
    },
  )

  it('keeps the OpenAPI generator and the other groups’ apps in the function that serves the document, loaded at its first request', () => {
    const documentOnly = (input: string) => input.startsWith('packages/api/src/openapi/document.ts')
    expect(of('meta').some(documentOnly)).toBe(true)
    expect(new Set(of('meta').flatMap((input) => appOf(input) ?? [])).size).toBe(routeGroups.length)
    expect(atStartOf('meta').filter(documentOnly)).toEqual([])
    expect([...new Set(atStartOf('meta').flatMap((input) => appOf(input) ?? []))]).toEqual(['meta'])
    for (const { name } of entries.filter(({ name }) => name !== 'meta')) expect(of(name).filter(documentOnly), name).toEqual([])
  })

  // `import { z } from 'zod'` keeps the whole namespace object, every locale with it (~350 KB): the code says `import * as z`.
  it.each(entries)('$name carries zod without its locales beyond English', ({ name }) => {
    const locales = of(name).filter((input) => /node_modules\/zod\/.*\/locales\/(?!en\.js|index\.js)/.test(input))
    expect(locales).toEqual([])
  })
})
