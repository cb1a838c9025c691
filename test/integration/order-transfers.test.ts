import type { AuditEntry, Listing, Order } from '@market/contracts'
import { Orders } from '@market/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'
import { lhasaToday, orderCalls } from '../support/orders.ts'

type Account = Awaited<ReturnType<TestMarket['register']>>

let market: TestMarket
let admin: { cookie: string }
let supplier: Account
let calls: ReturnType<typeof orderCalls>

beforeAll(async () => {
  market = await startTestMarket('transfers')
  admin = await market.signInAdmin()
  supplier = await market.verifiedSupplier()
  calls = orderCalls(market)
})

const hours = 3600 * 1000
/** The scheduled job as it runs `hoursAhead` from now. */
const runJobsIn = (hoursAhead: number) => {
  const deps = buildDeps(testMarketConfig(market.tableName), () => {})
  return Orders.runOrderJobs({ ...deps, payments: null, clock: { now: () => new Date(Date.now() + hoursAhead * hours) } })
}

/** A buyer who ordered a listing's whole stock and says the bank transfer was sent. */
const transferRecordedForAllStock = async () => {
  const listing = await market.publishListing(supplier, { stock: 10, moq: 1, priceTiers: [{ minQty: 1, unitPriceFen: 5000 }] })
  const buyer = await market.register('buyer')
  const placed = await calls.order(buyer, { listingId: listing.id, quantity: 10 })
  expect(placed.status).toBe(201)
  const recorded = await calls.step(buyer, placed.body.id, 'transfer', { reference: 'ICBC 8801', paidAt: lhasaToday() })
  expect(recorded.status).toBe(200)
  return { listing, buyer, id: placed.body.id }
}

const flagged = async (flag: string) =>
  (await market.call<{ items: Order[] }>(`/api/admin/orders?flag=${flag}`, { cookie: admin.cookie })).body.items.map(
    (item) => item.id,
  )

const auditOf = async (orderId: string) =>
  (await market.call<{ items: AuditEntry[] }>('/api/admin/audit?limit=100', { cookie: admin.cookie })).body.items.filter(
    (entry) => entry.targetId === orderId,
  )

describe('a bank transfer that never arrives', () => {
  it('can be declined by the supplier: the order is cancelled with its reason, the stock freed, the buyer told; the buyer cannot cancel it', async () => {
    const { listing, buyer, id } = await transferRecordedForAllStock()
    const other = await market.register('buyer')
    expect((await calls.order(other, { listingId: listing.id, quantity: 1 })).body.error.code).toBe('listing.insufficient_stock')

    const cancel = await calls.step(buyer, id, 'cancel', { reason: '不想要了' })
    expect(cancel.status).toBe(409)
    expect(cancel.body.error).toMatchObject({ code: 'order.wrong_status', details: { stage: 'awaiting_confirmation' } })
    const again = await calls.step(buyer, id, 'transfer', { reference: 'ICBC 8802', paidAt: lhasaToday() })
    expect(again.status).toBe(409)
    expect((await calls.view(buyer, id)).actions).toEqual([])
    expect((await calls.view(supplier, id)).actions).toEqual(['confirm_payment', 'decline_transfer'])
    expect((await calls.step(buyer, id, 'decline-transfer', { reason: '没收到' })).status).toBe(403)

    const declined = await calls.step(supplier, id, 'decline-transfer', { reason: '账上没有这笔款' })
    expect(declined.status).toBe(200)
    expect(declined.body).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'transfer_declined', note: '账上没有这笔款' },
      actions: [],
    })
    expect(declined.body.timeline.at(-1)).toMatchObject({ by: 'supplier', event: 'decline_transfer', note: '账上没有这笔款' })
    expect(await calls.stockOf(listing, supplier)).toBe(10)
    expect(await calls.notificationTypes(buyer)).toContain('order.transfer_declined')
    expect((await calls.order(other, { listingId: listing.id, quantity: 10 })).status).toBe(201)
    expect((await calls.step(supplier, id, 'decline-transfer', { reason: '再拒一次' })).status).toBe(409)
  })

  it('is flagged once, 72 hours on, for administrators, who confirm it when it did arrive', async () => {
    const { buyer, id } = await transferRecordedForAllStock()
    await runJobsIn(71)
    expect((await calls.view(buyer, id)).flags ?? []).toEqual([])
    expect(await flagged('transfer_overdue')).not.toContain(id)

    const runs = await Promise.all([runJobsIn(73), runJobsIn(73)])
    expect(runs.reduce((sum, run) => sum + run.flaggedOverdue, 0)).toBeGreaterThanOrEqual(1)
    await runJobsIn(80)
    const overdue = await calls.view(admin, id)
    expect(overdue.status).toBe('pending_payment')
    expect(overdue.flags).toEqual([expect.objectContaining({ kind: 'transfer_overdue' })])
    expect(overdue.timeline.filter((entry) => entry.event === 'flag_overdue')).toHaveLength(1)
    expect(overdue.actions).toEqual(['confirm_overdue', 'cancel_overdue'])
    const listed = await market.call<{ items: (Order & { actions: string[] })[] }>('/api/admin/orders?flag=transfer_overdue', {
      cookie: admin.cookie,
    })
    expect(listed.body.items.find((item) => item.id === id)?.actions).toEqual(['confirm_overdue', 'cancel_overdue'])
    expect(await calls.notificationTypes(buyer)).toContain('order.transfer_overdue')
    expect(await calls.notificationTypes(supplier)).toContain('order.transfer_overdue')

    expect((await calls.step(admin, id, 'confirm-transfer', {}, 'admin/orders')).status).toBe(400)
    const confirmed = await calls.step(admin, id, 'confirm-transfer', { note: '供应商提供了银行回单' }, 'admin/orders')
    expect(confirmed.status).toBe(200)
    expect(confirmed.body).toMatchObject({ status: 'paid', flags: [], payment: { method: 'bank_transfer' } })
    expect(await flagged('transfer_overdue')).not.toContain(id)
    expect(await auditOf(id)).toEqual([
      expect.objectContaining({ action: 'order.transfer.confirm', reason: '供应商提供了银行回单' }),
    ])
    expect((await calls.view(supplier, id)).actions).toEqual(['ship'])
  })

  it('may be cancelled by an administrator when overdue, the stock going back; a late confirmation by the supplier takes it off the list', async () => {
    const first = await transferRecordedForAllStock()
    const second = await transferRecordedForAllStock()
    expect((await calls.step(admin, first.id, 'cancel', { note: '过早' }, 'admin/orders')).status).toBe(409)
    await runJobsIn(73)
    expect(await flagged('transfer_overdue')).toEqual(expect.arrayContaining([first.id, second.id]))

    const cancelled = await calls.step(admin, first.id, 'cancel', { note: '三天未到账，买方不回复' }, 'admin/orders')
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'admin_cancelled', note: '三天未到账，买方不回复' },
      flags: [],
    })
    expect(await calls.stockOf(first.listing, supplier)).toBe(10)
    expect(await calls.notificationTypes(first.buyer)).toContain('order.cancelled_by_admin')
    expect(await auditOf(first.id)).toEqual([
      expect.objectContaining({ action: 'order.cancel', reason: '三天未到账，买方不回复' }),
    ])

    expect((await calls.step(supplier, second.id, 'confirm-payment')).body.status).toBe('paid')
    const list = await flagged('transfer_overdue')
    expect(list).not.toContain(first.id)
    expect(list).not.toContain(second.id)
  })
})

describe('the date a transfer was paid', () => {
  const lhasaDay = (offsetDays: number) => new Date(Date.now() + 8 * hours + offsetDays * 24 * hours).toISOString().slice(0, 10)

  it('must lie within the order’s life: not before it was placed, not in the future (400 naming paidAt), and nothing is written', async () => {
    const listing: Listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const placed = await calls.order(buyer, { listingId: listing.id, quantity: 5 })
    for (const paidAt of ['1970-01-01', lhasaDay(-1), lhasaDay(1), new Date(Date.now() + 2 * hours).toISOString()]) {
      const refused = await calls.step(buyer, placed.body.id, 'transfer', { reference: 'ICBC 1', paidAt })
      expect(refused.status, paidAt).toBe(400)
      expect(refused.body.error).toMatchObject({
        code: 'order.paid_at_out_of_range',
        details: [expect.objectContaining({ path: ['paidAt'] })],
      })
    }
    expect((await calls.view(buyer, placed.body.id)).version).toBe(placed.body.version)
    const now = await calls.step(buyer, placed.body.id, 'transfer', { reference: 'ICBC 1', paidAt: new Date().toISOString() })
    expect(now.status).toBe(200)
    const sameDay = await calls.order(buyer, { listingId: listing.id, quantity: 5 })
    expect((await calls.step(buyer, sameDay.body.id, 'transfer', { reference: 'ICBC 2', paidAt: lhasaToday() })).status).toBe(200)
  })
})
