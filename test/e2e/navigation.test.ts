import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAccounts } from '../../functions/local/seed.ts'
import type { RunningServer } from '../../functions/local/server.ts'
import { bo } from '../../web/src/i18n/bo.ts'
import { zhCN } from '../../web/src/i18n/zh-CN.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import {
  desktop,
  mineTab,
  navLink,
  newParty,
  openMine,
  phone,
  screenshots,
  settled,
  signIn,
  switchLanguage,
} from '../support/e2e-pages.ts'
import { serveTestMarket } from '../support/web-market.ts'

let server: RunningServer
let browser: Browser

const catalogs = { zh: zhCN, bo } as const
const languageButton = { zh: '中文', bo: 'བོད་ཡིག' } as const
type Role = 'visitor' | keyof typeof demoAccounts

/** Where a role's navigation leads: every link of the desk's top navigation, and the inbox for the signed in. */
const targets = async (page: Page, role: Role) => {
  const links = await page
    .locator('.site-nav a')
    .evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname))
  return role === 'visitor' ? links : [...links, '/notifications']
}

/** The paths of the visible links inside `selector`, each whose box lies wholly inside the viewport. */
const linksInView = (page: Page, selector: string) =>
  page.locator(`${selector} a`).evaluateAll((anchors) =>
    anchors.flatMap((anchor) => {
      const box = anchor.getBoundingClientRect()
      const inside = box.width > 0 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight
      return inside ? [new URL((anchor as HTMLAnchorElement).href).pathname] : []
    }),
  )

const noSidewaysScrolling = async (page: Page) =>
  expect(await page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - innerWidth)).toBeLessThanOrEqual(0)

/** A phone of the role, signed in (unless a visitor), on the home page in the language. */
const phoneOf = async (role: Role, language: keyof typeof catalogs) => {
  const party = await newParty(browser, phone)
  const { page } = party
  if (role === 'visitor') {
    await page.goto(server.url)
    await settled(page)
  } else await signIn(page, server.url, demoAccounts[role], '/')
  if (language !== 'zh') await switchLanguage(page, languageButton[language])
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(language === 'zh' ? 'zh-CN' : language)
  return party
}

describe.skipIf(chromiumMissing)('navigation on a phone and at a desk', () => {
  beforeAll(async () => {
    server = (await serveTestMarket('e2e-navigation')).server
    browser = await launchChromium()
    await mkdir(screenshots, { recursive: true })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  for (const language of ['zh', 'bo'] as const) {
    for (const role of ['visitor', 'buyer', 'supplier', 'admin'] as const) {
      it(`at 390 px in ${language}, a ${role} reaches every place from the tab bar or its 我的 sheet, with nothing off-screen`, async () => {
        const { context, page, errors } = await phoneOf(role, language)
        const wanted = await targets(page, role)
        expect(wanted.length).toBeGreaterThan(2)
        // The header is slim: the brand only, the rest is in the tab bar.
        expect(
          await page.locator('.site-header').evaluate((header) => header.getBoundingClientRect().height),
        ).toBeLessThanOrEqual(64)
        await noSidewaysScrolling(page)
        const inTabBar = await linksInView(page, '.tab-bar')
        await openMine(page)
        const inSheet = await linksInView(page, '#me-sheet')
        expect(wanted.filter((path) => !inTabBar.includes(path) && !inSheet.includes(path))).toEqual([])
        // The language switch is in 我的, each language a button in view.
        const languages = page.locator('#me-sheet .lang-switch button')
        expect(await languages.count()).toBe(3)
        for (const box of await languages.evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().right)))
          expect(box).toBeLessThanOrEqual(phone.width)
        await noSidewaysScrolling(page)
        await page.screenshot({ path: join(screenshots, `navigation-${role}-${language}-390.png`) })
        await page.keyboard.press('Escape')
        await expect.poll(() => mineTab(page).getAttribute('aria-expanded')).toBe('false')
        expect(errors).toEqual([])
        await context.close()
      })
    }

    it(`at 390 px in ${language}, a supplier reaches 我的商品 and 订单 in one tap each`, async () => {
      const { context, page, errors } = await phoneOf('supplier', language)
      const catalog = catalogs[language]
      await navLink(page, catalog['nav.myListings'], catalog).click()
      await expect.poll(() => new URL(page.url()).pathname).toBe('/supplier/listings')
      await settled(page)
      await navLink(page, catalog['tab.orders'], catalog).click()
      await expect.poll(() => new URL(page.url()).pathname).toBe('/orders')
      await settled(page)
      await expect.poll(() => navLink(page, catalog['tab.orders'], catalog).getAttribute('aria-current')).toBe('page')
      expect(errors).toEqual([])
      await context.close()
    })
  }

  it('at a desk, every item of the top navigation is in view (the row wraps, nothing scrolls sideways)', async () => {
    for (const language of ['zh', 'bo'] as const) {
      const { context, page, errors } = await newParty(browser, desktop)
      await signIn(page, server.url, demoAccounts.supplier, '/')
      if (language === 'bo') await switchLanguage(page, languageButton.bo)
      const wanted = await targets(page, 'supplier')
      expect((await linksInView(page, '.site-nav')).length).toBe(wanted.length - 1)
      expect(await page.locator('.tab-bar').isVisible()).toBe(false)
      await noSidewaysScrolling(page)
      expect(errors).toEqual([])
      await context.close()
    }
  })
})
