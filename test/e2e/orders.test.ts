import { mkdir } from 'node:fs/promises'
import { Orders } from '@market/core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { demoAccounts } from '../../functions/local/seed.ts'
import type { RunningServer } from '../../functions/local/server.ts'
import { bo } from '../../web/src/i18n/bo.ts'
import { zhCN } from '../../web/src/i18n/zh-CN.ts'
import { chromiumMissing, launchChromium } from '../support/browser.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import {
  atDesk,
  checkPage,
  navLink,
  newParty,
  type Party,
  phone,
  screenshots,
  settled,
  signIn,
  switchLanguage,
} from '../support/e2e-pages.ts'
import { lhasaToday } from '../support/orders.ts'
import type { ExpectedFailure } from '../support/page-errors.ts'
import { serveTestMarket } from '../support/web-market.ts'

/** A demo listing of the demo supplier: 168 元/kg from 5 kg, 151.20 from 25 kg, 137.76 from 100 kg. */
const listingTitle = '江孜手纺羊毛纱线'
const quantity = 30
const expectedTotal = '¥4,536.00'
const transferReference = 'ICBC-20260301-0042'

let server: RunningServer
let tableName: string
let browser: Browser
let listingId: string
let orderId: string
/** Chromium logs each failed fetch; the tests provoke these on purpose. */
const expectedFailures: ExpectedFailure[] = []

const status = (page: Page) => page.locator('.page-head [data-order-status]').getAttribute('data-order-status')

/** The timeline as a reader sees it: one line per entry, who and what (the times are the same data on both sides). */
const timelineText = (page: Page) =>
  page.locator('[data-timeline] .timeline__what').evaluateAll((entries) => entries.map((entry) => entry.textContent?.trim()))
const timelineEvents = (page: Page) =>
  page.locator('[data-timeline] [data-event]').evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-event')))

describe.skipIf(chromiumMissing)('orders in Chromium', () => {
  let buyer: Party
  let supplier: Party

  beforeAll(async () => {
    const market = await serveTestMarket('e2e-orders')
    server = market.server
    tableName = market.tableName
    browser = await launchChromium()
    await mkdir(screenshots, { recursive: true })
    const search = await fetch(`${server.url}/api/listings?q=${encodeURIComponent(listingTitle)}`)
    const { items } = (await search.json()) as { items: { id: string; title: { zh: string } }[] }
    listingId = items.find((item) => item.title.zh === listingTitle)?.id as string
    expect(listingId).toBeTruthy()
    buyer = await newParty(browser, phone, expectedFailures)
    supplier = await newParty(browser, phone, expectedFailures)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('a visitor is asked to sign in to order; the supplier sees nothing to buy on its own listing', async () => {
    const visitor = await newParty(browser, phone, expectedFailures)
    await visitor.page.goto(`${server.url}/listings/${listingId}`)
    await settled(visitor.page)
    const signInLink = visitor.page.locator('[data-sign-in-to-order]')
    await signInLink.waitFor()
    await expect.poll(() => signInLink.textContent()).toBe(zhCN['buy.signIn'])
    await expect.poll(() => signInLink.getAttribute('href')).toBe(`/signin?next=${encodeURIComponent(`/listings/${listingId}`)}`)
    await expect.poll(() => visitor.page.locator('[data-buy-form]').count()).toBe(0)
    expect(visitor.errors).toEqual([])
    await visitor.context.close()

    await signIn(supplier.page, server.url, demoAccounts.supplier, `/listings/${listingId}`)
    await supplier.page.locator('[data-owner-panel]').waitFor()
    await expect.poll(() => supplier.page.locator('[data-buy]').count()).toBe(0)
    expect(supplier.errors).toEqual([])
  })

  it('the buyer orders with a live total, pays by bank transfer; the supplier confirms and ships; the buyer confirms receipt; both see the same timeline', async () => {
    const { page } = buyer
    await signIn(page, server.url, demoAccounts.buyer, `/listings/${listingId}`)
    await expect.poll(() => navLink(page, zhCN['tab.orders']).count()).toBe(1)

    // The form starts at the minimum order, priced at the first tier; more kilos move to the next tier.
    const quantityInput = page.locator('#order-quantity')
    await quantityInput.waitFor()
    await expect.poll(() => quantityInput.inputValue()).toBe('5')
    await expect.poll(() => page.locator('[data-total-amount]').textContent()).toBe('¥840.00')
    await quantityInput.fill(String(quantity))
    await expect.poll(() => page.locator('[data-total-amount]').textContent()).toBe(expectedTotal)
    await expect.poll(() => page.locator('[data-tier]').getAttribute('data-tier')).toBe('2')
    await expect.poll(() => page.locator('[data-tier]').textContent()).toContain('¥151.20')
    // Below the minimum is refused beside the field, before anything is sent.
    await quantityInput.fill('3')
    await page.getByRole('button', { name: zhCN['buy.submit'] }).click()
    await expect.poll(() => page.locator('#order-quantity-error').textContent()).toBe('最少需要订购 5 公斤。')
    await expect.poll(() => quantityInput.getAttribute('aria-invalid')).toBe('true')
    await quantityInput.fill(String(quantity))

    // Shipped to the workshop: the address comes from the buyer's account.
    await page.locator('input[name="delivery"][value="ship"]').check()
    await expect.poll(() => page.getByLabel(zhCN['buy.recipient']).inputValue()).toBe('拉姆')
    await expect.poll(() => page.getByLabel(zhCN['buy.phone']).inputValue()).toBe('13989001234')
    expect(await page.getByLabel(zhCN['buy.address']).inputValue()).toContain('林廓南路')
    await page.locator('#order-note').fill('请用防潮袋包装。')
    // A special VAT invoice, made out to the buyer's company (prefilled); the tax number's shape is checked before sending.
    await page.getByLabel(zhCN['order.invoice.type']).selectOption('special')
    await expect.poll(() => page.getByLabel(zhCN['order.invoice.title']).inputValue()).toBe('拉萨拉姆藏装加工坊')
    await page.getByLabel(zhCN['order.invoice.taxNumber']).fill('9154-0100')
    await page.getByRole('button', { name: zhCN['buy.submit'] }).click()
    await expect.poll(() => page.locator('#order-tax-number-error').textContent()).toBe(zhCN['invoice.taxNumber.invalid'])
    await page.getByLabel(zhCN['order.invoice.taxNumber']).fill('91540100ma6t 000x1y')
    await checkPage(page, 'listing-buy-390.png')
    await atDesk(page, 'listing-buy-1280.png')

    await page.getByRole('button', { name: zhCN['buy.submit'] }).click()
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/orders\/[0-9A-Z]{26}$/)
    orderId = new URL(page.url()).pathname.split('/')[2] as string
    await settled(page)
    await expect.poll(() => status(page)).toBe('pending_payment')
    await expect.poll(() => page.locator('.page-head [data-order-status]').textContent()).toBe('待付款')
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(zhCN['order.placed'])
    await expect.poll(() => page.locator('[data-order-total]').textContent()).toBe(expectedTotal)
    // A listing order's freight is its own line: none to pay on top.
    await expect
      .poll(() => page.locator('[data-order-freight]').textContent())
      .toBe(`${zhCN['order.freight']} ${zhCN['order.freight.included']}`)
    const invoice = page.locator('[data-invoice]')
    await expect.poll(() => invoice.textContent()).toContain(zhCN['invoice.special'])
    await expect.poll(() => invoice.textContent()).toContain('拉萨拉姆藏装加工坊')
    await expect.poll(() => invoice.locator('[data-tax-number]').textContent()).toBe('91540100MA6T000X1Y')
    await expect.poll(() => page.locator('[data-notice="due"]').textContent()).toMatch(/^请在 .+ 前付款/)
    await expect.poll(() => page.locator('[data-actions]').getAttribute('data-actions')).toBe('record_transfer cancel')
    // Where to send the money: the supplier's approved account, each value with a copy button, and the short order number as memo.
    const box = page.locator('[data-transfer-box]')
    await expect.poll(() => box.locator('[data-payee-holder]').textContent()).toBe('八廓街次仁羊毛氆氇店')
    await expect.poll(() => box.locator('[data-payee-bank]').textContent()).toBe('中国农业银行拉萨城关支行')
    await expect.poll(() => box.locator('[data-payee-number]').textContent()).toBe('6228 4801 0000 0000 001')
    const orderNumber = await box.locator('[data-order-number]').textContent()
    expect(orderNumber).toMatch(new RegExp(`^LS-${lhasaToday().replaceAll('-', '')}-[1-9]\\d{5}$`))
    await expect.poll(() => page.locator('.order-page__number [data-order-number]').textContent()).toBe(orderNumber)
    await expect
      .poll(() => box.locator('[data-copy]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-copy'))))
      .toEqual(['八廓街次仁羊毛氆氇店', '中国农业银行拉萨城关支行', '6228480100000000001', '4536.00', orderNumber])
    await expect.poll(() => box.locator('a[href^="tel:"]').getAttribute('href')).toBe('tel:08916321234')
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    await box.getByRole('button', { name: `${zhCN['copy.button']} ${zhCN['action.transfer.number']}` }).click()
    await expect
      .poll(() => box.locator('[data-copy="6228480100000000001"] [data-copy-state]').textContent())
      .toBe(zhCN['copy.done'])
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('6228480100000000001')
    await checkPage(page, 'order-pending-390.png')

    // Pays by bank transfer and records it.
    await page.getByLabel(zhCN['action.transfer.reference']).fill(transferReference)
    await page.getByRole('button', { name: zhCN['action.transfer.submit'] }).click()
    await expect.poll(() => page.locator('[data-notice="awaiting-confirmation"]').count()).toBe(1)
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(zhCN['action.transfer.done'])
    await expect.poll(() => page.locator('[data-transfer-reference]').textContent()).toBe(transferReference)
    // From now on it is the supplier's move (confirm or decline): the buyer can no longer cancel.
    await expect.poll(() => page.locator('[data-actions]').count()).toBe(0)
    await expect.poll(() => page.getByLabel(zhCN['action.transfer.reference']).count()).toBe(0)

    // The supplier, told by the bell, finds the order in its list.
    const s = supplier.page
    await s.goto(`${server.url}/notifications`)
    await settled(s)
    const notice = s.locator('[data-notification="order.transfer_recorded"]').first()
    await expect.poll(() => notice.textContent()).toContain(`采购方已为「${listingTitle}」登记对公转账（${expectedTotal}）`)
    await expect
      .poll(() => s.locator('[data-notification="order.placed"]').first().textContent())
      .toContain(`新订单：「${listingTitle}」，合计 ${expectedTotal}。`)
    await navLink(s, zhCN['tab.orders']).click()
    await expect.poll(() => new URL(s.url()).pathname).toBe('/orders')
    const card = s.locator(`[data-order="${orderId}"]`)
    await card.waitFor()
    await expect.poll(() => card.locator('[data-order-status]').textContent()).toBe('待付款')
    await expect.poll(() => card.locator('[data-order-total]').textContent()).toBe(expectedTotal)
    await expect.poll(() => card.textContent()).toContain('拉萨拉姆藏装加工坊')
    await expect
      .poll(() => s.getByRole('link', { name: zhCN['orders.export'] }).getAttribute('href'))
      .toBe('/api/orders/export.csv?role=supplier')
    await checkPage(s, 'orders-390.png')
    await atDesk(s, 'orders-1280.png')
    // The status filter narrows the list, and lives in the URL.
    await s.getByLabel(zhCN['orders.filter.status']).selectOption('shipped')
    await expect.poll(() => new URL(s.url()).searchParams.get('status')).toBe('shipped')
    await expect.poll(() => s.locator('.state--empty').textContent()).toBe(zhCN['orders.empty.filtered'])
    await s.getByLabel(zhCN['orders.filter.status']).selectOption('pending_payment')
    await card.waitFor()

    await card.getByRole('link', { name: listingTitle }).click()
    await expect.poll(() => new URL(s.url()).pathname).toBe(`/orders/${orderId}`)
    await settled(s)
    await expect.poll(() => s.locator('[data-transfer-recorded]').textContent()).toContain(transferReference)
    // The supplier reads whom to make the invoice out to.
    await expect.poll(() => s.locator('[data-invoice] [data-tax-number]').textContent()).toBe('91540100MA6T000X1Y')
    await expect.poll(() => s.locator('[data-actions]').getAttribute('data-actions')).toBe('confirm_payment decline_transfer')
    await s.getByRole('button', { name: zhCN['action.confirmPayment.submit'] }).click()
    await expect.poll(() => status(s)).toBe('paid')
    await expect.poll(() => s.locator('[data-actions]').getAttribute('data-actions')).toBe('ship')
    await checkPage(s, 'order-ship-390.png')
    await s.getByLabel(zhCN['action.ship.carrier']).fill('中国邮政 EMS')
    await s.getByLabel(zhCN['action.ship.tracking']).fill('EMS1234567890CN')
    await s.getByRole('button', { name: zhCN['action.ship.submit'] }).click()
    await expect.poll(() => status(s)).toBe('shipped')
    await expect.poll(() => s.locator('[data-actions]').count()).toBe(0)
    await expect.poll(() => s.locator('[data-shipment]').textContent()).toContain('EMS1234567890CN')
    await atDesk(s, 'order-supplier-1280.png')

    // The buyer confirms receipt.
    await page.reload()
    await settled(page)
    await expect.poll(() => status(page)).toBe('shipped')
    await expect.poll(() => page.locator('[data-actions]').getAttribute('data-actions')).toBe('receive dispute')
    await page.getByRole('button', { name: zhCN['action.receive.submit'] }).click()
    await expect.poll(() => status(page)).toBe('delivered')
    await expect
      .poll(() => page.locator('[data-notice="auto-complete"]').textContent())
      .toMatch(/^如无纠纷，订单将于 .+ 自动完成。$/)
    await checkPage(page, 'order-390.png')
    await atDesk(page, 'order-1280.png')

    // Both parties read the same history, in order.
    await s.reload()
    await settled(s)
    await expect.poll(() => status(s)).toBe('delivered')
    const steps = ['placed', 'record_transfer', 'confirm_payment', 'ship', 'receive']
    expect(await timelineEvents(page)).toEqual(steps)
    expect(await timelineEvents(s)).toEqual(steps)
    const history = await timelineText(page)
    expect(history).toEqual([
      `${zhCN['orderBy.buyer']} ${zhCN['orderEvent.placed']}`,
      `${zhCN['orderBy.buyer']} ${zhCN['orderEvent.record_transfer']}`,
      `${zhCN['orderBy.supplier']} ${zhCN['orderEvent.confirm_payment']}`,
      `${zhCN['orderBy.supplier']} ${zhCN['orderEvent.ship']}`,
      `${zhCN['orderBy.buyer']} ${zhCN['orderEvent.receive']}`,
    ])
    expect(await timelineText(s)).toEqual(history)
    await expect.poll(() => s.locator('[data-timeline]').textContent()).toBe(await page.locator('[data-timeline]').textContent())

    // The same order in Tibetan.
    await switchLanguage(page, 'བོད་ཡིག')
    await expect.poll(() => page.locator('h1').textContent()).toBe(bo['order.title'])
    await expect.poll(() => page.locator('.page-head [data-order-status]').textContent()).toBe(bo['orderStatus.delivered'])
    expect(await timelineText(page)).toContain(`${bo['orderBy.supplier']} ${bo['orderEvent.confirm_payment']}`)
    await checkPage(page, 'order-bo-390.png')
    await page.goto(`${server.url}/listings/${listingId}`)
    await settled(page)
    await page.locator('#order-quantity').fill('100')
    await expect.poll(() => page.locator('[data-total-amount]').textContent()).toBe('¥13,776.00')
    await checkPage(page, 'listing-buy-bo-390.png')
    await switchLanguage(page, '中文')

    expect([...buyer.errors, ...supplier.errors]).toEqual([])
  }, 180_000)

  it('another buyer who opens the order is told it does not exist', async () => {
    const stranger = await newParty(browser, phone, expectedFailures)
    expectedFailures.push({ status: 404, path: `/api/orders/${orderId}` })
    const registered = await stranger.context.request.post(`${server.url}/api/auth/register`, {
      data: {
        email: 'yangzom@lhasa-costume.example',
        password: 'yangzom-2026-pw!',
        name: '央宗',
        role: 'buyer',
        company: { name: '央宗藏装' },
      },
    })
    expect(registered.status()).toBe(201)
    await stranger.page.goto(`${server.url}/orders/${orderId}`)
    await settled(stranger.page)
    await stranger.page.locator('[data-state="not-found"]').waitFor()
    await expect.poll(() => stranger.page.locator('h1').textContent()).toBe(zhCN['order.notFound.title'])
    expect(await stranger.page.textContent('body')).not.toContain(listingTitle)
    await expect.poll(() => stranger.page.locator('[data-order-page]').count()).toBe(0)
    await checkPage(stranger.page, 'order-not-found-390.png')
    // Their own list is empty.
    await stranger.page.goto(`${server.url}/orders`)
    await settled(stranger.page)
    await expect.poll(() => stranger.page.locator('.state--empty').textContent()).toBe(zhCN['orders.empty'])
    expect(stranger.errors).toEqual([])
    await stranger.context.close()
  })

  it('the buyer opens a dispute and an administrator settles it with a refund', async () => {
    const { page } = buyer
    await page.goto(`${server.url}/orders/${orderId}`)
    await settled(page)
    await page.getByRole('button', { name: zhCN['action.dispute.open'] }).click()
    await page.getByLabel(zhCN['action.dispute.reason']).selectOption('damaged')
    await page.getByLabel(zhCN['action.dispute.details']).fill('到货时有两包受潮结块。')
    await page.getByRole('button', { name: zhCN['action.dispute.submit'] }).click()
    await expect.poll(() => status(page)).toBe('disputed')
    await expect.poll(() => page.locator('[data-dispute]').textContent()).toContain(zhCN['disputeReason.damaged'])

    const admin = await newParty(browser, phone, expectedFailures)
    await signIn(admin.page, server.url, demoAccounts.admin, '/admin')
    await admin.page.getByRole('link', { name: zhCN['nav.adminOrders'] }).first().click()
    await expect.poll(() => new URL(admin.page.url()).pathname).toBe('/admin/orders')
    const item = admin.page.locator(`[data-admin-order="${orderId}"]`)
    await item.waitFor()
    await expect.poll(() => item.textContent()).toContain('到货时有两包受潮结块。')
    await checkPage(admin.page, 'admin-orders-390.png')
    await atDesk(admin.page, 'admin-orders-1280.png')
    await item.getByLabel(zhCN['resolution.refund']).check()
    await item.getByLabel(zhCN['action.resolve.note']).fill('供应商同意退款，受潮货物不退回。')
    await item.getByRole('button', { name: zhCN['action.resolve.submit'] }).click()
    await expect.poll(() => admin.page.locator('.announcement').textContent()).toContain(orderId)
    await item.waitFor({ state: 'detached' })
    await expect.poll(() => admin.page.locator('[data-disputes] .state--empty').textContent()).toBe(zhCN['adminOrders.empty'])

    await page.reload()
    await settled(page)
    await expect.poll(() => status(page)).toBe('resolved')
    expect(await timelineEvents(page)).toEqual([
      'placed',
      'record_transfer',
      'confirm_payment',
      'ship',
      'receive',
      'dispute',
      'resolve',
    ])
    await expect.poll(() => page.locator('[data-payment]').textContent()).toContain('线下退款')
    await expect.poll(() => page.locator('[data-actions]').count()).toBe(0)
    await checkPage(page, 'order-resolved-390.png')
    expect([...buyer.errors, ...admin.errors]).toEqual([])
    await admin.context.close()
  }, 120_000)
  /** An order of the demo buyer's with its bank transfer recorded, both through the API. */
  const orderWithTransfer = async (reference: string) => {
    const placed = await buyer.context.request.post(`${server.url}/api/orders`, {
      data: { listingId, quantity: 5, delivery: { method: 'pickup' } },
    })
    expect(placed.status()).toBe(201)
    const { id } = (await placed.json()) as { id: string }
    const recorded = await buyer.context.request.post(`${server.url}/api/orders/${id}/transfer`, {
      data: { reference, paidAt: lhasaToday() },
    })
    expect(recorded.status()).toBe(200)
    return id
  }

  it('the supplier declines a transfer that never arrived: the order is cancelled, and the buyer reads why', async () => {
    const id = await orderWithTransfer('ICBC-20260301-0077')
    const s = supplier.page
    await s.goto(`${server.url}/orders/${id}`)
    await settled(s)
    await expect.poll(() => s.locator('[data-actions]').getAttribute('data-actions')).toBe('confirm_payment decline_transfer')
    await s.getByRole('button', { name: zhCN['action.declineTransfer.open'] }).click()
    await s.getByLabel(zhCN['action.declineTransfer.reason']).fill('三天内账上没有这笔款。')
    await checkPage(s, 'order-decline-390.png')
    await s.getByRole('button', { name: zhCN['action.declineTransfer.submit'] }).click()
    await expect.poll(() => status(s)).toBe('cancelled')
    await expect.poll(() => s.locator('.announcement').textContent()).toBe(zhCN['action.declineTransfer.done'])
    await expect.poll(() => s.locator('[data-actions]').count()).toBe(0)

    const { page } = buyer
    await page.goto(`${server.url}/orders/${id}`)
    await settled(page)
    await expect.poll(() => status(page)).toBe('cancelled')
    const notice = page.locator('[data-cancellation="transfer_declined"]')
    await expect.poll(() => notice.textContent()).toContain(zhCN['cancellation.transfer_declined'])
    await expect.poll(() => notice.textContent()).toContain('三天内账上没有这笔款。')
    expect((await timelineEvents(page)).at(-1)).toBe('decline_transfer')
    await checkPage(page, 'order-declined-390.png')
    expect([...buyer.errors, ...supplier.errors]).toEqual([])
  })

  it('the supplier’s list marks a recorded transfer 待确认收款 and keeps it under “needs your action” until declined', async () => {
    const id = await orderWithTransfer('ICBC-20260301-0079')
    const s = supplier.page
    const card = s.locator(`[data-order="${id}"]`)
    await s.goto(`${server.url}/orders`)
    await settled(s)
    await expect.poll(() => card.locator('[data-attention]').textContent()).toBe(zhCN['orderAttention.confirm_transfer'])
    await s.getByLabel(zhCN['orders.filter.needsAction']).check()
    await expect.poll(() => new URL(s.url()).search).toBe('?needs=action')
    await expect.poll(() => card.locator('[data-attention]').getAttribute('data-attention')).toBe('confirm_transfer')
    // Every order the filter shows waits for the supplier.
    const cards = s.locator('.order-card')
    await expect.poll(() => cards.count()).toBeGreaterThan(0)
    expect(await cards.locator('[data-attention]').count()).toBe(await cards.count())

    const declined = await supplier.context.request.post(`${server.url}/api/orders/${id}/decline-transfer`, {
      data: { reason: '账上没有这笔款' },
    })
    expect(declined.status()).toBe(200)
    await s.reload()
    await settled(s)
    await expect.poll(() => s.locator('[data-needs-action]').isChecked()).toBe(true)
    await expect.poll(() => card.count()).toBe(0)
    await s.getByLabel(zhCN['orders.filter.needsAction']).uncheck()
    await expect.poll(() => card.locator('[data-order-status]').getAttribute('data-order-status')).toBe('cancelled')
    expect(await card.locator('[data-attention]').count()).toBe(0)
    expect(supplier.errors).toEqual([])
  })

  it('the buyer finds an order by the last digits of its number, and the search stays in the URL with the other filters', async () => {
    const placed = await buyer.context.request.post(`${server.url}/api/orders`, {
      data: { listingId, quantity: 5, delivery: { method: 'pickup' } },
    })
    expect(placed.status()).toBe(201)
    const { id, orderNumber } = (await placed.json()) as { id: string; orderNumber: string }
    const lastDigits = orderNumber.slice(-6)
    const { page } = buyer
    await page.goto(`${server.url}/orders?status=pending_payment`)
    await settled(page)
    const cards = page.locator('.order-card')
    await expect.poll(() => cards.count()).toBeGreaterThan(1)
    await page.getByLabel(zhCN['orders.search.label']).fill(` ${lastDigits} `)
    await page.getByRole('button', { name: zhCN['market.search.submit'] }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(lastDigits)
    expect(new URL(page.url()).searchParams.get('status')).toBe('pending_payment')
    await expect.poll(() => cards.count()).toBe(1)
    await expect.poll(() => page.locator(`[data-order="${id}"]`).count()).toBe(1)
    // A reload keeps the search; a number that matches nothing says so.
    await page.reload()
    await settled(page)
    await expect.poll(() => page.getByLabel(zhCN['orders.search.label']).inputValue()).toBe(lastDigits)
    await expect.poll(() => cards.count()).toBe(1)
    await page.getByLabel(zhCN['orders.search.label']).fill('LS-19990101-9999')
    await page.getByRole('button', { name: zhCN['market.search.submit'] }).click()
    await expect.poll(() => page.getByText(zhCN['orders.empty.search']).count()).toBe(1)
    expect(buyer.errors).toEqual([])
  })

  it('a transfer left unconfirmed for 72 hours waits on the administrators’ desk, where one confirms it', async () => {
    const id = await orderWithTransfer('ICBC-20260301-0088')
    const deps = buildDeps(testMarketConfig(tableName), () => {})
    await Orders.runOrderJobs({ ...deps, payments: null, clock: { now: () => new Date(Date.now() + 73 * 3600 * 1000) } })
    const { page } = buyer
    await page.goto(`${server.url}/orders/${id}`)
    await settled(page)
    await expect
      .poll(() => page.locator('[data-flag="transfer_overdue"]').textContent())
      .toBe(zhCN['order.flag.transfer_overdue'])

    const admin = await newParty(browser, phone, expectedFailures)
    await signIn(admin.page, server.url, demoAccounts.admin, '/admin/orders')
    const item = admin.page.locator(`[data-flagged="transfer_overdue"] [data-admin-order="${id}"]`)
    await item.waitFor()
    await expect.poll(() => item.textContent()).toContain('ICBC-20260301-0088')
    await checkPage(admin.page, 'admin-orders-overdue-390.png')
    await atDesk(admin.page, 'admin-orders-overdue-1280.png')
    await item.getByRole('button', { name: zhCN['action.confirmOverdue.open'] }).click()
    await item.getByLabel(zhCN['action.confirmOverdue.note']).fill('供应商核对银行回单，款项已到账。')
    await item.getByRole('button', { name: zhCN['action.confirmOverdue.submit'] }).click()
    await expect.poll(() => admin.page.locator('.announcement').textContent()).toContain(id)
    await item.waitFor({ state: 'detached' })
    await expect
      .poll(() => admin.page.locator('[data-flagged="transfer_overdue"] .state--empty').textContent())
      .toBe(zhCN['adminOrders.overdue.empty'])

    await page.reload()
    await settled(page)
    await expect.poll(() => status(page)).toBe('paid')
    await expect.poll(() => page.locator('[data-flag]').count()).toBe(0)
    expect(await timelineEvents(page)).toEqual(['placed', 'record_transfer', 'flag_overdue', 'confirm_overdue'])
    expect([...buyer.errors, ...admin.errors]).toEqual([])
    await admin.context.close()
  }, 120_000)
})
