import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPassword, demoSuppliers } from '../../functions/local/demo-market.ts'
import { wovenPng } from '../../functions/local/demo-photos.ts'
import { demoAccounts } from '../../functions/local/seed.ts'
import type { RunningServer } from '../../functions/local/server.ts'
import { bo } from '../../web/src/i18n/bo.ts'
import { zhCN } from '../../web/src/i18n/zh-CN.ts'
import { chromiumMissing, launchChromium, seriousAccessibilityViolations } from '../support/browser.ts'
import {
  atDesk,
  checkPage,
  navLink,
  newParty,
  noSidewaysScroll,
  type Party,
  phone,
  screenshots,
  settled,
  signIn,
  switchLanguage,
} from '../support/e2e-pages.ts'
import { serveTestMarket } from '../support/web-market.ts'

const supplierAccount = (key: string) => {
  const supplier = demoSuppliers.find((candidate) => candidate.key === key)
  if (!supplier) throw new Error(`no demo supplier ${key}`)
  return { email: supplier.email, password: demoPassword, company: supplier.company }
}
/** The two demo suppliers who both trade pulu. */
const tsering = supplierAccount('tsering')
const drolkar = supplierAccount('drolkar')

const rfqTitle = '藏历新年藏装用彩条氆氇 300米'
/**
 * Tsering quotes 210 元/米, then revises to 205 for 200 m in 10 days; Drolkar quotes 180 元/码 for
 * 150 码 (137.16 m) in 20 days, which is ¥196.85 per metre. The buyer splits 300 m as 200 + 100.
 */
const tseringPrice = '¥205.00'
const drolkarPricePerMetre = '¥196.85'
const tseringOrderTotal = '¥41,000.00'
/** Drolkar's 100 m come to ¥19,685.00, plus the ¥350 freight her bid quotes as its own line. */
const drolkarOrderTotal = '¥20,035.00'
const awardTotal = '¥61,035.00'

let server: RunningServer
let browser: Browser
let rfqId: string

/** Range inputs cannot be typed into: set the value and send the input event a drag would. */
const setWeight = (page: Page, id: string, value: number) =>
  page.locator(`#${id}`).evaluate((input, next) => {
    ;(input as HTMLInputElement).value = String(next)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }, value)

const firstSupplier = (page: Page) => page.locator('[data-compare-table] tbody tr').first().getAttribute('data-supplier')

/** A supplier answers the request from its feed, through the bid form. */
const bid = async (
  party: Party,
  account: { email: string; password: string },
  terms: { price: string; unit?: string; quantity: string; leadTime: string; note?: string; freight?: string },
) => {
  const { page } = party
  await signIn(page, server.url, account, '/rfqs/feed')
  await expect.poll(() => navLink(page, zhCN['nav.rfqFeed']).count()).toBe(1)
  const card = page.locator(`[data-rfq="${rfqId}"]`)
  await card.waitFor()
  await expect.poll(() => card.textContent()).toContain('300 米')
  await card.getByRole('link', { name: rfqTitle }).click()
  await expect.poll(() => new URL(page.url()).pathname).toBe(`/rfqs/${rfqId}`)
  await settled(page)
  await page.locator('[data-bid-form]').waitFor()
  if (terms.unit) await page.getByLabel(zhCN['bid.unit']).selectOption(terms.unit)
  await page.locator('#bid-price').fill(terms.price)
  await page.locator('#bid-quantity').fill(terms.quantity)
  await page.locator('#bid-lead-time').fill(terms.leadTime)
  if (terms.note) await page.locator('#bid-note').fill(terms.note)
  if (terms.freight) await page.locator('#bid-freight').fill(terms.freight)
  await page.getByRole('button', { name: zhCN['bid.submit'] }).click()
  await expect.poll(() => page.locator('[data-my-bid]').getAttribute('data-bid-status')).toBe('submitted')
  await expect.poll(() => page.getByRole('status').first().textContent()).toBe(zhCN['bid.submitted'])
}

describe.skipIf(chromiumMissing)('purchase requests and bids in Chromium', () => {
  let buyer: Party
  let first: Party
  let second: Party

  beforeAll(async () => {
    server = (await serveTestMarket('e2e-rfqs')).server
    browser = await launchChromium()
    await mkdir(screenshots, { recursive: true })
    buyer = await newParty(browser, phone)
    first = await newParty(browser, phone)
    second = await newParty(browser, phone)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('the buyer posts a request for 300 m of pulu, checked before it is sent', async () => {
    const { page } = buyer
    await signIn(page, server.url, demoAccounts.buyer, '/rfqs')
    await expect.poll(() => navLink(page, zhCN['nav.rfqs']).getAttribute('aria-current')).toBe('page')
    await page.getByRole('link', { name: zhCN['rfqs.post'] }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/rfqs/new')
    await settled(page)
    await page.locator('[data-rfq-form]').waitFor()

    // Nothing filled in: each missing field says so beside itself, and nothing is sent.
    await page.getByRole('button', { name: zhCN['rfqForm.submit'] }).click()
    await expect.poll(() => page.locator('#rfq-title-error').textContent()).toBe(zhCN['rfqForm.title.invalid'])
    await expect.poll(() => page.locator('#rfq-category-error').textContent()).toBe(zhCN['rfqForm.category.invalid'])
    await expect.poll(() => page.locator('#rfq-category').getAttribute('aria-invalid')).toBe('true')

    await page.locator('#rfq-category').selectOption('pulu')
    await page.locator('#rfq-title').fill(rfqTitle)
    await page.locator('#rfq-specs').fill('手工彩虹条纹邦典，幅宽 24–30 厘米，天然染色优先，用于藏历新年藏装。可分两家供货。')
    await page.locator('#rfq-quantity').fill('300')
    await page.locator('#rfq-unit').selectOption('m')
    await page.locator('#rfq-target-price').fill('200')
    await expect.poll(() => page.locator('#rfq-delivery-place').inputValue()).toBe('拉萨')
    await page.locator('#rfq-delivery-place').fill('拉萨市城关区林廓南路')
    // A sample of the stripes wanted: uploaded straight to the photos bucket, shown as a preview.
    const sample = join(await mkdtemp(join(tmpdir(), 'rfq-photo-')), 'sample.png')
    await writeFile(sample, wovenPng({ warp: [140, 29, 24], weft: [46, 110, 70], width: 200, height: 150, seed: 5 }))
    await page.locator('#photos-input').setInputFiles(sample)
    await page.locator('[data-photo^="photos/"]').waitFor()
    // The terms suppliers price against; the two pulu suppliers invited through the picker, by name and by category.
    await page.locator('#rfq-invoice').selectOption('special')
    await page.locator('#rfq-freight').selectOption('supplier')
    await page.locator('#rfq-sample').check()
    await page.getByLabel(zhCN['rfqForm.invite.search']).fill(tsering.company.slice(0, 2))
    await page.getByRole('button', { name: zhCN['rfqForm.invite.find'], exact: true }).click()
    const found = page.locator('[data-found-supplier]').filter({ hasText: tsering.company })
    await found.getByRole('button', { name: zhCN['rfqForm.invite.add'], exact: true }).click()
    await expect.poll(() => page.locator('[data-invited]').allTextContents()).toEqual([`${tsering.company}×`])
    await page.getByLabel(zhCN['rfqForm.invite.search']).fill('')
    await page.getByRole('button', { name: zhCN['rfqForm.invite.find'], exact: true }).click()
    const inCategory = page.locator('[data-found-supplier]').filter({ hasText: drolkar.company })
    await inCategory.getByRole('button', { name: zhCN['rfqForm.invite.add'], exact: true }).click()
    await expect.poll(() => page.locator('[data-invited]').count()).toBe(2)
    await checkPage(page, 'rfq-new-390.png')
    await atDesk(page, 'rfq-new-1280.png')

    await page.getByRole('button', { name: zhCN['rfqForm.submit'] }).click()
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/rfqs\/[0-9A-Z]{26}$/)
    rfqId = new URL(page.url()).pathname.split('/')[2] as string
    await settled(page)
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(zhCN['rfq.posted'])
    await expect.poll(() => page.locator('[data-rfq-page]').getAttribute('data-status')).toBe('open')
    await expect.poll(() => page.locator('[data-rfq-quantity]').textContent()).toBe('300 米')
    await expect.poll(() => page.locator('[data-rfq-invoice]').textContent()).toBe(zhCN['invoice.special'])
    expect(await page.locator('[data-rfq-freight]').textContent()).toBe(zhCN['freight.supplier'])
    expect(await page.locator('[data-rfq-sample]').textContent()).toBe(zhCN['rfq.sample.required'])
    const photo = page.locator('.rfq-facts img')
    await photo.waitFor()
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(200)
    await expect.poll(() => page.locator('#compare-title + .state--empty').textContent()).toBe(zhCN['compare.empty.open'])

    await navLink(page, zhCN['nav.rfqs']).click()
    const card = page.locator(`[data-rfq="${rfqId}"]`)
    await card.waitFor()
    await expect.poll(() => card.locator('[data-rfq-status]').textContent()).toBe(zhCN['rfqStatus.open'])
    await expect.poll(() => card.locator('[data-bid-count]').textContent()).toBe('0 份报价')
    await checkPage(page, 'rfqs-390.png')
    await atDesk(page, 'rfqs-1280.png')
    expect(buyer.errors).toEqual([])
  })

  it('two pulu suppliers bid from their feeds; one revises; neither sees the other’s price', async () => {
    await bid(first, tsering, { price: '210', quantity: '200', leadTime: '10', note: '冲赛康门店可先看样。' })
    const a = first.page
    await checkPage(a, undefined)
    // The bidder reads the buyer's terms beside the request.
    expect(await a.locator('[data-rfq-invoice]').textContent()).toBe(zhCN['invoice.special'])
    expect(await a.locator('[data-rfq-sample]').textContent()).toBe(zhCN['rfq.sample.required'])
    // A revision keeps one live bid, with the earlier version in its history.
    await a.locator('#bid-price').fill('205')
    await a.getByRole('button', { name: zhCN['bid.revise'] }).click()
    await expect.poll(() => a.locator('[data-my-bid]').getAttribute('data-bid-status')).toBe('revised')
    await expect.poll(() => a.locator('[data-my-quote]').textContent()).toContain(`${tseringPrice} / 米 · 200 米 · 10 天交货`)
    await expect.poll(() => a.locator('[data-bid-history] summary').textContent()).toBe('修改记录（1 个之前的版本）')

    // Drolkar quotes in yards: the form shows the price per metre it comes to.
    await bid(second, drolkar, { price: '180', unit: 'yd', quantity: '150', leadTime: '20', freight: '350' })
    const b = second.page
    await expect.poll(() => b.locator('[data-my-quote]').textContent()).toContain('¥180.00 / 码 · 150 码 · 20 天交货')
    await expect.poll(() => b.locator('[data-my-freight]').textContent()).toBe('¥350.00')

    // Sealed: each supplier's page shows its own quote and the number of bids, never the other's.
    await a.reload()
    await settled(a)
    await a.locator('[data-my-bid]').waitFor()
    await expect.poll(() => a.locator('[data-bid-count]').getAttribute('data-bid-count')).toBe('2')
    const aText = (await a.locator('main').textContent()) ?? ''
    expect(aText).toContain(tseringPrice)
    expect(aText).not.toContain('¥180.00')
    expect(aText).not.toContain(drolkarPricePerMetre)
    expect(aText).not.toContain(drolkar.company)
    const bText = (await b.locator('main').textContent()) ?? ''
    expect(bText).toContain('¥180.00')
    expect(bText).not.toContain(tseringPrice)
    expect(bText).not.toContain('¥210.00')
    expect(bText).not.toContain(tsering.company)
    await checkPage(b, 'rfq-bid-390.png')
    await atDesk(b, 'rfq-bid-1280.png')

    // The feed, with the bid count and the deadline.
    await navLink(a, zhCN['nav.rfqFeed']).click()
    const card = a.locator(`[data-rfq="${rfqId}"]`)
    await card.waitFor()
    await expect.poll(() => card.locator('[data-bid-count]').textContent()).toBe('2 份报价')
    await expect.poll(() => card.locator('[data-time-left]').textContent()).toMatch(/还剩 \d+ 天/)
    await checkPage(a, 'rfq-feed-390.png')
    await atDesk(a, 'rfq-feed-1280.png')
    expect(first.errors).toEqual([])
    expect(second.errors).toEqual([])
  })

  it('the buyer compares in metres, re-weighs, and splits the award; the orders exist for both suppliers', async () => {
    const { page } = buyer
    await page.goto(`${server.url}/notifications`)
    await settled(page)
    await expect
      .poll(() => page.locator('[data-notification="rfq.bid_received"]').first().textContent())
      .toContain(`您的询价单「${rfqTitle}」收到一份新报价。`)
    await page
      .locator('[data-notification="rfq.bid_received"]')
      .first()
      .getByRole('link', { name: zhCN['notifications.openRfq'] })
      .click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/rfqs/${rfqId}`)
    await settled(page)

    const rows = page.locator('[data-compare-table] tbody tr')
    await expect.poll(() => rows.count()).toBe(2)
    const tseringRow = page.locator(`[data-compare-table] tr[data-supplier="${tsering.company}"]`)
    const drolkarRow = page.locator(`[data-compare-table] tr[data-supplier="${drolkar.company}"]`)
    await expect.poll(() => tseringRow.locator('[data-price-in-rfq-unit]').textContent()).toBe(tseringPrice)
    await expect.poll(() => drolkarRow.locator('[data-price-in-rfq-unit]').textContent()).toBe(drolkarPricePerMetre)
    await expect.poll(() => drolkarRow.textContent()).toContain('¥180.00 / 码')
    await expect.poll(() => tseringRow.locator('[data-bid-status]').textContent()).toBe(zhCN['bidStatus.revised'])
    // Freight is its own figure beside each total: Drolkar quotes ¥350, Tsering's is included.
    await expect.poll(() => drolkarRow.locator('[data-bid-freight] [data-freight]').textContent()).toBe('¥350.00')
    await expect
      .poll(() => tseringRow.locator('[data-bid-freight] [data-freight]').textContent())
      .toBe(zhCN['order.freight.included'])

    // Drolkar's metre is the cheapest, Tsering's 10 days the fastest; each score shows its parts.
    await expect.poll(() => drolkarRow.locator('[data-tag="lowest"]').textContent()).toBe(zhCN['compare.tag.lowest'])
    await expect.poll(() => tseringRow.locator('[data-tag="fastest"]').textContent()).toBe(zhCN['compare.tag.fastest'])
    expect(await tseringRow.locator('[data-tag="lowest"]').count()).toBe(0)
    expect(await drolkarRow.locator('[data-tag="fastest"]').count()).toBe(0)
    await expect
      .poll(() => tseringRow.locator('[data-score-parts]').textContent())
      .toMatch(/^价格 [\d.]+ · 交货期 [\d.]+ · 信誉 [\d.]+$/)

    // Price alone puts Drolkar's cheaper metre first; lead time alone, Tsering's 10 days.
    await setWeight(page, 'weight-leadTime', 0)
    await setWeight(page, 'weight-reputation', 0)
    await setWeight(page, 'weight-price', 100)
    await expect.poll(() => firstSupplier(page)).toBe(drolkar.company)
    await setWeight(page, 'weight-price', 0)
    await setWeight(page, 'weight-leadTime', 100)
    await expect.poll(() => firstSupplier(page)).toBe(tsering.company)
    await expect.poll(() => page.locator('.compare').getAttribute('aria-busy')).toBe('false')

    // Split: 200 m from Tsering, 100 m from Drolkar.
    await tseringRow.locator('input[type="checkbox"]').check()
    await drolkarRow.locator('input[type="checkbox"]').check()
    const tseringBid = (await tseringRow.getAttribute('data-bid')) as string
    const drolkarBid = (await drolkarRow.getAttribute('data-bid')) as string
    await page.locator(`#award-${tseringBid}`).fill('200')
    await page.locator(`#award-${drolkarBid}`).fill('100')
    await expect.poll(() => page.locator('[data-award-quantity]').textContent()).toBe('300 / 300 米')
    await expect.poll(() => page.locator('[data-award-total]').textContent()).toBe(awardTotal)
    await checkPage(page, 'rfq-compare-390.png')
    await atDesk(page, 'rfq-compare-1280.png')

    // The same page in Tibetan, on a phone.
    await switchLanguage(page, 'བོད་ཡིག')
    await expect.poll(() => page.locator('#compare-title').textContent()).toBe(bo['compare.title'])
    await noSidewaysScroll(page)
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await page.screenshot({ path: join(screenshots, 'rfq-compare-bo-390.png'), fullPage: true })
    await switchLanguage(page, '中文')

    // The award asks first: totals per supplier, the total against the 200 元/米 target, the deadline.
    const awardRequests: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/rfqs/${rfqId}/award`)) awardRequests.push(request.url())
    })
    await page.getByRole('button', { name: '授标并生成 2 张订单' }).click()
    const confirm = page.getByRole('dialog', { name: zhCN['award.confirm.title'] })
    await confirm.waitFor()
    await expect
      .poll(() => confirm.locator(`[data-confirm-line="${tseringBid}"] [data-confirm-line-total]`).textContent())
      .toBe(tseringOrderTotal)
    await expect
      .poll(() => confirm.locator(`[data-confirm-line="${drolkarBid}"] [data-confirm-line-total]`).textContent())
      .toBe(drolkarOrderTotal)
    await expect.poll(() => confirm.locator('[data-confirm-total]').textContent()).toBe(awardTotal)
    // 300 m at the 200 元 target is ¥60,000: the goods are ¥685 (1.1 %) above it, and it says so (freight is not priced by the target).
    const difference = confirm.locator('[data-target-difference]')
    await expect.poll(() => difference.getAttribute('data-target-difference')).toBe('above')
    await expect.poll(() => difference.locator('[data-difference]').textContent()).toBe('高出 ¥685.00（+1.1%）')
    await expect.poll(() => confirm.locator('[data-time-left]').textContent()).not.toBe('')
    await checkPage(page, 'rfq-award-confirm-390.png')
    // Cancelling sends nothing and leaves the request as it was.
    await confirm.getByRole('button', { name: zhCN['award.confirm.cancel'] }).click()
    await expect.poll(() => confirm.count()).toBe(0)
    expect(awardRequests).toEqual([])
    expect(await page.locator('[data-award-orders]').count()).toBe(0)
    expect(await page.locator('[data-rfq-page]').getAttribute('data-status')).not.toBe('awarded')

    await page.getByRole('button', { name: '授标并生成 2 张订单' }).click()
    // The request asks for a special VAT invoice: the award asks whom to make it out to, the company prefilled.
    await expect.poll(() => confirm.getByLabel(zhCN['order.invoice.title']).inputValue()).toBe('拉萨拉姆藏装加工坊')
    await confirm.getByRole('button', { name: zhCN['award.confirm.submit'] }).click()
    await expect.poll(() => confirm.locator('#award-tax-number-error').textContent()).toBe(zhCN['invoice.taxNumber.invalid'])
    expect(awardRequests).toEqual([])
    await confirm.getByLabel(zhCN['order.invoice.taxNumber']).fill('91540100MA6T000X1Y')
    await confirm.getByRole('button', { name: zhCN['award.confirm.submit'] }).click()
    await page.locator('[data-award-orders]').waitFor()
    expect(awardRequests).toHaveLength(1)
    const orderLinks = page.locator('[data-award-orders] [data-award-order]')
    await expect.poll(() => orderLinks.count()).toBe(2)
    await expect.poll(() => page.locator('[data-rfq-page]').getAttribute('data-status')).toBe('awarded')
    await expect.poll(() => page.locator('[data-compare-table] [data-bid-status="accepted"]').count()).toBe(2)
    await expect.poll(() => page.locator('[data-award-panel]').count()).toBe(0)
    await noSidewaysScroll(page)
    await page.screenshot({ path: join(screenshots, 'rfq-awarded-390.png'), fullPage: true })

    // The buyer's orders are there to pay, at the awarded prices.
    await orderLinks.first().click()
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/orders\/[0-9A-Z]{26}$/)
    await settled(page)
    expect([tseringOrderTotal, drolkarOrderTotal]).toContain(await page.locator('[data-order-total]').first().textContent())
    await expect.poll(() => page.locator('[data-invoice] [data-tax-number]').textContent()).toBe('91540100MA6T000X1Y')
    expect(buyer.errors).toEqual([])

    // Each winning supplier finds its new order in /orders and its accepted bid in /bids.
    for (const [party, total] of [
      [first, tseringOrderTotal],
      [second, drolkarOrderTotal],
    ] as const) {
      const s = party.page
      await s.goto(`${server.url}/bids`)
      await settled(s)
      const mine = s.locator(`[data-rfq="${rfqId}"]`)
      await mine.waitFor()
      await expect.poll(() => mine.locator('[data-bid-status]').textContent()).toBe(zhCN['bidStatus.accepted'])
      const orderHref = await mine.locator('[data-bid-order]').getAttribute('href')
      expect(orderHref).toMatch(/^\/orders\/[0-9A-Z]{26}$/)
      if (party === first) {
        await checkPage(s, 'bids-390.png')
        await atDesk(s, 'bids-1280.png')
      }
      await navLink(s, zhCN['tab.orders']).click()
      await expect.poll(() => new URL(s.url()).pathname).toBe('/orders')
      const order = s.locator(`[data-order="${orderHref?.split('/')[2]}"]`)
      await order.waitFor()
      await expect.poll(() => order.locator('[data-order-total]').textContent()).toBe(total)
      await expect.poll(() => order.locator('[data-order-status]').textContent()).toBe(zhCN['orderStatus.pending_payment'])
      expect(party.errors).toEqual([])
    }
  })
})
