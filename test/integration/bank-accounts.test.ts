import type { AuditEntry, MeResponse, NotificationsResponse, Order, PendingVerification } from '@market/contracts'

type OrdersPage = { items: Order[]; nextCursor: string | null }

import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { startTestMarket, type TestMarket } from '../support/market.ts'
import { type ErrorBody, type OrderView, orderCalls } from '../support/orders.ts'

type Account = Awaited<ReturnType<TestMarket['register']>>
type View = OrderView & { payee?: { holder: string; bank: string; number: string; phone?: string } }

let market: TestMarket
let admin: { cookie: string }

beforeAll(async () => {
  market = await startTestMarket('bank-accounts')
  admin = await market.signInAdmin()
})

const account = { holder: '拉萨次仁商贸有限公司', bank: '中国银行拉萨分行', number: '6216 6100 0001 2345' }
const newAccount = { holder: '拉萨次仁商贸有限公司', bank: '西藏银行八廓支行', number: '6231 9900 1111 2222 33' }

const queue = async () =>
  (await market.call<{ items: PendingVerification[] }>('/api/admin/verifications', { cookie: admin.cookie })).body.items
const auditOf = async (supplier: Account) =>
  (await market.call<{ items: AuditEntry[] }>('/api/admin/audit?limit=100', { cookie: admin.cookie })).body.items
    .filter((entry) => entry.targetId === supplier.user.id)
    .map((entry) => entry.action)
const me = async (who: Account) => (await market.call<MeResponse>('/api/me', { cookie: who.cookie })).body
const view = async (who: { cookie: string }, id: string) =>
  (await market.call<View>(`/api/orders/${id}`, { cookie: who.cookie })).body

describe('a supplier’s bank account', () => {
  it('is sent with the verification request, checked in the queue with the licence and approved with it', async () => {
    const supplier = await market.register('supplier')
    const submitted = await market.call<MeResponse>('/api/suppliers/me/verification', {
      method: 'POST',
      cookie: supplier.cookie,
      body: { licenseNumber: 'ABC123456', contactPhone: '13900000000', bankAccount: account },
    })
    expect(submitted.status).toBe(200)
    // Typed with spaces, stored without; nothing is shown on orders before it is approved.
    expect(submitted.body.bankAccountChange).toMatchObject({ ...account, number: '6216610000012345' })
    expect(submitted.body.bankAccount).toBeUndefined()
    const waiting = (await queue()).find((entry) => entry.supplier.id === supplier.user.id)
    expect(waiting).toMatchObject({
      kind: 'verification',
      licenseNumber: 'ABC123456',
      bankAccount: { number: '6216610000012345' },
    })

    const decided = await market.call(`/api/admin/suppliers/${supplier.user.id}/verification`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { decision: 'approve' },
    })
    expect(decided.status).toBe(200)
    const after = await me(supplier)
    expect(after.verification).toBe('verified')
    expect(after.bankAccount).toEqual({ ...account, number: '6216610000012345' })
    expect(after.bankAccountChange).toBeUndefined()
  })

  it('refuses an account number that is not 8–30 digits, and writes nothing', async () => {
    const supplier = await market.register('supplier')
    for (const number of ['1234 567', '6216-6100-0001-2345', '1'.repeat(31), '62166100000123a5']) {
      const answer = await market.call<ErrorBody>('/api/suppliers/me/verification', {
        method: 'POST',
        cookie: supplier.cookie,
        body: { licenseNumber: 'ABC123456', contactPhone: '13900000000', bankAccount: { ...account, number } },
      })
      expect(answer.status, number).toBe(400)
    }
    expect((await me(supplier)).verification).toBe('unverified')
  })

  it('changes by review: audited, still verified, orders show the approved account until the change is approved', async () => {
    const supplier = await market.verifiedSupplier('顿珠')
    const approved = (await me(supplier)).bankAccount
    expect(approved?.number).toBe('6228480123456789012')
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const placed = await orderCalls(market).order(buyer, { listingId: listing.id, quantity: 5 })
    expect(placed.status).toBe(201)
    // The supplier is told of the order by its short number, with the title in each language the listing has.
    const inbox = await market.call<NotificationsResponse>('/api/notifications', { cookie: supplier.cookie })
    expect(inbox.body.items.find((item) => item.type === 'order.placed')?.params).toMatchObject({
      orderNumber: placed.body.orderNumber,
      title: '牦牛绒混纺面料',
      titleBo: 'འབྲི་ཁུ་ལུ་སྲེས་མ་ཞིབ་བཤེར།',
      titleEn: 'Yak Down Blend Fabric',
    })

    const changed = await market.call<MeResponse>('/api/suppliers/me/bank-account', {
      method: 'PUT',
      cookie: supplier.cookie,
      body: newAccount,
    })
    expect(changed.status).toBe(200)
    expect(changed.body.verification).toBe('verified')
    expect(changed.body.bankAccountChange?.number).toBe('623199001111222233')
    expect(await auditOf(supplier)).toContain('supplier.bank_account.change')
    expect((await queue()).find((entry) => entry.supplier.id === supplier.user.id)).toMatchObject({
      kind: 'bank_account_change',
      bankAccount: { bank: '西藏银行八廓支行' },
      currentBankAccount: { number: '6228480123456789012' },
    })
    // The buyer still sees the approved account while the change waits.
    expect((await view(buyer, placed.body.id)).payee).toMatchObject({
      holder: '顿珠 公司',
      bank: '中国农业银行拉萨城关支行',
      number: '6228480123456789012',
    })

    const decided = await market.call(`/api/admin/suppliers/${supplier.user.id}/bank-account`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { decision: 'approve' },
    })
    expect(decided.status).toBe(200)
    expect(await auditOf(supplier)).toContain('supplier.bank_account.approve')
    expect((await view(buyer, placed.body.id)).payee).toMatchObject({ bank: '西藏银行八廓支行', number: '623199001111222233' })
    expect((await queue()).some((entry) => entry.supplier.id === supplier.user.id)).toBe(false)
    // Decided once: a second decision finds nothing waiting.
    const again = await market.call(`/api/admin/suppliers/${supplier.user.id}/bank-account`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { decision: 'approve' },
    })
    expect(again.status).toBe(409)
  })

  it('keeps the approved account when a change is rejected, with the reason audited', async () => {
    const supplier = await market.verifiedSupplier('卓玛')
    await market.call('/api/suppliers/me/bank-account', { method: 'PUT', cookie: supplier.cookie, body: newAccount })
    const rejected = await market.call(`/api/admin/suppliers/${supplier.user.id}/bank-account`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { decision: 'reject', reason: '户名与营业执照不一致' },
    })
    expect(rejected.status).toBe(200)
    const after = await me(supplier)
    expect(after.verification).toBe('verified')
    expect(after.bankAccount?.number).toBe('6228480123456789012')
    expect(after.bankAccountChange).toBeUndefined()
    expect(await auditOf(supplier)).toContain('supplier.bank_account.reject')
  })

  it('takes a collection QR code only as an image the supplier uploaded', async () => {
    const supplier = await market.verifiedSupplier('格桑')
    const someoneElses = `photos/${ulid()}/${ulid()}.png`
    const neverUploaded = `photos/${supplier.user.id}/${ulid()}.png`
    for (const collectionQr of [someoneElses, neverUploaded]) {
      const answer = await market.call<ErrorBody>('/api/suppliers/me/bank-account', {
        method: 'PUT',
        cookie: supplier.cookie,
        body: { ...newAccount, collectionQr },
      })
      expect(answer.status, collectionQr).toBe(400)
    }
    expect((await me(supplier)).bankAccountChange).toBeUndefined()
  })

  it('goes with the verification request before a supplier is verified (409 on its own)', async () => {
    const supplier = await market.register('supplier')
    const answer = await market.call<ErrorBody>('/api/suppliers/me/bank-account', {
      method: 'PUT',
      cookie: supplier.cookie,
      body: account,
    })
    expect(answer.status).toBe(409)
  })
})

describe('order numbers', () => {
  const numberPattern = /^LS-(\d{8})-([1-9]\d{5})$/
  /** Today in China Standard Time, as an order number writes it. */
  const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10).replaceAll('-', '')

  it('numbers 30 concurrent orders LS-<today>-NNNNNN, each number once, and finds them by number', async () => {
    const supplier = await market.verifiedSupplier()
    const listing = await market.publishListing(supplier, {
      stock: 1000,
      moq: 1,
      priceTiers: [{ minQty: 1, unitPriceFen: 1000 }],
    })
    const buyers: Account[] = await Promise.all(Array.from({ length: 3 }, () => market.register('buyer')))
    const { order } = orderCalls(market)
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) => order(buyers[index % 3] as Account, { listingId: listing.id, quantity: 1 })),
    )
    expect(answers.map((answer) => answer.status)).toEqual(Array(30).fill(201))
    const numbers = answers.map((answer) => answer.body.orderNumber ?? '')
    for (const number of numbers) expect(number).toMatch(numberPattern)
    expect(numbers.every((number) => numberPattern.exec(number)?.[1] === today())).toBe(true)
    expect(new Set(numbers).size).toBe(30)

    const [first] = answers
    const buyer = buyers[0] as Account
    const byNumber = await market.call<OrdersPage>(
      `/api/orders?role=buyer&q=${encodeURIComponent((first?.body.orderNumber ?? '').toLowerCase())}`,
      { cookie: buyer.cookie },
    )
    expect(byNumber.body.items.map((found) => found.id)).toEqual([first?.body.id])
    const suffix = (first?.body.orderNumber ?? '').slice(-9)
    const bySuffix = await market.call<OrdersPage>(`/api/orders?role=supplier&q=${suffix}`, { cookie: supplier.cookie })
    expect(bySuffix.body.items.map((found) => found.id)).toContain(first?.body.id)
    // Another buyer's order is not found by its number.
    const stranger = await market.call<OrdersPage>(`/api/orders?role=buyer&q=${first?.body.orderNumber}`, {
      cookie: (buyers[1] as Account).cookie,
    })
    expect(stranger.body.items).toEqual([])
  })
})
