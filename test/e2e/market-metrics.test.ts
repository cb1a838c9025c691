import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAccounts } from '../../functions/local/seed.ts'
import type { RunningServer } from '../../functions/local/server.ts'
import { bo } from '../../web/src/i18n/bo.ts'
import { en } from '../../web/src/i18n/en.ts'
import { zhCN } from '../../web/src/i18n/zh-CN.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import { checkPage, newParty, type Party, screenshots, settled, signIn, switchLanguage } from '../support/e2e-pages.ts'
import { serveTestMarket } from '../support/web-market.ts'

/**
 * Must show 5: the administrators' dashboard and the public price-index chart draw the demo
 * data's 18 months in Chinese, Tibetan and English with no console error; screenshots are kept.
 */
const languages = [
  { button: '中文', catalog: zhCN, code: 'zh' },
  { button: 'བོད་ཡིག', catalog: bo, code: 'bo' },
  { button: 'English', catalog: en, code: 'en' },
] as const

let server: RunningServer
let browser: Browser

/** A drawn chart (or the first whose name starts so, for a name ending in `-`): its plot holds points or bars. */
const drawn = async (page: Page, chart: string) => {
  const figure = page.locator(`[data-chart${chart.endsWith('-') ? '^' : ''}="${chart}"]`).first()
  await expect.poll(() => figure.locator('svg circle, svg rect').count()).toBeGreaterThan(0)
  return figure
}

describe.skipIf(chromiumMissing)('the market figures in Chromium', () => {
  beforeAll(async () => {
    server = (await serveTestMarket('e2e-metrics')).server
    browser = await launchChromium()
    await mkdir(screenshots, { recursive: true })
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('draws the dashboard with growth beside the plan’s target, in all three languages', async () => {
    const admin: Party = await newParty(browser, { width: 1280, height: 900 })
    const { page, errors } = admin
    await signIn(page, server.url, demoAccounts.admin, '/admin')
    await page.getByRole('link', { name: zhCN['nav.metrics'] }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/metrics')
    for (const { button, catalog, code } of languages) {
      await switchLanguage(page, button)
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(catalog['metrics.title'])
      await settled(page)
      const growth = await drawn(page, 'metrics-growth')
      await expect.poll(() => growth.locator('.chart__legend').textContent()).toContain(catalog['metrics.growth.target'])
      expect(await growth.locator('.chart__series--dashed circle').count()).toBeGreaterThanOrEqual(12)
      expect(await growth.locator('.chart__series--0 circle').count()).toBeGreaterThan(0)
      await drawn(page, 'metrics-gmv')
      await drawn(page, 'metrics-categories')
      await page.screenshot({ path: join(screenshots, `metrics-dashboard-${code}.png`), fullPage: true })
    }
    await page.locator('[data-chart="metrics-gmv"] summary').click()
    await expect.poll(() => page.locator('[data-chart="metrics-gmv"] tbody tr').count()).toBeGreaterThanOrEqual(12)
    const download = page.waitForEvent('download')
    await page.locator('[data-chart="metrics-gmv"] .chart__csv').click()
    const csv = await (await download).createReadStream()
    const bytes: Buffer[] = []
    for await (const chunk of csv) bytes.push(chunk as Buffer)
    const text = Buffer.concat(bytes)
    expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(text.toString('utf8')).toContain(en['metrics.gmv.previous'])
    // English is the language chosen last: set this year's target, and the plan's line follows.
    const year = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear()
    await page.getByLabel(en['metrics.target.year'], { exact: true }).fill(String(year))
    await page.getByLabel(en['metrics.target.percent'], { exact: true }).fill('30')
    await page.getByRole('button', { name: en['metrics.target.save'] }).click()
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: String(year) })
          .count(),
      )
      .toBe(1)
    await page.locator('[data-chart="metrics-growth"] summary').click()
    await expect.poll(() => page.locator('[data-chart="metrics-growth"] tbody tr').last().textContent()).toContain('30 %')
    expect(errors).toEqual([])
    await admin.context.close()
  })

  it('draws the public price index on the market and on a material’s page, for anyone, in all three languages', async () => {
    const visitor = await newParty(browser, { width: 390, height: 844 })
    const { page, errors } = visitor
    await page.goto(`${server.url}/market`)
    for (const { button, catalog, code } of languages) {
      await switchLanguage(page, button)
      await expect.poll(() => page.locator('#price-index-title').textContent()).toBe(catalog['priceIndex.title'])
      await drawn(page, 'price-index-')
      await checkPage(page, `price-index-market-${code}.png`)
    }
    await page.goto(`${server.url}/market?category=yak-down`)
    const yakDown = await drawn(page, 'price-index-yak-down')
    expect(await yakDown.locator('svg circle').count()).toBeGreaterThan(5)
    await page.screenshot({ path: join(screenshots, 'price-index-yak-down.png'), fullPage: true })
    await page.goto(`${server.url}/market?category=zippers`)
    await settled(page)
    expect(await page.locator('#price-index-title').count()).toBe(0)
    expect(errors).toEqual([])
    await visitor.context.close()
  })
})
