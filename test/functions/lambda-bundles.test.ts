import { join } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { routeGroups } from '../../functions/route-map.ts'

const projectRoot = join(import.meta.dirname, '../..')

/** The functions that pay or refund: orders (checkout, cancelling a paid order), webhooks, the admin's dispute refunds. */
const paying = new Set(['orders', 'webhooks', 'admin', 'jobs'])
const entries = [...routeGroups.map(({ name, entry }) => ({ name, entry })), { name: 'jobs', entry: 'functions/jobs.ts' }]

/** What esbuild puts in a function's bundle, built as the stack builds it (ESM for Node 22). */
const bundleInputs = async (entry: string) => {
  const { metafile } = await build({
    entryPoints: [join(projectRoot, entry)],
    absWorkingDir: projectRoot,
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    metafile: true,
    logLevel: 'silent',
  })
  return Object.keys(metafile.inputs)
}

describe('Lambda bundles', () => {
  it.each(entries)(
    '$name carries Stripe only if it pays or refunds',
    async ({ name, entry }) => {
      const stripe = (await bundleInputs(entry)).filter((input) => input.includes('node_modules/stripe/'))
      if (paying.has(name)) expect(stripe.length).toBeGreaterThan(0)
      else expect(stripe).toEqual([])
    },
    60_000,
  )

  it.each(entries)(
    '$name carries the XLSX and GBK readers only if it imports listings',
    async ({ name, entry }) => {
      const readers = (await bundleInputs(entry)).filter((input) => /node_modules\/(exceljs|iconv-lite)\//.test(input))
      if (name === 'listing-imports') expect(readers.length).toBeGreaterThan(0)
      else expect(readers).toEqual([])
    },
    60_000,
  )
})
