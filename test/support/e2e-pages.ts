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

/** A link of the main navigation (Chinese interface), by its exact label. */
export const navLink = (page: Page, label: string) =>
  page.getByRole('navigation', { name: zhCN['nav.label'] }).getByRole('link', { name: label, exact: true })
