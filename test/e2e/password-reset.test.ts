import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../functions/local/server.ts'
import { zhCN } from '../../web/src/i18n/zh-CN.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import { desktop, newParty, type Party, settled, signIn } from '../support/e2e-pages.ts'
import { serveTestMarket } from '../support/web-market.ts'

const dawa = { email: 'dawa@barkhor.example', password: 'dawa-old-password', name: '达瓦' }

let server: RunningServer
let browser: Browser
let party: Party

describe.skipIf(chromiumMissing)('password reset in Chromium', () => {
  beforeAll(async () => {
    server = (await serveTestMarket('e2e-reset')).server
    browser = await launchChromium()
    party = await newParty(browser, desktop)
    const registered = await fetch(`${server.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ ...dawa, role: 'buyer', company: { name: '八廓达瓦成衣' } }),
    })
    expect(registered.status).toBe(201)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('asks for a link from the sign-in page, opens it from the dev outbox, sets a new password and signs in with it', async () => {
    const { page } = party
    await page.goto(`${server.url}/signin`)
    await settled(page)
    await page.getByRole('link', { name: zhCN['signin.forgot'], exact: true }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/forgot-password')
    await settled(page)
    await page.getByLabel(zhCN['field.email']).fill(dawa.email)
    await page.getByRole('button', { name: zhCN['reset.request.submit'], exact: true }).click()
    await expect.poll(() => page.locator('[data-notice="reset-sent"]').textContent()).toBe(zhCN['reset.request.sent'])

    // The developer's outbox shows the e-mail (sent after the request committed), in Chinese.
    const mail = page.locator(`article.mail[data-to="${dawa.email}"]`)
    await expect
      .poll(
        async () => {
          await page.goto(`${server.url}/dev/outbox`)
          return mail.count()
        },
        { timeout: 20_000 },
      )
      .toBe(1)
    expect(await mail.locator('h2').textContent()).toBe(zhCN['mail.reset.subject'])
    await mail.locator('a[href*="/reset-password?token="]').click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/reset-password')
    await settled(page)
    await page.getByLabel(zhCN['field.newPassword']).fill('dawa-new-password-2026')
    await page.getByRole('button', { name: zhCN['reset.set.submit'], exact: true }).click()
    await expect.poll(() => page.locator('[data-notice="reset-done"]').isVisible()).toBe(true)

    await signIn(page, server.url, { email: dawa.email, password: 'dawa-new-password-2026' }, '/account')
    await expect.poll(() => page.locator('[data-section="mail-preferences"]').isVisible()).toBe(true)
    expect(party.errors).toEqual([])
  })
})
