import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPassword, demoSuppliers } from '../../functions/local/demo-market.ts'
import { wovenPng } from '../../functions/local/demo-photos.ts'
import { demoAccounts } from '../../functions/local/seed.ts'
import type { RunningServer } from '../../functions/local/server.ts'
import { zhCN } from '../../web/src/i18n/zh-CN.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import { checkPage, navLink, newParty, type Party, phone, settled, signIn } from '../support/e2e-pages.ts'
import { serveTestMarket } from '../support/web-market.ts'

const tsering = demoSuppliers.find((supplier) => supplier.key === 'tsering')
if (!tsering) throw new Error('no demo supplier tsering')

const question = '彩条要几种颜色？幅宽 24 厘米可以吗？'
const answer = '五色彩条，幅宽 24 厘米有现货。'

/** The messages tab on a phone (found by where it leads: its unread count is part of what a screen reader hears). */
const messagesTab = (party: Party) => party.page.locator('.tab-bar a[href="/inbox"]')
/** The messages tab's badge: its count, 0 when it shows none. */
const messagesBadge = async (party: Party) => {
  const badge = messagesTab(party).locator('[data-count]')
  return (await badge.count()) === 0 ? 0 : Number(await badge.getAttribute('data-count'))
}

describe.skipIf(chromiumMissing)('a question on a purchase request, in Chromium', () => {
  let server: RunningServer
  let browser: Browser
  let buyer: Party
  let supplier: Party
  let rfqId: string

  beforeAll(async () => {
    server = (await serveTestMarket('e2e-threads')).server
    browser = await launchChromium()
    buyer = await newParty(browser, phone)
    supplier = await newParty(browser, phone)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('the buyer asks a supplier on its request, the supplier answers, the buyer sees the unread badge and the answer', async () => {
    const b = buyer.page
    await signIn(b, server.url, demoAccounts.buyer, '/rfqs')
    // The request itself is not what this shows: it is posted through the API, as the buyer.
    rfqId = await b.evaluate(async () => {
      const day = 24 * 3600 * 1000
      const response = await fetch('/api/rfqs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: '彩条氆氇 100 米',
          categoryId: 'pulu',
          specs: '手工彩虹条纹邦典。',
          quantity: 100,
          unit: 'm',
          neededBy: new Date(Date.now() + 30 * day).toISOString().slice(0, 10),
          bidDeadline: new Date(Date.now() + 2 * day).toISOString(),
        }),
      })
      return ((await response.json()) as { id: string }).id
    })
    await b.goto(`${server.url}/rfqs/${rfqId}`)
    await settled(b)
    const threads = b.locator('[data-subject-threads="rfq"]')
    await threads.waitFor()
    // The buyer picks the supplier to ask, by name, then writes the question.
    await threads.getByLabel(zhCN['rfqForm.invite.search']).fill(tsering.company.slice(0, 2))
    await threads.getByRole('button', { name: zhCN['rfqForm.invite.find'], exact: true }).click()
    const found = threads.locator('[data-found-supplier]').filter({ hasText: tsering.company })
    await found.getByRole('button', { name: zhCN['rfqForm.invite.add'], exact: true }).click()
    await threads.getByLabel(zhCN['thread.ask.supplier']).fill(question)
    await threads.getByRole('button', { name: zhCN['thread.send'], exact: true }).click()
    const asked = threads.locator('[data-subject-thread]')
    await expect.poll(() => asked.locator('.message__text').allTextContents(), { timeout: 30_000 }).toEqual([question])
    await checkPage(b, 'thread-rfq-buyer-390.png')

    // The supplier sees a message waiting, opens it from its inbox and answers.
    const s = supplier.page
    await signIn(s, server.url, { email: tsering.email, password: demoPassword }, '/rfqs/feed')
    await expect.poll(() => messagesBadge(supplier), { timeout: 30_000 }).toBe(1)
    await messagesTab(supplier).click()
    await expect.poll(() => new URL(s.url()).pathname).toBe('/inbox')
    await settled(s)
    const row = s.locator('[data-thread-row]').first()
    await expect.poll(() => row.getAttribute('data-unread')).toBe('1')
    await row.click()
    await expect.poll(() => new URL(s.url()).pathname).toMatch(/^\/inbox\/[0-9A-Z]{26}$/)
    await settled(s)
    await expect.poll(() => s.locator('.message__text').allTextContents()).toEqual([question])
    // Reading it clears the supplier's badge.
    await expect.poll(() => messagesBadge(supplier), { timeout: 30_000 }).toBe(0)
    await s.getByLabel(zhCN['thread.compose']).fill(answer)
    // With a photo of the swatch: it goes up as soon as it is picked, and the message carries it.
    const swatch = wovenPng({ warp: [150, 30, 40], weft: [20, 20, 20], width: 48, height: 32 })
    await s
      .locator('[data-compose] input[type="file"]')
      .setInputFiles({ name: 'swatch.png', mimeType: 'image/png', buffer: swatch })
    await s.locator('[data-compose] [data-photo^="photos/"]').waitFor()
    await s.getByRole('button', { name: zhCN['thread.send'], exact: true }).click()
    await expect.poll(() => s.locator('.message__text').allTextContents()).toEqual([question, answer])
    await expect.poll(() => s.locator('[data-compose] [data-photo]').count()).toBe(0)
    await checkPage(s, 'thread-supplier-390.png')

    // Back on the buyer's phone: the messages tab shows one unread, the inbox marks the thread, and the answer is there.
    await navLink(b, zhCN['nav.rfqs']).click()
    await settled(b)
    await expect.poll(() => messagesBadge(buyer), { timeout: 90_000 }).toBe(1)
    await messagesTab(buyer).click()
    await settled(b)
    const buyersRow = b.locator('[data-thread-row]').first()
    await expect.poll(() => buyersRow.getAttribute('data-unread')).toBe('1')
    await expect.poll(() => buyersRow.locator('.thread-list__preview').textContent()).toBe(answer)
    await checkPage(b, 'inbox-buyer-390.png')
    await buyersRow.click()
    await settled(b)
    await expect.poll(() => b.locator('.message__text').allTextContents()).toEqual([question, answer])
    await expect.poll(() => b.locator('.message__photos img').count()).toBe(1)
    await expect
      .poll(() => b.locator('.message__photos img').evaluate((image) => (image as HTMLImageElement).naturalWidth))
      .toBe(48)
    await expect.poll(() => messagesBadge(buyer), { timeout: 30_000 }).toBe(0)
    expect(buyer.errors).toEqual([])
    expect(supplier.errors).toEqual([])
  })
})
