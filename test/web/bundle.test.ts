import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, relative } from 'node:path'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOriginApp } from '../../functions/local/origin-app.ts'
import { webCacheControl } from '../../functions/web-caching.ts'
import { buildWeb, type PageWeight, pageWeights } from '../../web/build.ts'

/** The market page's script budget, as sent gzipped (issue 13): entry, page chunk, catalog, and what they import. */
const marketBudgetBytes = 60 * 1024

let outDir: string
let built: Awaited<ReturnType<typeof buildWeb>>
let inputs: string[]
let weights: PageWeight[]

/** The metafile's source inputs of the outputs a page loads. */
const inputsOf = (files: string[]) =>
  files.flatMap((file) => Object.keys(built.metafile.outputs[relative(process.cwd(), join(outDir, file))]?.inputs ?? {}))

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'market-web-bundle-'))
  built = await buildWeb({ outDir })
  inputs = Object.values(built.metafile.outputs).flatMap((output) => Object.keys(output.inputs))
  weights = await pageWeights(built)
}, 60_000)

afterAll(() => rm(outDir, { recursive: true, force: true }))

describe('the web bundle', () => {
  it('checks by the contracts’ own lists and rules, taken from their zod-free modules', () => {
    expect(inputs).toContain('packages/contracts/src/values.ts')
    expect(inputs).toContain('packages/contracts/src/units.ts')
  })

  it('holds no zod: a run-time import of the contracts’ schemas would put it there', () => {
    expect(inputs.filter((input) => input.includes('node_modules/zod/'))).toEqual([])
    expect(inputs.filter((input) => input.startsWith('packages/contracts/') && !/\/(values|units)\.ts$/.test(input))).toEqual([])
  })

  it(`sends the market page in at most ${marketBudgetBytes / 1024} KB of script, gzipped`, () => {
    const market = weights.find((weight) => weight.page === 'market')
    expect(market?.jsGzip).toBeGreaterThan(0)
    expect(market?.jsGzip).toBeLessThanOrEqual(marketBudgetBytes)
  })

  it('loads one language and one page: each catalog and each page is a chunk of its own', () => {
    const market = weights.find((weight) => weight.page === 'market') as PageWeight
    const loaded = inputsOf(market.files)
    expect(loaded).toContain('web/src/i18n/zh-CN.ts')
    expect(loaded).not.toContain('web/src/i18n/bo.ts')
    expect(loaded).not.toContain('web/src/i18n/en.ts')
    expect(loaded.filter((input) => input.startsWith('web/src/pages/'))).toEqual(['web/src/pages/market.tsx'])
    expect(loaded).not.toContain('web/src/rfqs/compare-table.tsx')
    expect(weights.map((weight) => weight.page)).toEqual(expect.arrayContaining(['market', 'listing', 'rfq', 'order']))
  })

  it('writes each script, the stylesheet and index.html also gzipped and brotli-compressed', () => {
    const texts = [
      join(outDir, 'index.html'),
      built.style,
      ...Object.keys(built.metafile.outputs).filter((path) => path.endsWith('.js')),
    ]
    for (const file of texts) {
      expect(existsSync(`${file}.gz`), file).toBe(true)
      expect(existsSync(`${file}.br`), file).toBe(true)
    }
  })

  it('puts a header and the outline of a page in index.html, shown before any script runs', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8')
    const app = html.slice(html.indexOf('<div id="app">'))
    expect(app).toContain('class="site-header"')
    expect(app).toContain('拉萨服装原辅料交易市场')
    expect(app).toContain('class="skeleton"')
  })
})

describe('the web app as the local server sends it', () => {
  const origin = () => createOriginApp({ groups: [], apps: new Map(), webDir: outDir, photoBucket: new Hono() })
  const get = (path: string, encoding: string) => origin().request(path, { headers: { 'Accept-Encoding': encoding } })

  it('sends hashed assets compressed and cached for a year', async () => {
    const script = `/assets/${basename(built.script)}`
    const brotli = await get(script, 'gzip, deflate, br')
    expect(brotli.status).toBe(200)
    expect(brotli.headers.get('content-encoding')).toBe('br')
    expect(brotli.headers.get('cache-control')).toBe(webCacheControl.hashed)
    expect(brotli.headers.get('content-type')).toContain('javascript')
    const gzip = await get(`/assets/${basename(built.style)}`, 'gzip')
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
    expect(gzip.headers.get('cache-control')).toBe(webCacheControl.hashed)
  })

  it('sends index.html, for every page of the app, compressed and asked for again every time', async () => {
    for (const path of ['/', '/market']) {
      const answer = await get(path, 'gzip')
      expect(answer.status).toBe(200)
      expect(answer.headers.get('content-encoding')).toBe('gzip')
      expect(answer.headers.get('cache-control')).toBe(webCacheControl.other)
    }
  })
})
