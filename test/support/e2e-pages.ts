import { join, resolve } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { zhCN } from '../../web/src/i18n/zh-CN.ts'
import { seriousAccessibilityViolations } from './browser.ts'
import { collectUnexpectedPageErrors, type ExpectedFailure } from './page-errors.ts'

/** Where the browser suites leave full-page screenshots for a person to look at. */
export const screenshots = resolve(import.meta.dirname, '../../test-results/screenshots')
/** The phone every page is first checked on. */
export const phone = { width: 390, height: 844 }
/** The desk the same pages must also fit. */
export const desktop = { width: 1280, height: 900 }

/** One user's own browser context and page, with the console errors it collects. */
export type Party = { context: BrowserContext; page: Page; errors: string[] }

/** A fresh context (no shared cookies) whose page counts every console error but the expected failures (read as they grow). */
export const newParty = async (
  browser: Browser,
  viewport: { width: number; height: number },
  expectedFailures: ExpectedFailure[] = [],
): Promise<Party> => {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  return { context, page, errors: collectUnexpectedPageErrors(page, expectedFailures) }
}

/** Waits for the page's heading and until no loading state is left. */
export const settled = async (page: Page) => {
  await page.locator('h1').first().waitFor()
  await expect.poll(() => page.locator('.state--loading').count()).toBe(0)
}

/** The page is no wider than the viewport. */
export const noSidewaysScroll = async (page: Page) => {
  const width = page.viewportSize()?.width ?? 0
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
}

/** What every page must give a phone user: no sideways scrolling, no serious axe finding; then a screenshot if named. */
export const checkPage = async (page: Page, screenshot?: string) => {
  await settled(page)
  await noSidewaysScroll(page)
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  if (screenshot) await page.screenshot({ path: join(screenshots, screenshot), fullPage: true })
}

/** The same page at a desk: it fits, and a screenshot to look at; then back to the phone. */
export const atDesk = async (page: Page, screenshot: string) => {
  await page.setViewportSize(desktop)
  await settled(page)
  await noSidewaysScroll(page)
  await page.screenshot({ path: join(screenshots, screenshot), fullPage: true })
  await page.setViewportSize(phone)
}

/** Signs in through the Chinese sign-in form at `origin` and waits until it has taken the user on to `next`. */
export const signIn = async (page: Page, origin: string, account: { email: string; password: string }, next: string) => {
  await page.goto(`${origin}/signin?next=${encodeURIComponent(next)}`)
  await settled(page)
  await page.getByLabel(zhCN['field.email']).fill(account.email)
  await page.getByLabel(zhCN['field.password']).fill(account.password)
  await page.getByRole('button', { name: zhCN['signin.submit'], exact: true }).click()
  await expect.poll(() => new URL(page.url()).pathname).toBe(next)
  await settled(page)
}

type Catalog = Record<'nav.label' | 'nav.tabs' | 'nav.more', string>

/**
 * A link of the navigation as the reader sees it (Chinese interface unless another catalog is
 * given), by its exact label: the top navigation on a desk, the tab bar (or the open 我的 sheet)
 * on a phone. Hidden navigation is not in the accessibility tree, so only what shows is found.
 */
export const navLink = (page: Page, label: string, catalog: Catalog = zhCN) =>
  page
    .getByRole('navigation', { name: new RegExp(`^(${catalog['nav.label']}|${catalog['nav.tabs']}|${catalog['nav.more']})$`) })
    .getByRole('link', { name: label, exact: true })

/** The phone's 我的 tab, which opens the sheet with the other places, the account and the language. */
export const mineTab = (page: Page) => page.locator('.tab-bar [aria-controls="me-sheet"]')

/** Opens the 我的 sheet on a phone, unless it is open; at a desk, where everything is in the header, does nothing. */
export const openMine = async (page: Page) => {
  if (!(await mineTab(page).isVisible())) return
  // Polled, not checked once: a sheet open while the page changes (signing out) closes a moment later.
  await expect
    .poll(
      async () => {
        if (await page.locator('#me-sheet').isVisible()) return true
        if ((await mineTab(page).getAttribute('aria-expanded')) !== 'true') await mineTab(page).click()
        return page.locator('#me-sheet').isVisible()
      },
      { timeout: 30_000 },
    )
    .toBe(true)
}

/** Closes the 我的 sheet, if open. */
export const closeMine = async (page: Page) => {
  if ((await page.locator('#me-sheet').count()) === 0) return
  await page.keyboard.press('Escape')
  await expect.poll(() => page.locator('#me-sheet').count()).toBe(0)
}

/**
 * The account menu (who is signed in and sign-out, or sign-in and sign-up) as the reader finds it:
 * in the header on a desk, in the 我的 sheet on a phone (opened for it; `closeMine` closes it).
 */
export const accountMenu = async (page: Page) => {
  const inHeader = page.locator('.site-header .account-menu')
  if (await inHeader.isVisible()) return inHeader
  await openMine(page)
  return page.locator('#me-sheet .account-menu')
}

/** The way to the inbox that shows: the header's bell on a desk, the 通知 tab on a phone. */
export const inboxLink = (page: Page) => page.locator('a[href="/notifications"]:visible')
/** The unread count the inbox link shows ("99+" as 99), 0 when it shows none. */
export const unreadShown = async (page: Page) => {
  const count = inboxLink(page).locator('[data-unread], [data-count]')
  return (await count.count()) === 0 ? 0 : Number.parseInt((await count.textContent()) ?? '0', 10)
}

/**
 * Switches the interface language by the switch's button (`中文`, `བོད་ཡིག`, `English`): in the
 * header on a desk; on a phone in the 我的 sheet, which is closed again after.
 */
export const switchLanguage = async (page: Page, name: string) => {
  const inHeader = page.locator('.site-header .lang-switch').getByRole('button', { name, exact: true })
  if (await inHeader.isVisible()) return inHeader.click()
  await openMine(page)
  await page.locator('#me-sheet').getByRole('button', { name, exact: true }).click()
  await closeMine(page)
}
