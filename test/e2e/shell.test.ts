import { mkdir } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../functions/local/server.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import { checkPage, phone, screenshots, switchLanguage } from '../support/e2e-pages.ts'
import { collectUnexpectedPageErrors } from '../support/page-errors.ts'
import { serveTestMarket } from '../support/web-market.ts'

const collectPageErrors = (page: Page) => collectUnexpectedPageErrors(page, [])

let server: RunningServer
let browser: Browser

describe.skipIf(chromiumMissing)('the web shell in Chromium', () => {
  beforeAll(async () => {
    server = (await serveTestMarket('e2e-shell')).server
    browser = await launchChromium()
    await mkdir(screenshots, { recursive: true })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('opens in Chinese, switches to English and Tibetan, and remembers the choice', async () => {
    const page = await browser.newPage({ viewport: phone })
    const errors = collectPageErrors(page)
    await page.goto(server.url)
    const heading = page.getByRole('heading', { level: 1 })
    await expect.poll(() => heading.textContent()).toBe('拉萨服装原辅料交易市场')
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN')

    await switchLanguage(page, 'English')
    await expect.poll(() => heading.textContent()).toBe('Lhasa Raw-Materials Exchange')
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en')

    await page.reload()
    await expect.poll(() => heading.textContent()).toBe('Lhasa Raw-Materials Exchange')

    await switchLanguage(page, 'བོད་ཡིག')
    await expect.poll(() => heading.textContent()).toBe('ལྷ་སའི་གྱོན་ཆས་ཅ་རྒྱུའི་ཚོང་ར།')
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('bo')
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows the taxonomy from the API in the chosen language, via in-page navigation', async () => {
    const page = await browser.newPage({ viewport: phone })
    const errors = collectPageErrors(page)
    await page.goto(server.url)
    await page.getByRole('navigation').getByRole('link', { name: '原辅料分类' }).click()
    await expect.poll(() => page.locator('[data-category="pulu"]').textContent()).toBe('氆氇')
    expect(new URL(page.url()).pathname).toBe('/materials')
    await switchLanguage(page, 'བོད་ཡིག')
    await expect.poll(() => page.locator('[data-category="pulu"]').textContent()).toBe('སྣམ་བུ།')
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows an error with a retry when the API is unreachable, and a not-found page for unknown paths', async () => {
    const page = await browser.newPage()
    await page.route('**/api/categories', (route) => route.abort())
    await page.goto(`${server.url}/materials`)
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('无法连接到市场')
    await page.unroute('**/api/categories')
    await page.getByRole('button', { name: '重试' }).click()
    await expect.poll(() => page.locator('[data-category="wool"]').textContent()).toBe('羊毛')

    await page.goto(`${server.url}/no/such/page`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('找不到这个页面')
    await page.close()
  })

  for (const width of [390, 1280]) {
    it(`fits ${width} px without sideways scrolling, with no serious accessibility violation`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } })
      for (const [path, name] of [
        ['/', 'home'],
        ['/materials', 'materials'],
      ] as const) {
        await page.goto(`${server.url}${path}`)
        await checkPage(page, `${name}-${width}.png`)
      }
      await page.close()
    })
  }
})
