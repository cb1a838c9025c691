import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAccounts } from '../../functions/local/seed.ts'
import type { RunningServer } from '../../functions/local/server.ts'
import { bo } from '../../web/src/i18n/bo.ts'
import { type Catalog, zhCN } from '../../web/src/i18n/zh-CN.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import {
  accountMenu,
  checkPage,
  closeMine,
  desktop,
  navLink,
  newParty,
  openMine,
  type Party,
  phone,
  screenshots,
  settled,
  switchLanguage,
} from '../support/e2e-pages.ts'
import type { ExpectedFailure } from '../support/page-errors.ts'
import { serveTestMarket } from '../support/web-market.ts'

/** Chromium logs these on purpose-made failures; every other console error fails the test. */
const expectedFailures: ExpectedFailure[] = [
  { status: 400, path: '/api/auth/register' },
  { status: 401, path: '/api/auth/login' },
  { status: 429, path: '/api/auth/login' },
]

const kelsang = { name: '格桑', company: '冲赛康格桑绣线铺', email: 'kelsang@tromzikhang.example', password: 'kelsang-2026-pw' }

let server: RunningServer
let browser: Browser
let admin: Party

/** A supplier signs up through the form, in whatever language the page shows, and asks to be verified. */
const signUpAndRequestVerification = async (
  page: Page,
  t: Catalog,
  supplier: { name: string; company: string; email: string; password: string },
  screenshotPrefix: string,
) => {
  await (await accountMenu(page)).getByRole('link', { name: t['auth.signUp'], exact: true }).click()
  await expect.poll(() => new URL(page.url()).pathname).toBe('/signup')
  await checkPage(page, `${screenshotPrefix}signup-390.png`)

  // An empty form: the server's field errors appear beside their fields, in the reader's language.
  await page.getByRole('button', { name: t['signup.submit'], exact: true }).click()
  await expect.poll(() => page.getByRole('alert').textContent()).toBe(t['error.request.invalid'])
  const password = page.getByLabel(t['field.password'])
  await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true')
  await expect.poll(() => password.getAttribute('aria-describedby')).toBe('password-hint password-error')
  await expect.poll(() => page.locator('#password-error').textContent()).toBe(t['field.password.invalid'])
  await expect.poll(() => page.locator('#company-name-error').textContent()).toBe(t['field.companyName.invalid'])
  await checkPage(page, `${screenshotPrefix}signup-errors-390.png`)

  await page.getByRole('radio', { name: t['signup.role.supplier.title'] }).check()
  await page.getByLabel(t['field.name']).fill(supplier.name)
  await page.getByLabel(t['field.companyName']).fill(supplier.company)
  await page.getByLabel(t['field.phone']).fill('13908905678')
  await page.getByLabel(t['field.email']).fill(supplier.email)
  await page.getByLabel(t['field.password']).fill(supplier.password)
  await page.getByRole('button', { name: t['signup.submit'], exact: true }).click()

  await expect.poll(() => new URL(page.url()).pathname).toBe('/account')
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(t['account.title'])
  await expect.poll(() => page.locator('[data-verification]').textContent()).toBe(t['verification.unverified'])
  await expect.poll(async () => (await accountMenu(page)).textContent()).toContain(supplier.name)
  await closeMine(page)

  await page.getByLabel(t['verification.licenseNumber']).fill('91540100MA6T0A1234')
  await page.getByLabel(t['verification.stall']).fill('冲赛康市场 B-07')
  await expect.poll(() => page.getByLabel(t['verification.contactPhone']).inputValue()).toBe('13908905678')
  // The company account buyers will transfer to, checked with the licence; typed with spaces as on the card.
  await page.getByLabel(t['bankAccount.holder'], { exact: true }).fill(supplier.company)
  await page.getByLabel(t['bankAccount.bank'], { exact: true }).fill('中国银行拉萨分行')
  await page.getByLabel(t['bankAccount.number'], { exact: true }).fill('6216 6100 0001 2345')
  await page.getByRole('button', { name: t['verification.submit'] }).click()
  await expect.poll(() => page.locator('[data-verification]').textContent()).toBe(t['verification.pending'])
  await checkPage(page, `${screenshotPrefix}account-pending-390.png`)
}

/** The administrator (signed in, Chinese interface) approves the supplier's request on /admin. */
const approveOnAdminPage = async (supplierEmail: string, screenshot: string) => {
  const { page } = admin
  await page.goto(`${server.url}/admin`)
  await settled(page)
  const row = page.locator(`tr[data-supplier="${supplierEmail}"]`)
  // The account is checked with the licence, stored without the spaces it was typed with.
  await expect.poll(() => row.locator('[data-bank-account]').textContent()).toContain('6216610000012345')
  await checkPage(page, screenshot)
  await row.getByRole('button', { name: '通过', exact: true }).click()
  await expect.poll(() => page.getByRole('status').textContent()).toContain('已通过')
  await row.waitFor({ state: 'detached' })
  await page.goto(`${server.url}/admin/users`)
  await settled(page)
  await expect.poll(() => page.locator(`tr[data-user="${supplierEmail}"]`).textContent()).toContain(zhCN['verification.verified'])
}

describe.skipIf(chromiumMissing)('accounts in Chromium', () => {
  beforeAll(async () => {
    server = (await serveTestMarket('e2e-accounts')).server
    browser = await launchChromium()
    await mkdir(screenshots, { recursive: true })
    admin = await newParty(browser, desktop, expectedFailures)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('sends a signed-out visitor of /admin to sign in, and back to /admin once the administrator has', async () => {
    const { page, errors } = admin
    await page.goto(`${server.url}/admin`)
    await expect.poll(() => new URL(page.url()).pathname).toBe('/signin')
    expect(new URL(page.url()).searchParams.get('next')).toBe('/admin')
    await page.getByLabel('电子邮箱').fill(demoAccounts.admin.email)
    await page.getByLabel('密码').fill(demoAccounts.admin.password)
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('管理后台')
    await openMine(page)
    await expect.poll(() => navLink(page, '管理后台').count()).toBe(1)
    await closeMine(page)
    expect(errors).toEqual([])
  })

  it('a new supplier signs up in Chinese, asks for verification, an administrator approves, and the supplier sees 已认证', async () => {
    const { context, page, errors } = await newParty(browser, phone, expectedFailures)
    await page.goto(server.url)
    await settled(page)
    const supplier = kelsang
    await signUpAndRequestVerification(page, zhCN, supplier, '')

    // A supplier is no administrator.
    await page.goto(`${server.url}/admin`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('无权访问')

    await approveOnAdminPage(supplier.email, 'admin-pending-1280.png')
    await admin.page.screenshot({ path: join(screenshots, 'admin-1280.png'), fullPage: true })

    await page.goto(`${server.url}/account`)
    await expect.poll(() => page.locator('[data-verification]').textContent()).toBe('已认证')
    await checkPage(page, 'account-verified-390.png')
    await page.setViewportSize(desktop)
    await checkPage(page, 'account-verified-1280.png')
    await page.setViewportSize(phone)

    await (await accountMenu(page)).getByRole('button', { name: '退出' }).click()
    // The menu is found afresh on each poll: on a phone, the sheet it sits in closes as the page changes.
    await expect
      .poll(async () => (await accountMenu(page)).getByRole('link', { name: '登录', exact: true }).isVisible())
      .toBe(true)
    expect(await (await accountMenu(page)).textContent()).not.toContain(supplier.name)
    await closeMine(page)
    await page.goto(`${server.url}/account`)
    await expect.poll(() => new URL(page.url()).pathname).toBe('/signin')
    await checkPage(page, 'signin-390.png')

    expect(errors).toEqual([])
    await context.close()
  })

  it('the same, with the interface in Tibetan: the supplier sees ངོས་འཛིན་ཟིན།', async () => {
    const { context, page, errors } = await newParty(browser, phone, expectedFailures)
    await page.goto(server.url)
    await settled(page)
    await switchLanguage(page, 'བོད་ཡིག')
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('bo')
    const supplier = {
      name: 'བསོད་ནམས།',
      company: 'སྣེ་གདོང་སྣམ་བུ་ཚོང་ཁང་།',
      email: 'sonam@nedong-pulu.example',
      password: 'sonam-2026-pw!',
    }
    await signUpAndRequestVerification(page, bo, supplier, 'bo-')

    // This time the administrator decides on a phone.
    await admin.page.setViewportSize(phone)
    await approveOnAdminPage(supplier.email, 'admin-pending-390.png')
    await admin.page.setViewportSize(desktop)
    await page.reload()
    await expect.poll(() => page.locator('[data-verification]').textContent()).toBe('ངོས་འཛིན་ཟིན།')
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('bo')
    await checkPage(page, 'bo-account-verified-390.png')

    await (await accountMenu(page)).getByRole('button', { name: bo['auth.signOut'] }).click()
    await expect
      .poll(async () => (await accountMenu(page)).getByRole('link', { name: bo['auth.signIn'], exact: true }).isVisible())
      .toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('the administration page fits a phone, and records each decision in the audit log', async () => {
    const { page, errors } = admin
    await page.setViewportSize(phone)
    await page.goto(`${server.url}/admin`)
    await settled(page)
    await checkPage(page, 'admin-390.png')
    // The audit log is the console's audit section.
    await page.goto(`${server.url}/admin/audit`)
    await settled(page)
    await expect.poll(() => page.locator('tr[data-audit="supplier.verification.approve"]').count()).toBe(2)
    await page.setViewportSize(desktop)
    expect(errors).toEqual([])
  })

  it('an administrator suspends an account with a reason, its user is told, and reinstating restores it', async () => {
    const { page, errors } = admin
    await page.goto(`${server.url}/admin/users`)
    await settled(page)
    const row = page.locator(`tr[data-user="${kelsang.email}"]`)
    await row.getByRole('button', { name: '暂停', exact: true }).click()
    await page.getByRole('button', { name: '确认暂停' }).click()
    await expect.poll(() => page.getByLabel('暂停原因').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByText('请填写原因。').isVisible()).toBe(true)
    await page.getByLabel('暂停原因').fill('营业执照已过期，请到市场办公室更新')
    await page.getByRole('button', { name: '确认暂停' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('已暂停 格桑 的账户。')
    await expect.poll(() => row.locator('[data-status]').textContent()).toBe('已暂停')

    await page.getByLabel('状态', { exact: true }).selectOption('suspended')
    await expect.poll(() => page.locator('tr[data-user]').count()).toBe(1)

    const supplier = await newParty(browser, phone, expectedFailures)
    await supplier.page.goto(`${server.url}/signin`)
    await settled(supplier.page)
    await supplier.page.getByLabel('电子邮箱').fill(kelsang.email)
    await supplier.page.getByLabel('密码').fill(kelsang.password)
    await supplier.page.getByRole('button', { name: '登录', exact: true }).click()
    await expect.poll(() => new URL(supplier.page.url()).pathname).toBe('/account')
    await expect.poll(() => supplier.page.locator('[data-notice="suspended"]').textContent()).toContain('您的账户已被暂停')
    await checkPage(supplier.page, 'account-suspended-390.png')

    await row.getByRole('button', { name: '恢复', exact: true }).click()
    await page.getByLabel(zhCN['console.users.reinstateReason']).fill('营业执照已更新')
    await page.getByRole('button', { name: zhCN['console.users.confirmReinstate'] }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('已恢复 格桑 的账户。')
    await page.getByLabel('状态', { exact: true }).selectOption('')
    await page.goto(`${server.url}/admin/audit`)
    await settled(page)
    await expect.poll(() => page.locator('tr[data-audit="user.suspend"]').textContent()).toContain('营业执照已过期')
    await expect.poll(() => page.locator('tr[data-audit="user.reinstate"]').count()).toBe(1)

    await supplier.page.reload()
    await expect.poll(() => supplier.page.locator('[data-status]').textContent()).toBe('正常')
    await expect.poll(() => supplier.page.locator('[data-notice="suspended"]').count()).toBe(0)
    expect([...errors, ...supplier.errors]).toEqual([])
    await supplier.context.close()
  })

  it('the audit log has a page of its own: names, not ids, filtered by action and by object, in the reader’s language', async () => {
    const { page, errors } = admin
    await page.goto(`${server.url}/admin`)
    await settled(page)
    await page.locator('[data-console-nav] a[data-section="/admin/audit"]').click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/audit')
    await settled(page)
    const shown = () => page.locator('tr[data-audit]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-audit')))
    await page.getByLabel(zhCN['admin.audit.action'], { exact: true }).selectOption('user.suspend')
    await expect.poll(shown).toEqual(['user.suspend'])
    const suspended = page.locator('tr[data-audit="user.suspend"]')
    await expect.poll(() => suspended.textContent()).toContain(`${kelsang.name}（${kelsang.company}）`)
    // The demo administrator, by name.
    await expect.poll(() => suspended.textContent()).toContain('卓玛')

    // The account's whole history, whatever the action: verified, suspended, reinstated.
    await suspended.locator('[data-audit-history]').click()
    await page.getByLabel(zhCN['admin.audit.action'], { exact: true }).selectOption('')
    await expect.poll(shown).toEqual(['user.reinstate', 'user.suspend', 'supplier.verification.approve'])
    await checkPage(page, 'admin-audit.png')

    await switchLanguage(page, 'English')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Audit log')
    await expect.poll(() => suspended.textContent()).toContain('Suspended account')
    await switchLanguage(page, '中文')
    expect(errors).toEqual([])
  })

  it('refuses a wrong password in the reader’s language, and after too many says how long to wait', async () => {
    const { context, page, errors } = await newParty(browser, phone, expectedFailures)
    await page.goto(`${server.url}/signin`)
    await settled(page)
    await page.getByLabel('电子邮箱').fill('nobody@lhasa-market.example')
    await page.getByLabel('密码').fill('not-the-password')
    const submit = page.getByRole('button', { name: '登录', exact: true })
    await submit.click()
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('邮箱或密码不正确。')
    for (let attempt = 2; attempt <= 6; attempt++) {
      await submit.click()
      await expect.poll(() => submit.isEnabled()).toBe(true)
    }
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/登录失败次数过多.*请在 \d+ 分钟后再试。/)
    expect(errors).toEqual([])
    await context.close()
  })
})
