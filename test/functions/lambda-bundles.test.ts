import { join } from 'node:path'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { type RouteGroup, routeGroups } from '../../functions/route-map.ts'
import { bundledInputs, lambdaBuildOptions, startupInputs } from '../../infra/lambda-bundle.ts'

const projectRoot = join(import.meta.dirname, '../..')

/** The functions that pay or refund: orders (checkout, cancelling a paid order), webhooks, the admin's dispute refunds. */
const paying = new Set(['orders', 'webhooks', 'admin', 'jobs'])
const entries = [
  ...(routeGroups as readonly RouteGroup[]).map(({ name, entry, photos }) => ({ name, entry, photos: Boolean(photos) })),
  { name: 'jobs', entry: 'functions/jobs.ts', photos: false },
]

/** A function's bundle as the stack builds it (infra/lambda-bundle.ts): the files whose code is in it, and those loaded at start. */
const bundle = async (entry: string) => {
  const { metafile } = await build({
    ...lambdaBuildOptions({ projectRoot, entry, outdir: join(projectRoot, 'lambda-bundle-test') }),
    // Nothing is written: the metafile is all these checks read.
    write: false,
    logLevel: 'silent',
  })
  return { all: bundledInputs(metafile), atStart: startupInputs(metafile) }
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

  it.each(entries)('$name carries the S3 client only if its routes touch photos', ({ name, photos }) => {
    const s3 = of(name).filter((input) => /node_modules\/@aws-sdk\/(client-s3|s3-request-presigner)\//.test(input))
    if (photos) expect(s3.length).toBeGreaterThan(0)
    else expect(s3).toEqual([])
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
