import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoSuppliers } from '../../functions/local/demo-market.ts'
import { wovenPng } from '../../functions/local/demo-photos.ts'
import { demoAccounts } from '../../functions/local/seed.ts'
import type { RunningServer } from '../../functions/local/server.ts'
import { zhCN } from '../../web/src/i18n/zh-CN.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import { checkPage, desktop, newParty, screenshots, settled, signIn } from '../support/e2e-pages.ts'
import { serveTestMarket } from '../support/web-market.ts'

let server: RunningServer
let browser: Browser

const tsering = demoSuppliers.find((supplier) => supplier.key === 'tsering')
const inAYear = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().slice(0, 10)

describe.skipIf(chromiumMissing)('supplier certifications in Chromium', () => {
  beforeAll(async () => {
    server = (await serveTestMarket('e2e-certifications')).server
    browser = await launchChromium()
    await mkdir(screenshots, { recursive: true })
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('a supplier asks with its certificate’s photo, the administrator approves, and the badge shows on its cards and in the green filter', async () => {
    // The supplier asks for 专精特新 from its account, with a photo of the certificate.
    const supplier = await newParty(browser, desktop)
    await signIn(supplier.page, server.url, demoAccounts.supplier, '/account')
    const section = supplier.page.locator('[data-certifications-section]')
    await section.locator('#certification-kind').selectOption('specialised')
    await section.locator('#certification-issuer').fill('西藏自治区工业和信息化厅')
    await section.locator('#certification-number').fill('ZJTX-XZ-2026-101')
    await section.locator('#certification-expires').fill(inAYear)
    const photo = join(await mkdtemp(join(tmpdir(), 'certificate-')), 'certificate.png')
    await writeFile(photo, wovenPng({ warp: [236, 240, 226], weft: [46, 125, 50], width: 200, height: 150, seed: 9 }))
    await section.locator('#photos-input').setInputFiles(photo)
    await section.locator('[data-photo^="photos/"]').waitFor()
    await section.getByRole('button', { name: zhCN['certifications.submit'] }).click()
    const request = section.locator('[data-certification-id]', { hasText: 'ZJTX-XZ-2026-101' })
    await expect
      .poll(() => request.locator('[data-certification-status]').getAttribute('data-certification-status'))
      .toBe('pending')
    await checkPage(supplier.page, 'certifications-supplier-request.png')

    // Until approved, it is no badge (its 绿色工厂 shows, the demo's).
    const card = (page: typeof supplier.page) =>
      page.locator('.listing-card', { has: page.locator(`a:text-is("${tsering?.company}")`) }).first()
    const search = `${server.url}/market?q=${encodeURIComponent('江孜手纺羊毛纱线')}`
    await supplier.page.goto(search)
    await settled(supplier.page)
    await expect.poll(() => card(supplier.page).locator('[data-certification]').count()).toBeGreaterThan(0)
    expect(await card(supplier.page).locator('[data-certification="specialised"]').count()).toBe(0)

    // The administrator finds it in the queue, from the console, and approves it.
    const admin = await newParty(browser, desktop)
    await signIn(admin.page, server.url, demoAccounts.admin, '/admin')
    await admin.page.getByRole('link', { name: zhCN['console.certifications'] }).click()
    await expect.poll(() => new URL(admin.page.url()).pathname).toBe('/admin/certifications')
    await settled(admin.page)
    const queued = admin.page.locator('[data-certification-id]', { hasText: 'ZJTX-XZ-2026-101' })
    await queued.getByRole('button', { name: zhCN['certQueue.approve'] }).click()
    await expect.poll(() => admin.page.locator('.announcement').textContent()).toBe(zhCN['certQueue.approve.done'])
    await expect.poll(() => queued.count()).toBe(0)
    await checkPage(admin.page, 'certifications-admin-queue.png')

    // The market shows the badge, in words, on the supplier's cards.
    await supplier.page.goto(search)
    await settled(supplier.page)
    const badge = card(supplier.page).locator('[data-certification="specialised"]')
    await expect.poll(() => badge.textContent()).toBe(zhCN['certification.kind.specialised'])

    // "Certified green", on the whole market: every card left has a green badge.
    await supplier.page.goto(`${server.url}/market`)
    await settled(supplier.page)
    await supplier.page.locator('.market-filters summary').click()
    await supplier.page.getByLabel(zhCN['market.filter.certifiedGreen']).check()
    await expect.poll(() => new URL(supplier.page.url()).searchParams.get('certified')).toBe('green')
    await settled(supplier.page)
    const cards = supplier.page.locator('.listing-card')
    await expect.poll(() => cards.count()).toBeGreaterThan(0)
    const greenOnCards = await cards.evaluateAll((items) =>
      items.map((item) => item.querySelectorAll('[data-certification^="green_"]').length),
    )
    expect(greenOnCards.every((count) => count > 0)).toBe(true)
    await checkPage(supplier.page, 'certifications-green-filter.png')
    expect(supplier.errors).toEqual([])
    expect(admin.errors).toEqual([])
  })
})
