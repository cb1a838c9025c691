import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAccounts } from '../../functions/local/seed.ts'
import type { RunningServer } from '../../functions/local/server.ts'
import { zhCN } from '../../web/src/i18n/zh-CN.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import { checkPage, newParty, type Party, phone, settled, signIn } from '../support/e2e-pages.ts'
import type { ExpectedFailure } from '../support/page-errors.ts'
import { serveTestMarket } from '../support/web-market.ts'

/** A demo listing of the demo supplier: 268 元/m from 3 m, with a 0.5 m swatch for 30 元. */
const listingTitle = '八廓街传统氆氇 红黑条纹'

let server: RunningServer
let browser: Browser
let listingId: string
const expectedFailures: ExpectedFailure[] = []

describe.skipIf(chromiumMissing)('samples in Chromium', () => {
  let buyer: Party
  let supplier: Party

  beforeAll(async () => {
    const market = await serveTestMarket('e2e-samples')
    server = market.server
    browser = await launchChromium()
    const search = await fetch(`${server.url}/api/listings?q=${encodeURIComponent(listingTitle)}`)
    const { items } = (await search.json()) as { items: { id: string; title: { zh: string } }[] }
    listingId = items.find((item) => item.title.zh === listingTitle)?.id as string
    expect(listingId).toBeTruthy()
    buyer = await newParty(browser, phone, expectedFailures)
    supplier = await newParty(browser, phone, expectedFailures)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('a buyer orders the sample, pays for it, and sees its price taken off the bulk order that follows, to the fen', async () => {
    const { page } = buyer
    await signIn(page, server.url, demoAccounts.buyer, `/listings/${listingId}`)
    await expect.poll(() => page.locator('[data-listing-sample]').textContent()).toContain('¥30.00')

    // The sample: one swatch at its price, no quantity to choose.
    await page.locator('input[name="kind"][value="sample"]').check()
    await expect.poll(() => page.locator('#order-quantity').count()).toBe(0)
    await expect.poll(() => page.locator('[data-sample-total] [data-total-amount]').textContent()).toBe('¥30.00')
    await expect.poll(() => page.locator('[data-sample-total]').textContent()).toContain('0.5 米布样')
    await checkPage(page, 'listing-sample-390.png')
    await page.getByRole('button', { name: zhCN['buy.submit'] }).click()
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/orders\/[0-9A-Z]{26}$/)
    const sampleOrder = new URL(page.url()).pathname.split('/')[2] as string
    await settled(page)
    await expect.poll(() => page.locator('[data-sample-line]').textContent()).toBe(zhCN['order.sample'])
    await expect.poll(() => page.locator('[data-order-total]').textContent()).toBe('¥30.00')
    await page.getByLabel(zhCN['action.transfer.reference']).fill('ICBC-SAMPLE-01')
    await page.getByRole('button', { name: zhCN['action.transfer.submit'] }).click()
    await expect.poll(() => page.locator('[data-notice="awaiting-confirmation"]').count()).toBe(1)

    // The supplier confirms the money arrived: the sample is paid, and its price becomes a credit.
    await signIn(supplier.page, server.url, demoAccounts.supplier, `/orders/${sampleOrder}`)
    await supplier.page.getByRole('button', { name: zhCN['action.confirmPayment.submit'] }).click()
    await expect
      .poll(() => supplier.page.locator('.page-head [data-order-status]').getAttribute('data-order-status'))
      .toBe('paid')

    // Back on the listing, the bulk order shows the credit before it is placed: 3 m × 268.00 − 30.00 = 774.00.
    await page.goto(`${server.url}/listings/${listingId}`)
    await settled(page)
    await page.locator('#order-quantity').fill('3')
    await expect.poll(() => page.locator('[data-sample-credit]').textContent()).toContain('−¥30.00')
    await expect.poll(() => page.locator('[data-total-amount]').textContent()).toBe('¥774.00')
    await page.getByRole('button', { name: zhCN['buy.submit'] }).click()
    await expect.poll(() => new URL(page.url()).pathname).not.toBe(`/orders/${sampleOrder}`)
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/orders\/[0-9A-Z]{26}$/)
    await settled(page)
    await expect.poll(() => page.locator('[data-order-sample-credit]').textContent()).toContain('−¥30.00')
    await expect.poll(() => page.locator('[data-order-total]').textContent()).toBe('¥774.00')
    await checkPage(page, 'order-sample-credit-390.png')
    expect(buyer.errors).toEqual([])
    expect(supplier.errors).toEqual([])
  })
})
