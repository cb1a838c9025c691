import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../functions/local/server.ts'
import { bo } from '../../web/src/i18n/bo.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import { checkPage, newParty, type Party, phone, settled } from '../support/e2e-pages.ts'
import { serveTestMarket } from '../support/web-market.ts'

/** Demo listings: one titled in Chinese only, one in all three languages; both sold by the metre. */
const chineseOnly = '羊毛毡 5毫米 工艺用'
const inTibetan = { zh: '八廓街传统氆氇 红黑条纹', bo: 'སྣམ་བུ་དམར་ནག' }

let server: RunningServer
let browser: Browser

/** A reader whose interface is in `locale` from the first page on (as the language switch leaves it). */
const readerIn = async (locale: 'bo' | 'en' | 'zh-CN'): Promise<Party> => {
  const party = await newParty(browser, phone)
  await party.context.addInitScript((chosen) => localStorage.setItem('market.locale', chosen), locale)
  return party
}

const listingIdOf = async (title: string) => {
  const found = await fetch(`${server.url}/api/listings?q=${encodeURIComponent(title)}`)
  const { items } = (await found.json()) as { items: { id: string; title: { zh: string } }[] }
  return items.find((item) => item.title.zh === title)?.id as string
}

describe.skipIf(chromiumMissing)('content in another language than the reader’s, in Chromium', () => {
  beforeAll(async () => {
    server = (await serveTestMarket('e2e-content-language')).server
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('marks a Chinese-only listing title for a Tibetan reader with lang="zh-CN" and a 中文 tag, and not a Tibetan one', async () => {
    const { page, errors } = await readerIn('bo')
    const id = await listingIdOf(chineseOnly)
    await page.goto(`${server.url}/listings/${id}`)
    await settled(page)
    const heading = page.locator('h1')
    await expect.poll(() => heading.locator('[lang="zh-CN"]').textContent()).toBe(chineseOnly)
    await expect.poll(() => heading.locator('[data-lang-tag="zh-CN"]').textContent()).toBe(bo['lang.tag.zh-CN'])
    // The specs the supplier typed in Chinese are marked too.
    await expect.poll(() => page.locator('[aria-labelledby="specs-title"] [lang="zh-CN"]').count()).toBeGreaterThan(0)
    await checkPage(page)

    await page.goto(`${server.url}/market?q=${encodeURIComponent('氆氇')}`)
    await settled(page)
    const tibetanCard = page.locator('[data-listing]', { hasText: inTibetan.bo })
    await tibetanCard.waitFor()
    await expect.poll(() => tibetanCard.locator('[data-lang-tag]').count()).toBe(0)

    await page.goto(`${server.url}/market?q=${encodeURIComponent('羊毛毡')}`)
    await settled(page)
    const card = page.locator(`[data-listing="${id}"]`)
    await expect.poll(() => card.locator('[lang="zh-CN"]').textContent()).toBe(chineseOnly)
    await expect.poll(() => card.locator('[data-lang-tag="zh-CN"]').textContent()).toBe(bo['lang.tag.zh-CN'])
    expect(errors).toEqual([])
  })

  it('quotes a card’s price from the top tier up to the MOQ’s, and writes the MOQ’s unit out with the reader’s plural', async () => {
    const english = await readerIn('en')
    await english.page.goto(`${server.url}/market?q=${encodeURIComponent('羊毛毡')}`)
    await settled(english.page)
    const card = english.page.locator(`[data-listing="${await listingIdOf(chineseOnly)}"]`)
    // 45.00 yuan from the 5 m minimum, 36.90 from 100 m.
    await expect.poll(() => card.locator('[data-price-range]').textContent()).toBe('¥36.90–45.00 / metre')
    await expect.poll(() => card.locator('[data-moq]').textContent()).toBe('MOQ 5 metres')

    const chinese = await readerIn('zh-CN')
    await chinese.page.goto(`${server.url}/market?q=${encodeURIComponent('羊毛毡')}`)
    await settled(chinese.page)
    const chineseCard = chinese.page.locator('[data-listing]', { hasText: chineseOnly })
    await expect.poll(() => chineseCard.locator('[data-moq]').textContent()).toBe('起订 5 米')
    await expect.poll(() => chineseCard.locator('[data-lang-tag]').count()).toBe(0)
  })
})
