import { mkdir } from 'node:fs/promises'
import type { ListingPage } from '@market/contracts'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAccounts } from '../../functions/local/seed.ts'
import type { RunningServer } from '../../functions/local/server.ts'
import { zhCN } from '../../web/src/i18n/zh-CN.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import { checkPage, newParty, phone, screenshots, settled, signIn } from '../support/e2e-pages.ts'
import { marketClient } from '../support/market.ts'
import { serveTestMarket } from '../support/web-market.ts'

let server: RunningServer
let browser: Browser

describe.skipIf(chromiumMissing)('the administrators’ console in Chromium', () => {
  beforeAll(async () => {
    server = (await serveTestMarket('e2e-console')).server
    browser = await launchChromium()
    await mkdir(screenshots, { recursive: true })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('a buyer reports a listing; the console counts it, and suspending it there takes it out of search at once', async () => {
    const client = marketClient((path, init) => fetch(`${server.url}${path}`, init))
    const search = async (category: string) =>
      (await client.call<ListingPage>(`/api/listings?category=${category}&limit=50`)).body.items.map((item) => item.id)
    const listing = (await client.call<ListingPage>('/api/listings?limit=1')).body.items[0]
    if (!listing) throw new Error('the demo market has no listing')
    expect(await search(listing.categoryId)).toContain(listing.id)

    // The buyer reports it from its page.
    const buyer = await client.register('buyer', '达娃')
    const buyerParty = await newParty(browser, phone)
    await signIn(buyerParty.page, server.url, buyer, '/account')
    await buyerParty.page.goto(`${server.url}/listings/${listing.id}`)
    await settled(buyerParty.page)
    await buyerParty.page.getByRole('button', { name: zhCN['review.report'], exact: true }).click()
    await buyerParty.page.getByLabel(zhCN['listing.report.reason']).fill('图片与实物不符')
    await buyerParty.page.getByRole('button', { name: zhCN['review.report.submit'] }).click()
    await expect
      .poll(() => buyerParty.page.locator('[data-report-box] [role="status"]').textContent())
      .toBe(zhCN['review.report.done'])
    expect(buyerParty.errors).toEqual([])

    // The console shows every queue's count, the reported listing among them, on a phone.
    const { page, errors } = await newParty(browser, phone)
    await signIn(page, server.url, demoAccounts.admin, '/admin')
    await expect.poll(() => page.locator('[data-queue="reportedListings"]').getAttribute('data-count')).toBe('1')
    expect(await page.locator('[data-queue]').count()).toBe(8)
    await checkPage(page, 'admin-console-390.png')

    await page.locator('[data-console-nav] a[data-section="/admin/reports"]').click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/reports')
    const item = page.locator(`[data-reported="${listing.id}"]`)
    await expect.poll(() => item.textContent()).toContain('图片与实物不符')
    expect(await item.textContent()).toContain('达娃')
    await checkPage(page, 'admin-reports-390.png')

    await item.getByRole('button', { name: zhCN['moderation.suspend'], exact: true }).click()
    await page.getByLabel(zhCN['moderation.suspendReason']).fill('举报属实：图片与实物不符')
    await page.getByRole('button', { name: zhCN['moderation.confirmSuspend'] }).click()
    await item.waitFor({ state: 'detached' })
    await expect.poll(() => page.locator('[data-console-nav] a[data-section="/admin/reports"] .nav-count').count()).toBe(0)
    expect(await search(listing.categoryId)).not.toContain(listing.id)
    expect(errors).toEqual([])
  })
})
