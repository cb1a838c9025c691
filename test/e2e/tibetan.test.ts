import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAccounts } from '../../functions/local/seed.ts'
import type { RunningServer } from '../../functions/local/server.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import { desktop, newParty, type Party, phone, screenshots, settled } from '../support/e2e-pages.ts'
import { serveTestMarket } from '../support/web-market.ts'

let server: RunningServer
let browser: Browser
let buyer: Party
/** The pages a Tibetan reader checks: path by name. */
const pages: Record<string, string> = {}

/** What a clipped control looks like: the control, its text, and by how much its content overflows its box. */
type Clipped = { control: string; text: string; overflow: number[] }

/**
 * Every visible control (button, pill, badge, tab, count, language option) whose text does not fit
 * its box: content taller or wider than the box (scroll sizes against client sizes), or the text's
 * own box reaching outside the element's. Measured by the browser, not by eye.
 */
const clippedControls = (page: Page) =>
  page
    .locator('button, .button, .badge, .nav-count, .bell__count, .tab-bar__item, .lang-switch__option, .site-nav__link')
    .evaluateAll((elements): Clipped[] =>
      elements.flatMap((element) => {
        const box = element.getBoundingClientRect()
        const text = element.textContent?.trim() ?? ''
        if (box.width === 0 || box.height === 0 || !text || element.closest('.visually-hidden')) return []
        // The text's box: the union of its text nodes' boxes, leaving out words only a screen reader hears.
        const ink = { top: box.top, bottom: box.bottom, left: box.left, right: box.right }
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim() || node.parentElement?.closest('.visually-hidden')) continue
          const range = document.createRange()
          range.selectNodeContents(node)
          const part = range.getBoundingClientRect()
          ink.top = Math.min(ink.top, part.top)
          ink.bottom = Math.max(ink.bottom, part.bottom)
          ink.left = Math.min(ink.left, part.left)
          ink.right = Math.max(ink.right, part.right)
        }
        // One pixel of slack: boxes are measured in fractional pixels.
        const overflow = [
          element.scrollHeight - element.clientHeight - 1,
          element.scrollWidth - element.clientWidth - 1,
          box.top - ink.top - 1,
          ink.bottom - box.bottom - 1,
          box.left - ink.left - 1,
          ink.right - box.right - 1,
        ].map((px) => Math.max(0, Math.round(px)))
        if (overflow.every((px) => px === 0)) return []
        const name = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`
        return [{ control: name, text, overflow }]
      }),
    )

describe.skipIf(chromiumMissing)('Tibetan typography in Chromium', () => {
  beforeAll(async () => {
    server = (await serveTestMarket('e2e-tibetan')).server
    browser = await launchChromium()
    await mkdir(screenshots, { recursive: true })
    buyer = await newParty(browser, phone)
    // Signed in and in Tibetan before the first page: the reader's choice is kept in localStorage.
    const signedIn = await buyer.context.request.post(`${server.url}/api/auth/login`, { data: demoAccounts.buyer })
    if (signedIn.status() !== 200) throw new Error(`sign-in refused: ${signedIn.status()}`)
    // The key web/src/i18n/i18n.ts keeps the choice under.
    await buyer.context.addInitScript(() => localStorage.setItem('market.locale', 'bo'))
    const api = async <T>(path: string) => (await (await buyer.context.request.get(`${server.url}${path}`)).json()) as T
    const listings = await api<{ items: { id: string }[] }>('/api/listings?limit=1')
    const rfqs = await api<{ items: { id: string; bidCount: number; status: string; sealedUntilDeadline: boolean }[] }>(
      '/api/rfqs/mine?limit=50',
    )
    const orders = await api<{ items: { id: string }[] }>('/api/orders?role=buyer&limit=1')
    // Open and not a tender, so the comparison shows its bids with the award's boxes.
    const compared =
      rfqs.items.find((rfq) => rfq.bidCount > 0 && rfq.status === 'open' && !rfq.sealedUntilDeadline) ??
      rfqs.items.find((rfq) => rfq.status === 'awarded')
    if (!compared) throw new Error(`no demo request with bids to compare: ${JSON.stringify(rfqs.items)}`)
    pages.market = '/market'
    pages.listing = `/listings/${listings.items[0]?.id}`
    pages.comparison = `/rfqs/${compared.id}`
    pages.order = `/orders/${orders.items[0]?.id}`
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  for (const name of ['market', 'listing', 'comparison', 'order']) {
    for (const viewport of [phone, desktop]) {
      it(`the ${name} page in བོད་ཡིག at ${viewport.width} px: no control clips its text, digits in a sans face`, async () => {
        const { page, errors } = buyer
        await page.setViewportSize(viewport)
        await page.goto(`${server.url}${pages[name]}`)
        await settled(page)
        await expect.poll(() => page.getAttribute('html', 'lang')).toBe('bo')
        if (name === 'comparison') await page.locator('[data-compare-table]').waitFor()
        await page.screenshot({ path: join(screenshots, `bo-${name}-${viewport.width}.png`), fullPage: true })
        expect(await clippedControls(page)).toEqual([])
        // Small text stays at 14 px or more.
        const smallest = await page
          .locator('.badge, .who__meta, .nav-count, .tab-bar__item, .field__hint')
          .evaluateAll((elements) =>
            Math.min(
              ...elements
                .filter((element) => element.getBoundingClientRect().width > 0)
                .map((element) => parseFloat(getComputedStyle(element).fontSize)),
            ),
          )
        expect(smallest).toBeGreaterThanOrEqual(14)
        // Digits and Latin are set in Noto Sans, not in the Tibetan serif.
        expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"Noto Sans"/)
        expect(errors).toEqual([])
      })
    }
  }
})
