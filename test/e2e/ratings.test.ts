import { mkdir } from 'node:fs/promises'
import type { SupplierProfile } from '@market/contracts'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoOrders } from '../../functions/local/demo-market.ts'
import { demoAccounts } from '../../functions/local/seed.ts'
import type { RunningServer } from '../../functions/local/server.ts'
import { bo } from '../../web/src/i18n/bo.ts'
import { fill, localeNames } from '../../web/src/i18n/i18n.ts'
import { zhCN } from '../../web/src/i18n/zh-CN.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import {
  atDesk,
  checkPage,
  newParty,
  type Party,
  phone,
  screenshots,
  settled,
  signIn,
  switchLanguage,
} from '../support/e2e-pages.ts'
import { serveTestMarket } from '../support/web-market.ts'

/** The demo buyer's order that is received and not yet rated (the last of the demo orders). */
const waitingTitle = demoOrders.at(-1)?.listing as string
const comment = '颜色和样品一致，备货及时。'
const reply = 'ཐུགས་རྗེ་ཆེ། 欢迎再来八廓街看新货。'

let server: RunningServer
let browser: Browser
let buyer: Party
let supplier: Party
let supplierId: string
let ratingId: string
let histogramBefore: number[]

const language = async (page: Page, locale: 'zh-CN' | 'bo') => {
  await switchLanguage(page, localeNames[locale])
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(locale)
}

/** The histogram as the page draws it: a count per star, 1★ first. */
const histogram = async (page: Page) => (await page.locator('[data-histogram]').getAttribute('data-histogram'))?.split(',')

describe.skipIf(chromiumMissing)('ratings in Chromium', () => {
  beforeAll(async () => {
    const market = await serveTestMarket('e2e-ratings')
    server = market.server
    browser = await launchChromium()
    await mkdir(screenshots, { recursive: true })
    buyer = await newParty(browser, phone)
    supplier = await newParty(browser, phone)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('the buyer rates a delivered order, and the supplier page shows the new histogram, in Chinese and Tibetan', async () => {
    const { page } = buyer
    await signIn(page, server.url, demoAccounts.buyer, '/orders')
    await page.goto(`${server.url}/orders?status=delivered`)
    await settled(page)
    await page.locator('[data-order]').getByRole('link', { name: waitingTitle }).click()
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/orders\/[0-9A-Z]{26}$/)
    await settled(page)

    const link = page.locator('[data-supplier-link]').first()
    supplierId = (await link.getAttribute('data-supplier-link')) as string
    const before = (await (await fetch(`${server.url}/api/suppliers/${supplierId}`)).json()) as SupplierProfile
    histogramBefore = before.ratings.histogram

    // Three stars for each dimension: the histogram's 3★ bar grows by one.
    const form = page.locator('[data-rating-form]')
    await form.waitFor()
    for (const dimension of ['quality', 'onTime', 'accuracy', 'communication']) {
      await form
        .locator(`[data-dimension="${dimension}"]`)
        .getByRole('radio', { name: fill(zhCN['rating.stars'], { n: 3 }), exact: true })
        .check()
    }
    await page.getByLabel(zhCN['rating.form.comment']).fill(comment)
    await checkPage(page, 'rating-form-390.png')
    await form.getByRole('button', { name: zhCN['rating.form.submit'] }).click()
    await expect.poll(() => page.locator('[data-order-rating] [role="status"]').textContent()).toBe(zhCN['rating.form.done'])
    const written = page.locator('[data-order-rating] [data-rating]')
    await expect.poll(() => written.getAttribute('data-stars')).toBe('3')
    ratingId = (await written.getAttribute('data-rating')) as string

    await link.click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/suppliers/${supplierId}`)
    await settled(page)
    const expected = histogramBefore.map((count, index) => String(index === 2 ? count + 1 : count))
    await expect.poll(() => histogram(page)).toEqual(expected)
    await expect.poll(() => page.locator('[data-histogram] [data-stars="3"] .histogram__count').textContent()).toBe(expected[2])
    await expect
      .poll(() => page.locator('[data-ratings-count]').getAttribute('data-ratings-count'))
      .toBe(String(before.ratings.count + 1))
    await expect.poll(() => page.locator('[data-reviews] [data-rating]').first().getAttribute('data-rating')).toBe(ratingId)
    await expect.poll(() => page.locator(`[data-rating="${ratingId}"] .review__comment`).textContent()).toBe(comment)
    await expect.poll(() => page.locator('.histogram__caption').textContent()).toBe(zhCN['supplier.page.histogram'])
    await checkPage(page, 'supplier-page-390.png')
    await atDesk(page, 'supplier-page-1280.png')

    await language(page, 'bo')
    await expect.poll(() => page.locator('.histogram__caption').textContent()).toBe(bo['supplier.page.histogram'])
    await expect.poll(() => page.locator('#reviews-title').textContent()).toBe(bo['supplier.page.reviews'])
    await expect
      .poll(() => page.locator('[data-histogram] [data-stars="3"] .histogram__label').textContent())
      .toBe(fill(bo['rating.stars'], { n: 3 }))
    await expect.poll(() => histogram(page)).toEqual(expected)
    await checkPage(page, 'supplier-page-bo-390.png')
    expect(buyer.errors).toEqual([])
  })

  it('the supplier replies from its reviews page, and the reply shows on its public page, in Tibetan and Chinese', async () => {
    const { page } = supplier
    await signIn(page, server.url, demoAccounts.supplier, '/supplier/reviews')
    await language(page, 'bo')
    await expect.poll(() => page.locator('h1').textContent()).toBe(bo['myReviews.title'])
    const review = page.locator(`[data-rating="${ratingId}"]`)
    await expect.poll(() => review.locator('.review__comment').textContent()).toBe(comment)
    await review.getByLabel(bo['review.replyForm.label']).fill(reply)
    await checkPage(page, 'supplier-reviews-bo-390.png')
    await review.getByRole('button', { name: bo['review.replyForm.submit'] }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(bo['review.replyForm.done'])
    await expect.poll(() => review.locator('[data-reply] .review__reply-text').textContent()).toBe(reply)
    await expect.poll(() => review.locator('[data-reply-form]').count()).toBe(0)
    expect(supplier.errors).toEqual([])

    // The buyer, still reading in Tibetan, sees it on the supplier's page; then in Chinese.
    const shown = buyer.page.locator(`[data-reviews] [data-rating="${ratingId}"] [data-reply]`)
    await buyer.page.reload()
    await settled(buyer.page)
    await expect.poll(() => shown.locator('.review__reply-text').textContent()).toBe(reply)
    await expect.poll(() => shown.locator('.review__reply-label').textContent()).toContain(bo['review.reply'])
    await language(buyer.page, 'zh-CN')
    await expect.poll(() => shown.locator('.review__reply-label').textContent()).toContain(zhCN['review.reply'])
    await expect.poll(() => shown.locator('.review__reply-text').textContent()).toBe(reply)
    await checkPage(buyer.page, 'supplier-page-reply-390.png')
    expect(buyer.errors).toEqual([])
  })
})
