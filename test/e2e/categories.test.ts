import { mkdir } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAccounts } from '../../functions/local/seed.ts'
import type { RunningServer } from '../../functions/local/server.ts'
import { zhCN } from '../../web/src/i18n/zh-CN.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import { checkPage, desktop, newParty, screenshots, settled, signIn, switchLanguage } from '../support/e2e-pages.ts'
import { serveTestMarket } from '../support/web-market.ts'

let server: RunningServer
let browser: Browser

const marketTile = (page: Page, categoryId: string) => page.locator(`.category-tile[data-category="${categoryId}"]`)

/** The market page, fresh from the server, once its tiles are there. */
const openMarket = async (page: Page) => {
  await page.goto(`${server.url}/market`)
  await marketTile(page, 'wool').waitFor()
}

describe.skipIf(chromiumMissing)('the administrators’ categories in Chromium', () => {
  beforeAll(async () => {
    server = (await serveTestMarket('e2e-categories')).server
    browser = await launchChromium()
    await mkdir(screenshots, { recursive: true })
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('adds a category, names it in Tibetan, and retires it: the market’s tiles follow', async () => {
    const { page, errors, context } = await newParty(browser, desktop)
    await signIn(page, server.url, demoAccounts.admin, '/admin')
    await page.getByRole('link', { name: zhCN['console.categories'] }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/categories')
    await settled(page)
    expect(await page.locator('[data-category="wool"]').count()).toBe(1)

    await page.getByLabel(zhCN['admin.categories.id']).fill('felt')
    await page.getByLabel(zhCN['admin.categories.name.zh']).fill('毛毡')
    await page.getByLabel(zhCN['admin.categories.name.en']).fill('Felt')
    await page.getByLabel(zhCN['admin.categories.sortOrder']).fill('5')
    await page.getByRole('button', { name: zhCN['admin.categories.create'] }).click()
    const row = page.locator('tr[data-category="felt"]')
    await expect.poll(() => row.textContent()).toContain('毛毡')

    await row.getByRole('button', { name: zhCN['admin.categories.edit'] }).click()
    await page.locator('#category-felt-bo').fill('ཕྱིང་པ།')
    await page.getByRole('button', { name: zhCN['admin.categories.save'] }).click()
    await expect.poll(() => row.textContent()).toContain('ཕྱིང་པ།')
    await checkPage(page, 'admin-categories-zh.png')

    await openMarket(page)
    await switchLanguage(page, 'བོད་ཡིག')
    await expect.poll(() => marketTile(page, 'felt').textContent()).toContain('ཕྱིང་པ།')
    await switchLanguage(page, '中文')

    await page.goto(`${server.url}/admin/categories`)
    await settled(page)
    await row.getByRole('button', { name: zhCN['admin.categories.retire'] }).click()
    await page.getByLabel(zhCN['admin.categories.retireReason']).fill('并入羊毛类')
    await page.getByRole('button', { name: zhCN['admin.categories.confirmRetire'] }).click()
    await expect.poll(() => row.locator('[data-category-status]').getAttribute('data-category-status')).toBe('retired')
    expect(await row.textContent()).toContain('并入羊毛类')

    await openMarket(page)
    expect(await marketTile(page, 'felt').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('picks the materials of the public price index on the figures page', async () => {
    const { page, errors, context } = await newParty(browser, desktop)
    await signIn(page, server.url, demoAccounts.admin, '/admin/metrics')
    await settled(page)
    const cotton = page.locator('input[name="index-material"][value="cotton"]')
    await expect.poll(() => page.locator('input[name="index-material"][value="wool"]').isChecked()).toBe(true)
    expect(await cotton.isChecked()).toBe(false)
    await cotton.check()
    await page.getByRole('button', { name: zhCN['metrics.materials.save'] }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: '7' }).count()).toBeGreaterThanOrEqual(1)

    await page.reload()
    await settled(page)
    await expect.poll(() => cotton.isChecked()).toBe(true)
    const index = await page.evaluate(async () => (await fetch('/api/admin/metrics/index-materials')).json())
    expect(index.categoryIds).toContain('cotton')
    expect(errors).toEqual([])
    await context.close()
  })
})
