import type { AuditEntry, Order } from '@market/contracts'
import { Orders } from '@market/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import { startFakeStripe } from '../support/fake-stripe.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'
import { type ErrorBody, orderCalls } from '../support/orders.ts'

type Account = Awaited<ReturnType<TestMarket['register']>>
type Fake = Awaited<ReturnType<typeof startFakeStripe>>
type StripeEvent = Parameters<Fake['signedEvent']>[0]

let fake: Fake
let market: TestMarket
let admin: { cookie: string }
let supplier: Account
let calls: ReturnType<typeof orderCalls>

beforeAll(async () => {
  fake = await startFakeStripe()
  market = await startTestMarket('payments', { payments: fake.gateway })
  admin = await market.signInAdmin()
  supplier = await market.verifiedSupplier()
  calls = orderCalls(market)
})
afterAll(() => fake?.close())

const webhook = (event: StripeEvent) => {
  const { payload, signature } = fake.signedEvent(event)
  return market.call<{ result: string } & ErrorBody>('/api/webhooks/stripe', {
    method: 'POST',
    body: payload,
    headers: { 'Stripe-Signature': signature },
  })
}

const checkout = (buyer: Account, id: string, key?: string) =>
  market.call<{ sessionId: string; url: string } & ErrorBody>(`/api/orders/${id}/checkout`, {
    method: 'POST',
    cookie: buyer.cookie,
    ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
  })

/** A buyer's order of 5 from a fresh listing (stock 600), with a Checkout Session open. */
const orderInCheckout = async () => {
  const listing = await market.publishListing(supplier)
  const buyer = await market.register('buyer')
  const placed = await calls.order(buyer, { listingId: listing.id, quantity: 5 })
  const session = await checkout(buyer, placed.body.id)
  expect(session.status).toBe(200)
  return { listing, buyer, id: placed.body.id, total: placed.body.totalFen, sessionId: session.body.sessionId }
}

/** An order paid by card through its own session. */
const paidOrder = async () => {
  const paying = await orderInCheckout()
  expect((await webhook(fake.pay(paying.sessionId))).body.result).toBe('applied')
  return { ...paying, paymentIntent: `pi_for_${paying.sessionId}` }
}

const refunded = (paymentIntent: string, amount: number, refundedFen: number, id: string): StripeEvent => ({
  id,
  type: 'charge.refunded',
  data: {
    object: {
      id: `ch_${id}`,
      object: 'charge',
      payment_intent: paymentIntent,
      amount,
      amount_refunded: refundedFen,
      currency: 'cny',
    },
  },
})

const flagged = async () =>
  (await market.call<{ items: Order[] }>('/api/admin/orders?flag=payment_anomaly', { cookie: admin.cookie })).body.items.map(
    (item) => item.id,
  )

const expireCalls = (sessionId: string) => fake.calls.filter((call) => call.path === `/v1/checkout/sessions/${sessionId}/expire`)

describe('Checkout Sessions', () => {
  it('expire when the order’s payment is due, or as close before as Stripe allows (24 hours)', async () => {
    const { buyer, id, sessionId } = await orderInCheckout()
    const order = await calls.view(buyer, id)
    const expiresAt = (fake.session(sessionId)?.expires_at ?? 0) * 1000
    expect(expiresAt).toBeLessThanOrEqual(Date.parse(order.paymentDueAt))
    expect(expiresAt).toBeGreaterThan(Date.parse(order.paymentDueAt) - 5 * 60 * 1000)
    expect(order.payment.checkoutExpiresAt).toBe(new Date(expiresAt).toISOString())
  })

  it('are expired when the buyer cancels; if Stripe cannot be reached the cancel answers 503 and changes nothing', async () => {
    const { listing, buyer, id, sessionId } = await orderInCheckout()
    const before = await calls.view(buyer, id)
    const stock = await calls.stockOf(listing, supplier)
    fake.failNext(/\/expire$/)
    const refused = await calls.step(buyer, id, 'cancel', {})
    expect(refused.status).toBe(503)
    expect(refused.headers.get('Retry-After')).toBeTruthy()
    expect(refused.body.error.code).toBe('payments.unreachable')
    expect(await calls.view(buyer, id)).toEqual(before)
    expect(await calls.stockOf(listing, supplier)).toBe(stock)
    expect(fake.session(sessionId)?.status).toBe('open')

    expect((await calls.step(buyer, id, 'cancel', {})).body.status).toBe('cancelled')
    expect(fake.session(sessionId)?.status).toBe('expired')
    expect(await calls.stockOf(listing, supplier)).toBe(stock + 5)
  })

  it('are closed by the job that cancels an unpaid order, when they outlive its payment window', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const placed = await calls.order(buyer, { listingId: listing.id, quantity: 5 })
    const deps = { ...buildDeps(testMarketConfig(market.tableName), () => {}), payments: fake.gateway }
    const buyerUser = await deps.accounts.findUserById(buyer.user.id)
    // Started ten minutes before the payment was due: Stripe keeps a session open at least 30 minutes.
    const due = Date.parse(placed.body.paymentDueAt)
    const lateDeps = { ...deps, clock: { now: () => new Date(due - 10 * 60 * 1000) } }
    const session = await Orders.startCheckout(lateDeps, buyerUser as NonNullable<typeof buyerUser>, placed.body.id, {
      success: 'http://localhost/done',
      cancel: 'http://localhost/cancelled',
    })
    expect((fake.session(session.sessionId)?.expires_at ?? 0) * 1000).toBeGreaterThan(due)

    const afterDue = { ...deps, clock: { now: () => new Date(due + 60 * 1000) } }
    fake.failNext(/\/expire$/)
    expect((await Orders.runOrderJobs(afterDue)).retryLater).toBeGreaterThanOrEqual(1)
    expect((await calls.view(buyer, placed.body.id)).status).toBe('pending_payment')
    await Orders.runOrderJobs(afterDue)
    expect(fake.session(session.sessionId)?.status).toBe('expired')
    expect(await calls.view(buyer, placed.body.id)).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'payment_overdue' },
    })
  })

  it('that Stripe fails to start leave the order payable, and a retry with the same key works', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const placed = await calls.order(buyer, { listingId: listing.id, quantity: 5 })
    fake.failNext(/^\/v1\/checkout\/sessions$/)
    const failed = await checkout(buyer, placed.body.id, 'pay-1')
    expect(failed.status).toBe(503)
    expect(failed.headers.get('Retry-After')).toBeTruthy()
    const after = await calls.view(buyer, placed.body.id)
    expect(after.version).toBe(placed.body.version)
    expect(after.actions).toContain('start_checkout')
    const retried = await checkout(buyer, placed.body.id, 'pay-1')
    expect(retried.status).toBe(200)
    expect(retried.body.url).toMatch(/^https:\/\/checkout\.stripe\.com\//)
  })
})

describe('a payment for an order that was cancelled', () => {
  it('is refunded at once, recorded on the payment and the timeline, both parties told and an administrator asked to look', async () => {
    const { buyer, id, total, sessionId } = await orderInCheckout()
    // The buyer pays in one tab while cancelling in another: the session is complete before it can be expired.
    const completed = fake.pay(sessionId)
    expect((await calls.step(buyer, id, 'cancel', {})).body.status).toBe('cancelled')

    expect((await webhook(completed)).body.result).toBe('applied')
    const refunds = fake.calls.filter(
      (call) => call.path === '/v1/refunds' && call.form.get('payment_intent') === `pi_for_${sessionId}`,
    )
    expect(refunds).toHaveLength(1)
    expect(refunds[0]?.form.get('amount')).toBe(String(total))
    expect(refunds[0]?.idempotencyKey).toBe(`refund-${id}-pi_for_${sessionId}`)
    const order = await calls.view(buyer, id)
    expect(order.status).toBe('cancelled')
    expect(order.payment.anomalies).toEqual([
      expect.objectContaining({
        kind: 'paid_after_cancel',
        amountFen: total,
        refund: { id: expect.any(String), amountFen: total },
      }),
    ])
    expect(order.timeline.at(-1)).toMatchObject({ by: 'stripe', event: 'payment_anomaly', note: 'paid_after_cancel' })
    expect(await calls.notificationTypes(buyer)).toContain('order.payment_refunded')
    expect(await calls.notificationTypes(supplier)).toContain('order.payment_refunded')
    expect(await flagged()).toContain(id)

    expect((await webhook(completed)).body.result).toBe('replayed')
    expect(
      fake.calls.filter((call) => call.path === '/v1/refunds' && call.form.get('payment_intent') === `pi_for_${sessionId}`),
    ).toHaveLength(1)

    const acknowledged = await calls.step(admin, id, 'acknowledge', { note: '已自动退款，无需处理' }, 'admin/orders')
    expect(acknowledged.body).toMatchObject({ status: 'cancelled', flags: [], actions: [] })
    expect(await flagged()).not.toContain(id)
    const audit = await market.call<{ items: AuditEntry[] }>('/api/admin/audit?limit=100', { cookie: admin.cookie })
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'order.anomaly.acknowledge', targetId: id, reason: '已自动退款，无需处理' }),
    )
  })

  it('arriving while Stripe refuses the refund is answered 503, so that Stripe sends it again', async () => {
    const { buyer, id, sessionId } = await orderInCheckout()
    const completed = fake.pay(sessionId)
    await calls.step(buyer, id, 'cancel', {})
    const before = await calls.view(buyer, id)
    fake.failNext(/^\/v1\/refunds$/)
    expect((await webhook(completed)).status).toBe(503)
    expect(await calls.view(buyer, id)).toEqual(before)
    expect((await webhook(completed)).body.result).toBe('applied')
    expect((await calls.view(buyer, id)).payment.anomalies).toHaveLength(1)
  })
})

describe('a completed Checkout that is not the order’s', () => {
  it.each([
    ['amount', { amount_total: 1 }, 'amount_mismatch'],
    ['currency', { currency: 'usd' }, 'currency_mismatch'],
    ['session', { id: 'cs_someone_elses' }, 'session_mismatch'],
  ] as const)('(another %s) is recorded and flagged for an administrator, never applied', async (_what, changes, kind) => {
    const { listing, buyer, id, sessionId } = await orderInCheckout()
    const stock = await calls.stockOf(listing, supplier)
    expect((await webhook(fake.pay(sessionId, changes))).status).toBe(200)
    const order = await calls.view(supplier, id)
    expect(order.status).toBe('pending_payment')
    expect(order.actions).not.toContain('ship')
    expect(order.payment.method).toBeUndefined()
    expect(order.payment.anomalies).toEqual([expect.objectContaining({ kind })])
    expect(order.flags).toEqual([expect.objectContaining({ kind: 'payment_anomaly' })])
    expect(await calls.stockOf(listing, supplier)).toBe(stock)
    expect(await flagged()).toContain(id)
    expect((await calls.view(admin, id)).actions).toEqual(['acknowledge'])
    expect(await calls.notificationTypes(buyer)).not.toContain('order.paid')
  })
})

describe('a refund made at Stripe', () => {
  it('of the whole payment before shipment cancels the order, with the refund on its payment record and the stock restored', async () => {
    const { listing, buyer, id, total, paymentIntent } = await paidOrder()
    const stock = await calls.stockOf(listing, supplier)
    expect((await webhook(refunded(paymentIntent, total, total, `evt_full_${id}`))).body.result).toBe('applied')
    const order = await calls.view(supplier, id)
    expect(order).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'refunded' },
      payment: { method: 'stripe', refund: { amountFen: total, via: 'stripe' } },
      actions: [],
    })
    expect(await calls.stockOf(listing, supplier)).toBe(stock + 5)
    expect(await calls.notificationTypes(buyer)).toContain('order.refunded')
    expect((await calls.step(supplier, id, 'ship', { carrier: '顺丰', trackingNumber: 'SF1' })).status).toBe(409)
  })

  it('of part of the payment, or after shipment, is recorded and flagged, and the order goes on as it was', async () => {
    const { listing, id, total, paymentIntent } = await paidOrder()
    const stock = await calls.stockOf(listing, supplier)
    await webhook(refunded(paymentIntent, total, total / 2, `evt_half_${id}`))
    const partly = await calls.view(supplier, id)
    expect(partly).toMatchObject({ status: 'paid', payment: { refund: { amountFen: total / 2 } }, actions: ['ship'] })
    expect(partly.payment.anomalies).toEqual([expect.objectContaining({ kind: 'partial_refund', amountFen: total / 2 })])

    await calls.step(supplier, id, 'ship', { carrier: '顺丰', trackingNumber: 'SF2' })
    await webhook(refunded(paymentIntent, total, total, `evt_rest_${id}`))
    const shipped = await calls.view(admin, id)
    expect(shipped.status).toBe('shipped')
    expect(shipped.payment.refund?.amountFen).toBe(total)
    expect(shipped.payment.anomalies?.map((entry) => entry.kind)).toEqual(['partial_refund', 'late_refund'])
    expect(shipped.flags).toEqual([expect.objectContaining({ kind: 'payment_anomaly' })])
    expect(await calls.stockOf(listing, supplier)).toBe(stock)
    expect(await flagged()).toContain(id)
  })
})

describe('starting a second Checkout', () => {
  it('closes the first, so the order has one open session; a first session paid meanwhile stops it (409)', async () => {
    const { buyer, id, sessionId } = await orderInCheckout()
    const second = await checkout(buyer, id)
    expect(second.status).toBe(200)
    expect(expireCalls(sessionId)).toHaveLength(1)
    expect(fake.session(sessionId)?.status).toBe('expired')
    fake.pay(second.body.sessionId)
    const third = await checkout(buyer, id)
    expect(third.status).toBe(409)
    expect(third.body.error.code).toBe('order.payment_in_progress')
  })
})
