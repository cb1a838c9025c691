import { createAdminApp, createOrdersApp, createWebhooksApp } from '@market/api'
import type { Listing, Order } from '@market/contracts'
import { Orders } from '@market/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import { startFakeStripe } from '../support/fake-stripe.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'
import { type ErrorBody, lhasaToday, type OrderView, orderCalls } from '../support/orders.ts'

type Account = Awaited<ReturnType<TestMarket['register']>>
type Calls = ReturnType<typeof orderCalls>

let market: TestMarket
let admin: { cookie: string }
let supplier: Account
let order: Calls['order']
let step: Calls['step']
let stockOf: (listing: Listing) => Promise<number>

beforeAll(async () => {
  market = await startTestMarket('orders')
  admin = await market.signInAdmin()
  supplier = await market.verifiedSupplier()
  const calls = orderCalls(market)
  order = calls.order
  step = calls.step
  stockOf = (listing) => calls.stockOf(listing, supplier)
})

const pickup = { method: 'pickup' as const }

describe('placing orders', () => {
  it('sells exactly the stock when 50 buyers race for 10 units', async () => {
    const listing = await market.publishListing(supplier, { stock: 10, moq: 1, priceTiers: [{ minQty: 1, unitPriceFen: 2500 }] })
    const buyers = await Promise.all(Array.from({ length: 5 }, () => market.register('buyer')))
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, index) => order(buyers[index % 5] as Account, { listingId: listing.id, quantity: 1 })),
    )
    const created = answers.filter((answer) => answer.status === 201)
    const refused = answers.filter((answer) => answer.status === 409)
    expect(created).toHaveLength(10)
    expect(refused).toHaveLength(40)
    expect(new Set(refused.map((answer) => answer.body.error.code))).toEqual(new Set(['listing.insufficient_stock']))
    expect(await stockOf(listing)).toBe(0)
    const supplierOrders = await market.call<{ items: Order[] }>('/api/orders?role=supplier&limit=100', {
      cookie: supplier.cookie,
    })
    expect(supplierOrders.body.items.filter((item) => item.lines[0]?.listingId === listing.id)).toHaveLength(10)
  })

  it('prices the order from the listing’s tier for the quantity, whatever the client sends', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const small = await order(buyer, { listingId: listing.id, quantity: 10 })
    expect(small.status).toBe(201)
    expect(small.body).toMatchObject({
      totalFen: 188_000,
      status: 'pending_payment',
      lines: [{ unitPriceFen: 18800, quantity: 10 }],
    })
    const bulk = await order(buyer, { listingId: listing.id, quantity: 60 })
    expect(bulk.body.totalFen).toBe(60 * 16800)
    for (const extra of [{ totalFen: 1 }, { unitPriceFen: 1 }, { lines: [] }]) {
      expect((await order(buyer, { listingId: listing.id, quantity: 10, ...extra })).status).toBe(400)
    }
  })

  it('stores whom the invoice is made out to, with the tax number as written on it, and refuses a malformed one', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const invoice = { type: 'special', title: '拉萨拉姆藏装加工坊', taxNumber: ' 91540100ma6t000x1y ' }
    const placed = await order(buyer, { listingId: listing.id, quantity: 10, invoice })
    expect(placed.status).toBe(201)
    const stored = await market.call<Order>(`/api/orders/${placed.body.id}`, { cookie: supplier.cookie })
    expect(stored.body.invoice).toEqual({ type: 'special', title: '拉萨拉姆藏装加工坊', taxNumber: '91540100MA6T000X1Y' })
    // A listing states no freight: the order's freight is 0 and its total is the goods.
    expect(stored.body).toMatchObject({ freightFen: 0, totalFen: 188_000 })
    expect((await order(buyer, { listingId: listing.id, quantity: 10 })).body.invoice).toEqual({ type: 'none' })

    const before = await stockOf(listing)
    for (const bad of [
      { type: 'ordinary', title: '拉姆加工坊', taxNumber: '9154-0100' },
      { type: 'ordinary', title: '拉姆加工坊', taxNumber: '9154010' },
      { type: 'ordinary', title: '拉姆加工坊', taxNumber: '91540100MA6T000X1Y12345' },
      { type: 'special', taxNumber: '91540100MA6T000X1Y' },
      { type: 'ordinary', title: '   ', taxNumber: '91540100MA6T000X1Y' },
      { type: 'paper', title: '拉姆加工坊', taxNumber: '91540100MA6T000X1Y' },
      { type: 'none', title: '拉姆加工坊' },
    ]) {
      const refused = await order(buyer, { listingId: listing.id, quantity: 10, invoice: bad })
      expect(refused.status, JSON.stringify(bad)).toBe(400)
      expect(refused.body.error.code).toBe('request.invalid')
    }
    expect(await stockOf(listing)).toBe(before)
  })

  it('refuses less than the MOQ, an inactive listing, and a supplier ordering its own', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    expect((await order(buyer, { listingId: listing.id, quantity: 4 })).body.error.code).toBe('order.below_moq')
    const draft = await market.createListing(supplier)
    expect((await order(buyer, { listingId: draft.id, quantity: 10 })).status).toBe(404)
    expect(
      (
        await market.call('/api/orders', {
          method: 'POST',
          cookie: supplier.cookie,
          body: { listingId: listing.id, quantity: 10, delivery: pickup },
        })
      ).status,
    ).toBe(403)
  })

  it('refuses an order priced from a listing the supplier repriced meanwhile, and takes no stock', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const deps = buildDeps(testMarketConfig(market.tableName), () => {})
    // The buyer's request read the listing just before the supplier's new prices landed.
    const staleRead = await deps.orders.forPlacement({ listingId: listing.id, buyerId: buyer.user.id }, new Date())
    const repriced = await market.call(`/api/listings/${listing.id}`, {
      method: 'PATCH',
      cookie: supplier.cookie,
      body: { version: listing.version, priceTiers: [{ minQty: 5, unitPriceFen: 25_000 }] },
    })
    expect(repriced.status).toBe(200)
    const before = await stockOf(listing)
    const racing = { ...deps, payments: null, orders: { ...deps.orders, forPlacement: async () => staleRead } }
    const buyerUser = (await deps.accounts.findUserById(buyer.user.id)) as NonNullable<
      Awaited<ReturnType<typeof deps.accounts.findUserById>>
    >
    await expect(
      Orders.placeOrder(racing, buyerUser, { listingId: listing.id, quantity: 10, delivery: pickup }),
    ).rejects.toMatchObject({
      code: 'order.price_changed',
    })
    expect(await stockOf(listing)).toBe(before)
  })

  it('answers a replayed Idempotency-Key with the first order, and refuses the key for another body', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const before = await stockOf(listing)
    const first = await order(buyer, { listingId: listing.id, quantity: 10 }, 'order-key-1')
    const again = await order(buyer, { listingId: listing.id, quantity: 10 }, 'order-key-1')
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.body.id).toBe(first.body.id)
    expect(again.headers.get('Idempotent-Replayed')).toBe('true')
    expect(await stockOf(listing)).toBe(before - 10)
    const other = await order(buyer, { listingId: listing.id, quantity: 20 }, 'order-key-1')
    expect(other.status).toBe(422)
    expect(other.body.error.code).toBe('idempotency.key_reused')
    expect(await stockOf(listing)).toBe(before - 10)
  })

  it('creates one order when the same key is sent five times at once, and answers each with it', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const before = await stockOf(listing)
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => order(buyer, { listingId: listing.id, quantity: 5 }, 'burst-key')),
    )
    // The duplicates that lose the race to write are answered with the winner's order (no 409 to retry).
    expect(answers.map((answer) => answer.status)).toEqual(Array(5).fill(201))
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1)
    expect(answers.filter((answer) => answer.headers.get('Idempotent-Replayed') === 'true')).toHaveLength(4)
    expect(await stockOf(listing)).toBe(before - 5)
  })
})

describe('who may do what', () => {
  it('refuses shipping an unpaid order, a buyer shipping, and shows the order to its parties only', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const placed = await order(buyer, { listingId: listing.id, quantity: 5 })
    const ship = { carrier: '中国邮政', trackingNumber: 'EMS123' }
    const early = await step(supplier, placed.body.id, 'ship', ship)
    expect(early.status).toBe(409)
    expect(early.body.error).toMatchObject({ code: 'order.wrong_status', details: { status: 'pending_payment' } })
    expect((await step(buyer, placed.body.id, 'ship', ship)).status).toBe(403)
    expect((await step(supplier, placed.body.id, 'transfer', { reference: 'x', paidAt: lhasaToday() })).status).toBe(403)

    const stranger = await market.register('buyer')
    expect((await market.call(`/api/orders/${placed.body.id}`, { cookie: stranger.cookie })).status).toBe(404)
    expect((await step(stranger, placed.body.id, 'cancel', {})).status).toBe(404)
    const otherSupplier = await market.verifiedSupplier('别人')
    expect((await market.call(`/api/orders/${placed.body.id}`, { cookie: otherSupplier.cookie })).status).toBe(404)
    expect((await market.call(`/api/orders/${placed.body.id}`, { cookie: supplier.cookie })).status).toBe(200)
    expect((await market.call(`/api/orders/${placed.body.id}`, { cookie: admin.cookie })).status).toBe(200)
    const strangersList = await market.call<{ items: Order[] }>('/api/orders?role=buyer', { cookie: stranger.cookie })
    expect(strangersList.body.items).toEqual([])
  })

  it('tells each party the steps it can take now', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const placed = await order(buyer, { listingId: listing.id, quantity: 5 })
    expect(placed.body.actions.sort()).toEqual(['cancel', 'record_transfer'])
    expect(placed.body.paymentMethods).toEqual(['bank_transfer'])
    const asSupplier = await market.call<OrderView>(`/api/orders/${placed.body.id}`, { cookie: supplier.cookie })
    expect(asSupplier.body.actions).toEqual(['confirm_payment'])
  })
})

describe('the bank-transfer path', () => {
  it('goes from transfer to payment, shipment, receipt and, a week later, completion — one timeline for both', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const placed = await order(buyer, {
      listingId: listing.id,
      quantity: 10,
      delivery: { method: 'ship', address: { name: '拉姆', phone: '13989001234', address: '拉萨市城关区林廓南路 8 号' } },
    })
    const id = placed.body.id
    expect((await step(buyer, id, 'transfer', { reference: 'ICBC 2026112700123', paidAt: lhasaToday() })).body.status).toBe(
      'pending_payment',
    )
    expect((await step(supplier, id, 'confirm-payment')).body.status).toBe('paid')
    expect((await step(supplier, id, 'ship', { carrier: '顺丰', trackingNumber: 'SF1234567890' })).body.status).toBe('shipped')
    const received = await step(buyer, id, 'receive')
    expect(received.body.status).toBe('delivered')

    const deps = buildDeps(testMarketConfig(market.tableName), () => {})
    const inEightDays = { now: () => new Date(Date.now() + 8 * 24 * 3600 * 1000) }
    const report = await Orders.runOrderJobs({ ...deps, payments: null, clock: inEightDays })
    expect(report.completed).toBeGreaterThanOrEqual(1)

    const asBuyer = await market.call<Order>(`/api/orders/${id}`, { cookie: buyer.cookie })
    const asSupplier = await market.call<Order>(`/api/orders/${id}`, { cookie: supplier.cookie })
    expect(asBuyer.body.status).toBe('completed')
    expect(asBuyer.body.timeline.map((entry) => entry.event)).toEqual([
      'placed',
      'record_transfer',
      'confirm_payment',
      'ship',
      'receive',
      'complete',
    ])
    expect(asSupplier.body.timeline).toEqual(asBuyer.body.timeline)
    expect(asBuyer.body.shipment).toMatchObject({ carrier: '顺丰', trackingNumber: 'SF1234567890' })
  })

  it('cancels an order unpaid for 24 hours and restores its stock once, even with two job runs at once', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const before = await stockOf(listing)
    const unpaid = await order(buyer, { listingId: listing.id, quantity: 7 })
    const waiting = await order(buyer, { listingId: listing.id, quantity: 5 })
    await step(buyer, waiting.body.id, 'transfer', { reference: 'BOC 88', paidAt: lhasaToday() })
    expect(await stockOf(listing)).toBe(before - 12)

    const deps = buildDeps(testMarketConfig(market.tableName), () => {})
    const tomorrow = { now: () => new Date(Date.now() + 25 * 3600 * 1000) }
    const runs = await Promise.all([1, 2].map(() => Orders.runOrderJobs({ ...deps, payments: null, clock: tomorrow })))
    expect(runs.reduce((sum, run) => sum + run.cancelledUnpaid, 0)).toBeGreaterThanOrEqual(1)
    expect((await market.call<Order>(`/api/orders/${unpaid.body.id}`, { cookie: buyer.cookie })).body.status).toBe('cancelled')
    // The one whose transfer awaits the supplier's look is not cancelled.
    expect((await market.call<Order>(`/api/orders/${waiting.body.id}`, { cookie: buyer.cookie })).body.status).toBe(
      'pending_payment',
    )
    expect(await stockOf(listing)).toBe(before - 5)
    const cancelledTimeline = (await market.call<Order>(`/api/orders/${unpaid.body.id}`, { cookie: buyer.cookie })).body.timeline
    expect(cancelledTimeline.filter((entry) => entry.event === 'expire')).toHaveLength(1)
  })

  it('lets the buyer cancel before paying, with the stock restored', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const before = await stockOf(listing)
    const placed = await order(buyer, { listingId: listing.id, quantity: 5 })
    expect((await step(buyer, placed.body.id, 'cancel', { reason: '下错了' })).body.status).toBe('cancelled')
    expect(await stockOf(listing)).toBe(before)
    expect((await step(buyer, placed.body.id, 'cancel', {})).status).toBe(409)
  })

  it('exports a party’s orders as CSV that Excel opens in Chinese', async () => {
    const listing = await market.publishListing(supplier, { title: { zh: '金花缎, "吉祥"纹' } })
    const buyer = await market.register('buyer')
    await order(buyer, { listingId: listing.id, quantity: 5 })
    const response = await market.app.request('/api/orders/export.csv?role=buyer', { headers: { Cookie: buyer.cookie } })
    expect(response.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text).toContain('"金花缎, ""吉祥""纹"')
    expect(text).toContain('940.00')
  })
})

describe('disputes', () => {
  it('opens within 7 days of delivery and is settled by an administrator with an offline refund', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const placed = await order(buyer, { listingId: listing.id, quantity: 5 })
    await step(buyer, placed.body.id, 'transfer', { reference: 'x1', paidAt: lhasaToday() })
    await step(supplier, placed.body.id, 'confirm-payment')
    await step(supplier, placed.body.id, 'ship', { pickupReadyAt: '2026-11-28T10:00:00Z' })
    await step(buyer, placed.body.id, 'receive')
    const disputed = await step(buyer, placed.body.id, 'dispute', { reason: 'not_as_described', details: '颜色与图片不符' })
    expect(disputed.body.status).toBe('disputed')
    const queue = await market.call<{ items: Order[] }>('/api/admin/orders?status=disputed', { cookie: admin.cookie })
    expect(queue.body.items.map((item) => item.id)).toContain(placed.body.id)
    const resolved = await market.call<Order>(`/api/admin/orders/${placed.body.id}/resolve`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { outcome: 'refund', note: '已线下退款' },
    })
    expect(resolved.body).toMatchObject({ status: 'resolved', payment: { refund: { via: 'offline', amountFen: 94_000 } } })
    const audit = await market.call<{ items: { action: string; targetId: string }[] }>('/api/admin/audit?limit=100', {
      cookie: admin.cookie,
    })
    expect(audit.body.items).toContainEqual(expect.objectContaining({ action: 'order.dispute.refund', targetId: placed.body.id }))
  })
})

describe('paying with Stripe', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripe>>
  let request: (app: 'orders' | 'webhooks' | 'admin', path: string, init: RequestInit) => Promise<Response>

  beforeAll(async () => {
    fake = await startFakeStripe()
    const deps = { ...buildDeps(testMarketConfig(market.tableName), () => {}), payments: async () => fake.gateway }
    const apps = { orders: createOrdersApp(deps), webhooks: createWebhooksApp(deps), admin: createAdminApp(deps) }
    request = async (app, path, init) => apps[app].request(path, init)
  })
  afterAll(() => fake?.close())

  const webhook = (event: Parameters<typeof fake.signedEvent>[0], secret?: string) => {
    const { payload, signature } = fake.signedEvent(event, secret)
    return request('webhooks', '/api/webhooks/stripe', {
      method: 'POST',
      headers: { 'Stripe-Signature': signature, 'Content-Type': 'application/json' },
      body: payload,
    })
  }
  const view = async (id: string, cookie: string) =>
    (await (await request('orders', `/api/orders/${id}`, { headers: { Cookie: cookie } })).json()) as OrderView

  it('starts a Checkout in CNY for the order’s total; a signed completion marks it paid, once', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const placed = await order(buyer, { listingId: listing.id, quantity: 10 })
    const checkout = await request('orders', `/api/orders/${placed.body.id}/checkout`, {
      method: 'POST',
      headers: { Cookie: buyer.cookie },
    })
    expect(checkout.status).toBe(200)
    const session = (await checkout.json()) as { url: string; sessionId: string }
    expect(session.url).toMatch(/^https:\/\/checkout\.stripe\.com\//)
    const call = fake.calls.find(
      (entry) => entry.path === '/v1/checkout/sessions' && entry.form.get('metadata[orderId]') === placed.body.id,
    )
    expect(call?.form.get('currency')).toBe('cny')
    expect(call?.form.get('line_items[0][price_data][unit_amount]')).toBe(String(placed.body.totalFen))
    expect([
      call?.form.get('allowed_payment_method_types[0]'),
      call?.form.get('allowed_payment_method_types[1]'),
      call?.form.get('allowed_payment_method_types[2]'),
    ]).toEqual(['card', 'alipay', 'wechat_pay'])
    expect(call?.idempotencyKey).toMatch(new RegExp(`^checkout-${placed.body.id}-`))

    const completed = fake.pay(session.sessionId)
    const first = await webhook(completed)
    expect(await first.json()).toEqual({ received: true, result: 'applied' })
    const paid = await view(placed.body.id, buyer.cookie)
    expect(paid).toMatchObject({
      status: 'paid',
      totalFen: placed.body.totalFen,
      payment: { method: 'stripe', paymentIntentId: `pi_for_${session.sessionId}` },
    })

    const replay = await webhook(completed)
    expect(replay.status).toBe(200)
    expect(await replay.json()).toEqual({ received: true, result: 'replayed' })
    expect((await view(placed.body.id, buyer.cookie)).version).toBe(paid.version)

    // Late and out of order: the session expiring after it was paid changes nothing.
    const expired = await webhook({
      id: `evt_expired_${placed.body.id}`,
      type: 'checkout.session.expired',
      data: {
        object: {
          id: session.sessionId,
          object: 'checkout.session',
          payment_status: 'unpaid',
          metadata: { orderId: placed.body.id },
        },
      },
    })
    expect(await expired.json()).toEqual({ received: true, result: 'ignored' })
    expect((await view(placed.body.id, buyer.cookie)).status).toBe('paid')
  })

  it('charges an awarded order’s freight as its own line, so the paid amount matches the total', async () => {
    const buyer = await market.register('buyer')
    const inDays = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000).toISOString()
    const rfq = await market.call<{ id: string }>('/api/rfqs', {
      method: 'POST',
      cookie: buyer.cookie,
      body: {
        title: '藏装用金花缎',
        categoryId: 'brocade',
        specs: '红底金花',
        quantity: 50,
        unit: 'm',
        neededBy: inDays(30).slice(0, 10),
        bidDeadline: inDays(2),
        invitedSupplierIds: [supplier.user.id],
      },
    })
    expect(rfq.status).toBe(201)
    const bid = await market.call<{ id: string }>(`/api/rfqs/${rfq.body.id}/bids`, {
      method: 'POST',
      cookie: supplier.cookie,
      body: { unitPriceFen: 15_000, quantity: 50, leadTimeDays: 7, validUntil: inDays(20).slice(0, 10), freightFen: 8_000 },
    })
    expect(bid.status).toBe(201)
    const award = await market.call<{ orderIds: string[] }>(`/api/rfqs/${rfq.body.id}/award`, {
      method: 'POST',
      cookie: buyer.cookie,
      body: { awards: [{ bidId: bid.body.id, quantity: 50 }] },
    })
    expect(award.status).toBe(200)
    const orderId = award.body.orderIds[0] as string
    expect(await view(orderId, buyer.cookie)).toMatchObject({ freightFen: 8_000, totalFen: 50 * 15_000 + 8_000 })

    const checkout = await request('orders', `/api/orders/${orderId}/checkout`, {
      method: 'POST',
      headers: { Cookie: buyer.cookie },
    })
    expect(checkout.status).toBe(200)
    const { sessionId } = (await checkout.json()) as { sessionId: string }
    const call = fake.calls.find(
      (entry) => entry.path === '/v1/checkout/sessions' && entry.form.get('metadata[orderId]') === orderId,
    )
    expect(call?.form.get('line_items[1][price_data][unit_amount]')).toBe('8000')
    expect(await (await webhook(fake.pay(sessionId))).json()).toEqual({ received: true, result: 'applied' })
    const paid = await view(orderId, buyer.cookie)
    expect(paid.status).toBe('paid')
    expect(paid.payment.anomalies).toBeUndefined()
  })

  it('refuses a bad signature with 400 and changes nothing', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const placed = await order(buyer, { listingId: listing.id, quantity: 5 })
    const forged = await webhook(
      {
        id: 'evt_forged',
        type: 'checkout.session.completed',
        data: {
          object: { id: 'cs_x', object: 'checkout.session', payment_status: 'paid', metadata: { orderId: placed.body.id } },
        },
      },
      'whsec_someone_else',
    )
    expect(forged.status).toBe(400)
    expect(((await forged.json()) as ErrorBody).error.code).toBe('webhook.invalid_signature')
    const unsigned = await request('webhooks', '/api/webhooks/stripe', {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(unsigned.status).toBe(400)
    expect((await view(placed.body.id, buyer.cookie)).status).toBe('pending_payment')
  })

  it('refunds through Stripe when a dispute over a card payment is settled for the buyer, and records the refund event once', async () => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const placed = await order(buyer, { listingId: listing.id, quantity: 5 })
    const checkout = await request('orders', `/api/orders/${placed.body.id}/checkout`, {
      method: 'POST',
      headers: { Cookie: buyer.cookie },
    })
    const { sessionId } = (await checkout.json()) as { sessionId: string }
    await webhook(fake.pay(sessionId))
    const paymentIntent = `pi_for_${sessionId}`
    await step(buyer, placed.body.id, 'dispute', { reason: 'not_received', details: '没有收到货' })
    const resolved = await request('admin', `/api/admin/orders/${placed.body.id}/resolve`, {
      method: 'POST',
      headers: { Cookie: admin.cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ outcome: 'refund', note: '供应商未发货' }),
    })
    expect(resolved.status).toBe(200)
    const refundCall = fake.calls.find((call) => call.path === '/v1/refunds' && call.form.get('payment_intent') === paymentIntent)
    expect(refundCall?.form.get('amount')).toBe(String(placed.body.totalFen))
    expect(refundCall?.idempotencyKey).toBe(`refund-${placed.body.id}`)
    const after = await view(placed.body.id, buyer.cookie)
    expect(after.payment.refund).toMatchObject({ via: 'stripe', amountFen: placed.body.totalFen })
    const refunded = await webhook({
      id: `evt_refunded_${placed.body.id}`,
      type: 'charge.refunded',
      data: {
        object: {
          id: 'ch_1',
          object: 'charge',
          payment_intent: paymentIntent,
          amount: placed.body.totalFen,
          amount_refunded: placed.body.totalFen,
          currency: 'cny',
        },
      },
    })
    expect(await refunded.json()).toEqual({ received: true, result: 'ignored' })
    expect((await view(placed.body.id, buyer.cookie)).version).toBe(after.version)
  })
})
