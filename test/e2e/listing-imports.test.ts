import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Listings } from '@market/core'
import { writeCsv } from '@market/data/listing-files'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAccounts } from '../../functions/local/seed.ts'
import type { RunningServer } from '../../functions/local/server.ts'
import { zhCN } from '../../web/src/i18n/zh-CN.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import { checkPage, newParty, type Party, phone, signIn } from '../support/e2e-pages.ts'
import { serveTestMarket } from '../support/web-market.ts'

let server: RunningServer
let browser: Browser

const row = (cells: Partial<Record<Listings.ListingColumnKey, string>>) =>
  Listings.listingColumns.map(({ key }) => cells[key] ?? '')
const good = (n: number) =>
  row({
    itemNumber: `E2E-${n}`,
    'title.zh': `批量羊毛 ${n} 号`,
    categoryId: '羊毛',
    unit: '公斤',
    priceTiers: '1:30.00',
    moq: '1',
    stock: '80',
    leadTimeDays: '4',
  })

describe.skipIf(chromiumMissing)('bulk listings in Chromium', () => {
  let supplier: Party

  beforeAll(async () => {
    server = (await serveTestMarket('e2e-listing-imports')).server
    browser = await launchChromium()
    supplier = await newParty(browser, phone)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('a supplier uploads a small file with one bad row, sees the error table, and finds the drafts', async () => {
    const { page } = supplier
    await signIn(page, server.url, demoAccounts.supplier, '/supplier/listings')
    await page.getByRole('link', { name: zhCN['bulk.link'] }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/supplier/listings/import')
    await checkPage(page)

    const file = join(await mkdtemp(join(tmpdir(), 'bulk-')), '商品.csv')
    await writeFile(
      file,
      writeCsv([
        Listings.headerRow(),
        good(1),
        row({ ...Object.fromEntries(Listings.listingColumns.map(({ key }, index) => [key, good(2)[index]])), stock: '很多' }),
        good(3),
      ]),
    )
    await page.getByLabel(zhCN['bulk.file']).setInputFiles(file)
    await page.getByRole('button', { name: zhCN['bulk.upload'] }).click()

    const errors = page.locator('[data-import-errors] tbody tr')
    await errors.first().waitFor({ timeout: 30_000 })
    // Row 3 of the sheet (the header is row 1) is the bad one, and only its stock column is wrong.
    expect(
      await errors.evaluateAll((rows) =>
        rows.map((tr) => [tr.getAttribute('data-error-row'), tr.getAttribute('data-error-field')]),
      ),
    ).toEqual([['3', 'stock']])
    expect(await errors.first().textContent()).toContain('库存')
    const summary = zhCN['bulk.result']
      .replace('{created}', '2')
      .replace('{updated}', '0')
      .replace('{unchanged}', '0')
      .replace('{errorRows}', '1')
    expect(await page.locator('[data-import-result] [role="status"]').textContent()).toBe(summary)
    await checkPage(page, 'bulk-upload-errors.png')

    await page.getByRole('link', { name: zhCN['bulk.drafts'] }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/supplier/listings')
    await expect.poll(() => page.getByText('批量羊毛 1 号').count()).toBe(1)
    await expect.poll(() => page.getByText('批量羊毛 3 号').count()).toBe(1)
    expect(supplier.errors).toEqual([])
  }, 120_000)
})
