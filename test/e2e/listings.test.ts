import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wovenPng } from '../../functions/local/demo-photos.ts'
import { demoAccounts } from '../../functions/local/seed.ts'
import type { RunningServer } from '../../functions/local/server.ts'
import { bo } from '../../web/src/i18n/bo.ts'
import { zhCN } from '../../web/src/i18n/zh-CN.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import {
  checkPage,
  closeMine,
  desktop,
  inboxLink,
  navLink,
  newParty,
  noSidewaysScroll,
  openMine,
  type Party,
  phone,
  screenshots,
  settled,
  signIn,
  switchLanguage,
  unreadShown,
} from '../support/e2e-pages.ts'
import type { ExpectedFailure } from '../support/page-errors.ts'
import { serveTestMarket } from '../support/web-market.ts'

/** A syllable no demo listing has, so the Tibetan search can only find the new listing. */
const syllable = 'ཞུན'
const listingTitle = {
  zh: '金丝氆氇（扎囊手织）',
  bo: `སྣམ་བུ་གསེར་${syllable}་མཛེས་རིས།`,
  en: 'Gold-thread pulu, hand-woven in Dranang',
}

let server: RunningServer
let browser: Browser
let photoPath: string
let listingId: string
/** Chromium logs each failed fetch; the tests provoke these on purpose. */
const expectedFailures: ExpectedFailure[] = []

/** Waits until every photo in the locator has loaded and reports their natural widths. */
const loadedWidths = async (page: Page, selector: string) => {
  await expect
    .poll(() => page.locator(selector).evaluateAll((images) => images.every((image) => (image as HTMLImageElement).complete)))
    .toBe(true)
  return page.locator(selector).evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth))
}

describe.skipIf(chromiumMissing)('listings in Chromium', () => {
  let supplier: Party
  let admin: Party

  beforeAll(async () => {
    server = (await serveTestMarket('e2e-listings')).server
    browser = await launchChromium()
    await mkdir(screenshots, { recursive: true })
    photoPath = join(await mkdtemp(join(tmpdir(), 'listing-photo-')), 'golden-pulu.png')
    await writeFile(photoPath, wovenPng({ warp: [176, 120, 24], weft: [120, 30, 24], width: 320, height: 240, seed: 3 }))
    supplier = await newParty(browser, phone, expectedFailures)
    admin = await newParty(browser, desktop, expectedFailures)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('a verified supplier lists pulu with a photo and two tiers, an administrator approves, and a buyer finds it in Tibetan', async () => {
    const { page } = supplier
    await signIn(page, server.url, demoAccounts.supplier, '/supplier/listings')
    await expect.poll(() => navLink(page, zhCN['nav.myListings']).count()).toBe(1)
    await openMine(page)
    expect(await navLink(page, zhCN['nav.moderation']).count()).toBe(0)
    await closeMine(page)
    await checkPage(page, 'supplier-listings-390.png')

    await page.getByRole('link', { name: zhCN['supplier.new'] }).first().click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/supplier/listings/new')
    await settled(page)
    await page.getByLabel(zhCN['listingForm.titleZh']).fill(listingTitle.zh)
    await page.getByLabel(zhCN['listingForm.titleBo']).fill(listingTitle.bo)
    await page.getByLabel(zhCN['listingForm.titleEn']).fill(listingTitle.en)
    await page.getByLabel(zhCN['listingForm.descriptionZh']).fill('扎囊县手工织造的氆氇，经线夹金丝，适合藏装镶边。')
    await page.getByLabel(zhCN['listing.category']).selectOption('pulu')
    await page.getByLabel(zhCN['listingForm.unit']).selectOption('m')
    await page.getByLabel(zhCN['spec.composition']).fill('羊毛 90%，金丝 10%')
    await page.getByLabel(zhCN['listingForm.widthCm']).fill('70')
    await page.getByLabel(zhCN['spec.origin']).fill('山南扎囊')
    await page.getByLabel(zhCN['craft.handwoven']).check()
    await page.getByLabel(zhCN['craft.sheep']).check()
    await page.locator('#moq').fill('10')
    await page.locator('#stock').fill('500')
    await page.locator('#lead-time').fill('7')
    await page.locator('#tier-0-qty').fill('10')
    await page.locator('#tier-0-price').fill('168')
    await page.getByRole('button', { name: zhCN['listingForm.tier.add'] }).click()
    await page.locator('#tier-1-qty').fill('100')
    // A dearer price for more metres is refused beside the field, before anything is sent.
    await page.locator('#tier-1-price').fill('180')
    await page.locator('#photos-input').setInputFiles(photoPath)
    await page.locator('[data-photo^="photos/"]').waitFor()
    expect(await loadedWidths(page, '.photo-item img')).toEqual([320])

    await page.getByRole('button', { name: zhCN['listingForm.saveDraft'] }).click()
    await expect.poll(() => page.locator('#tier-1-price-error').textContent()).toBe(zhCN['listingForm.tier.dearer'])
    await expect.poll(() => page.locator('#tier-1-price').getAttribute('aria-invalid')).toBe('true')
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe(zhCN['listingForm.invalid'])
    await checkPage(page, 'listing-form-errors-390.png')
    await page.locator('#tier-1-price').fill('150.5')
    await checkPage(page, 'listing-form-390.png')

    await page.getByRole('button', { name: zhCN['listingForm.saveDraft'] }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/supplier/listings')
    const row = page.locator('[data-own-listing]', { hasText: listingTitle.zh })
    await expect.poll(() => row.locator('[data-listing-status]').textContent()).toBe(zhCN['listingStatus.draft'])
    listingId = (await row.getAttribute('data-own-listing')) as string
    await row.getByRole('button', { name: zhCN['supplier.submit'] }).click()
    await expect.poll(() => row.locator('[data-listing-status]').textContent()).toBe(zhCN['listingStatus.pending_review'])
    await expect.poll(() => page.getByRole('status').textContent()).toContain(listingTitle.zh)
    await checkPage(page, 'supplier-listings-submitted-390.png')

    // The administrator reviews it on a phone first (axe), then approves at a desk.
    await admin.page.setViewportSize(phone)
    await signIn(admin.page, server.url, demoAccounts.admin, '/admin/listings')
    const item = admin.page.locator(`[data-moderation="${listingId}"]`)
    await item.waitFor()
    await checkPage(admin.page, 'admin-listings-390.png')
    await admin.page.setViewportSize(desktop)
    await noSidewaysScroll(admin.page)
    await admin.page.screenshot({ path: join(screenshots, 'admin-listings-1280.png'), fullPage: true })
    await item.getByRole('button', { name: zhCN['admin.approve'], exact: true }).click()
    await expect.poll(() => admin.page.getByRole('status').textContent()).toContain(listingTitle.zh)
    await item.waitFor({ state: 'detached' })

    // An anonymous buyer, in Tibetan, searches one syllable of the title.
    const buyer = await newParty(browser, phone, expectedFailures)
    await buyer.page.goto(`${server.url}/`)
    await settled(buyer.page)
    await switchLanguage(buyer.page, 'བོད་ཡིག')
    await navLink(buyer.page, bo['nav.market'], bo).click()
    await expect.poll(() => new URL(buyer.page.url()).pathname).toBe('/market')
    await settled(buyer.page)
    await buyer.page.getByLabel(bo['market.search.label']).fill(syllable)
    await buyer.page.getByRole('button', { name: bo['market.search.submit'], exact: true }).click()
    await expect.poll(() => new URL(buyer.page.url()).searchParams.get('q')).toBe(syllable)
    const card = buyer.page.locator(`[data-listing="${listingId}"]`)
    await card.waitFor()
    await expect.poll(() => buyer.page.locator('[data-listing]').count()).toBe(1)
    await expect.poll(() => card.textContent()).toContain(listingTitle.bo)
    await expect.poll(() => card.textContent()).toContain('¥150.50')
    expect(await loadedWidths(buyer.page, `[data-listing="${listingId}"] img`)).toEqual([320])
    await checkPage(buyer.page, 'market-bo-390.png')

    // The search lives in the URL: a reload shows the same result.
    await buyer.page.reload()
    await card.waitFor()
    // The card's title is its link (the supplier's name beside it links to the supplier's page).
    await card.getByRole('link', { name: listingTitle.bo }).click()
    await expect.poll(() => new URL(buyer.page.url()).pathname).toBe(`/listings/${listingId}`)
    await settled(buyer.page)
    await expect.poll(() => buyer.page.getByRole('heading', { level: 1 }).textContent()).toBe(listingTitle.bo)
    const tiers = buyer.page.locator('[data-tiers] tbody tr')
    await expect.poll(() => tiers.count()).toBe(2)
    await expect.poll(() => tiers.nth(0).textContent()).toContain('¥168.00')
    await expect.poll(() => tiers.nth(1).textContent()).toContain('¥150.50')
    expect(await loadedWidths(buyer.page, '.gallery img')).toEqual([320])
    await expect.poll(() => buyer.page.locator('[data-owner-panel]').count()).toBe(0)
    await checkPage(buyer.page, 'listing-bo-390.png')

    expect([...supplier.errors, ...admin.errors, ...buyer.errors]).toEqual([])
    await buyer.context.close()
  }, 120_000)

  it('the supplier is told of the approval by the bell, and can mark it read', async () => {
    const { page, errors } = supplier
    await page.goto(`${server.url}/supplier/listings`)
    await settled(page)
    const bell = inboxLink(page)
    // The demo supplier's earlier listings were approved by the seed, so there are more unread.
    await expect.poll(() => unreadShown(page)).toBeGreaterThan(0)
    await bell.click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/notifications')
    const notice = page.locator('[data-notification="listing.approved"]', { hasText: listingTitle.zh })
    await expect.poll(() => notice.textContent()).toContain(`您的商品「${listingTitle.zh}」已通过审核`)
    await checkPage(page, 'notifications-390.png')
    await page.getByRole('button', { name: zhCN['notifications.markAll'] }).click()
    await expect.poll(() => notice.getAttribute('data-read')).toBe('true')
    await expect.poll(() => unreadShown(page)).toBe(0)

    // The owner sees the live listing with its status and a way to edit it.
    await notice.getByRole('link', { name: zhCN['notifications.openListing'] }).click()
    await expect
      .poll(() => page.locator('[data-owner-panel] [data-listing-status]').textContent())
      .toBe(zhCN['listingStatus.active'])
    await page.getByRole('link', { name: zhCN['supplier.edit'] }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/supplier/listings/${listingId}/edit`)
    await settled(page)
    expect(await page.locator('[data-notice="active-edit"]').isVisible()).toBe(true)
    await expect.poll(() => page.locator('#tier-1-price').inputValue()).toBe('150.50')
    await checkPage(page, 'listing-edit-390.png')
    expect(errors).toEqual([])
  })

  it('an unverified supplier who submits is told to get verified first', async () => {
    const { context, page, errors } = await newParty(browser, phone, expectedFailures)
    const registered = await context.request.post(`${server.url}/api/auth/register`, {
      data: {
        email: 'norbu@new-trims.example',
        password: 'norbu-2026-pw!',
        name: '罗布',
        role: 'supplier',
        company: { name: '罗布辅料店' },
      },
    })
    expect(registered.status()).toBe(201)
    const created = await context.request.post(`${server.url}/api/listings`, {
      data: {
        title: { zh: '铜盘扣（十对装）' },
        description: { zh: '黄铜盘扣，适合藏装。' },
        categoryId: 'buttons',
        unit: 'set',
        priceTiers: [{ minQty: 5, unitPriceFen: 2800 }],
        moq: 5,
        stock: 80,
        leadTimeDays: 3,
      },
    })
    expect(created.status()).toBe(201)
    const draftId = ((await created.json()) as { id: string }).id
    expectedFailures.push({ status: 403, path: `/api/listings/${draftId}/submit` })

    await page.goto(`${server.url}/supplier/listings`)
    await settled(page)
    const row = page.locator(`[data-own-listing="${draftId}"]`)
    await row.getByRole('button', { name: zhCN['supplier.submit'] }).click()
    await expect.poll(() => row.locator('[data-error="not-verified"]').textContent()).toBe(zhCN['error.supplier.not_verified'])
    await expect.poll(() => row.getByRole('link', { name: zhCN['supplier.getVerified'] }).getAttribute('href')).toBe('/account')
    await expect.poll(() => row.locator('[data-listing-status]').textContent()).toBe(zhCN['listingStatus.draft'])
    await checkPage(page, 'supplier-not-verified-390.png')
    expect(errors).toEqual([])
    await context.close()
  })

  it('a search says what it found and how many; one that finds nothing becomes a pre-filled purchase request', async () => {
    const { context, page, errors } = await newParty(browser, phone, expectedFailures)
    await signIn(page, server.url, demoAccounts.buyer, '/market')
    // The tiles carry their listing counts.
    await expect
      .poll(() => page.locator('.category-tile[data-category="yak-down"] .category-tile__count').textContent())
      .toMatch(/^\d+ 件$/)

    await page.getByLabel(zhCN['market.search.label']).fill('牦牛')
    await page.getByRole('button', { name: zhCN['market.search.submit'], exact: true }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('牦牛')
    await settled(page)
    const heading = page.locator('#results-title')
    await expect.poll(() => heading.textContent()).toMatch(/^“牦牛” 的结果 · \d+\+? 件$/)
    const [, shown, bound] = /· (\d+)(\+?) 件/.exec((await heading.textContent()) ?? '') ?? []
    if (!bound) expect(await page.locator('[data-listing]').count()).toBe(Number(shown))
    expect(Number(shown)).toBeGreaterThan(0)

    await page.goto(`${server.url}/market?category=yak-down&q=${encodeURIComponent('金线牦牛绒披肩')}`)
    await settled(page)
    await expect.poll(() => heading.textContent()).toBe('“金线牦牛绒披肩” 的结果 · 0 件')
    await page.getByRole('link', { name: zhCN['market.empty.request'] }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/rfqs/new')
    await settled(page)
    await expect.poll(() => page.getByLabel(zhCN['rfqForm.title'], { exact: true }).inputValue()).toBe('金线牦牛绒披肩')
    expect(await page.locator('#rfq-category').inputValue()).toBe('yak-down')
    await checkPage(page, 'request-from-search-390.png')
    expect(errors).toEqual([])
    await context.close()
  })

  for (const viewport of [phone, desktop]) {
    it(`the market and a listing fit ${viewport.width} px, with no serious accessibility violation`, async () => {
      const { context, page, errors } = await newParty(browser, viewport, expectedFailures)
      await page.goto(`${server.url}/market`)
      await settled(page)
      await page.locator('[data-listing]').first().waitFor()
      await checkPage(page, `market-${viewport.width}.png`)

      await page.locator('.category-tile[data-category="yak-down"]').click()
      await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('yak-down')
      await settled(page)
      await expect.poll(() => page.locator('[data-listing]').count()).toBeGreaterThan(0)
      await page.getByLabel(zhCN['market.sort']).selectOption('price_asc')
      await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('price_asc')
      await settled(page)
      // The new order arrives with the next page of results: wait for it rather than read the old one.
      const prices = () =>
        page
          .locator('.listing-card__price')
          .allTextContents()
          .then((texts) => texts.map((text) => Number(/¥([\d,]+\.\d\d)/.exec(text)?.[1]?.replace(/,/g, ''))))
      await expect
        .poll(async () => {
          const shown = await prices()
          return shown.length > 0 && shown.every((price, index) => index === 0 || (shown[index - 1] as number) <= price)
        })
        .toBe(true)

      await page.goto(`${server.url}/listings/${listingId}`)
      await settled(page)
      await checkPage(page, `listing-${viewport.width}.png`)
      expect(errors).toEqual([])
      await context.close()
    })
  }
})
