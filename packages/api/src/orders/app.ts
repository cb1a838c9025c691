import {
  CancelOrderInput,
  CheckoutResponse,
  DeclineTransferInput,
  DisputeInput,
  ExportQuery,
  IdParam,
  OrdersPage,
  OrdersQuery,
  OrderView,
  PlaceOrderInput,
  SampleCreditQuery,
  SampleCreditResponse,
  ShipInput,
  TransferInput,
} from '@market/contracts'
import { type Accounts, Orders } from '@market/core'
import * as z from 'zod'
import { actions } from '../actions.ts'
import type { GroupDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { type AuthDeps, createAuth } from '../middleware/auth.ts'
import { idempotent, keyedWrite, namedKey } from '../middleware/idempotency.ts'
import { publicOrigin } from '../middleware/request-origin.ts'
import { validate, validJsonBody } from '../middleware/validate.ts'
import { routeDocs } from '../openapi/describe.ts'
import { asOrderView, orderDeps } from './order-deps.ts'

const doc = routeDocs('orders')

/** A step of an order's lifecycle, taken by the party whose step it is. */
const step = (summary: string) => doc(summary, { 200: ['The order after the step', OrderView] })

/** What each route says of itself in /api/openapi.json. */
const docs = {
  place: doc('Order from a listing (send an Idempotency-Key; the price comes from the listing, never the client)', {
    201: ['The order, awaiting payment', OrderView],
  }),
  mine: doc('My orders as buyer or as supplier, newest first; `q` finds an order by its number (or the end of it)', {
    200: ['A page of orders', OrdersPage],
  }),
  sampleCredit: doc('My credit from a paid sample of a listing, taken off my next bulk order of it within 60 days', {
    200: ['The credit, or null', SampleCreditResponse],
  }),
  export: doc('My orders as CSV (UTF-8 with BOM, for Excel)', { 200: ['CSV', z.string()] }),
  order: doc(
    'An order, for its buyer, its supplier and administrators (while unpaid, with the supplier’s approved bank account)',
    {
      200: ['The order with the steps the caller may take now', OrderView],
    },
  ),
  checkout: doc('Pay by card, Alipay or WeChat Pay: a Stripe Checkout Session for the order’s total', {
    200: ['Where to send the buyer', CheckoutResponse],
  }),
  transfer: step('The buyer records the bank transfer (对公转账) it sent'),
  confirmPayment: step('The supplier confirms the transfer arrived'),
  declineTransfer: step(
    'The supplier declines a recorded transfer that never arrived: the order is cancelled (transfer_declined) and its stock freed',
  ),
  ship: step('The supplier ships, or readies the goods for pickup at its stall'),
  receive: step('The buyer confirms receipt'),
  cancel: step('The buyer cancels before paying (not once a bank transfer is recorded); the stock goes back on the listing'),
  dispute: step('The buyer opens a dispute (within 7 days of delivery)'),
}

/** Up to 10,000 of a party's orders, page by page, for the CSV export. */
const allOrders = async (ports: Orders.OrderDeps, actor: Accounts.StoredUser, role: 'buyer' | 'supplier') => {
  const orders: Orders.StoredOrder[] = []
  let cursor: string | undefined
  do {
    const page = await Orders.listOrders(ports, actor, { role, limit: 100, ...(cursor ? { cursor } : {}) })
    orders.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor && orders.length < 10_000)
  return orders
}

/** The ports this group's routes use: its Lambda builds only these. */
export type OrdersDeps = GroupDeps<keyof AuthDeps | 'orders' | 'payments' | 'idempotency'>

export const createOrdersApp = (deps: OrdersDeps) => {
  const { requireUser, requireRole, requireRoleReading } = createAuth(deps)
  const buyer = requireRole('buyer')
  // Placing an order reads its listing, the buyer's sample credit and the key's answer with the
  // session; the body is checked once, here, and the validator after the guard reuses the check.
  const buyerPlacing = requireRoleReading(async (c, userId) => {
    const input = await validJsonBody(c, PlaceOrderInput)
    if (!input) return undefined
    const key = namedKey(c, userId)
    return deps.orders.placementRead({ listingId: input.listingId, buyerId: userId, key }, deps.clock.now())
  }, 'buyer')
  const buyers = actions(deps, buyer)
  // The domain says which party may take which step; a stranger learns nothing of the order (404).
  const party = actions(deps, requireUser)
  return createGroupApp(deps)
    .post('/api/orders', docs.place, buyerPlacing, idempotent(deps), validate('json', PlaceOrderInput), async (c) => {
      const ports = await orderDeps(deps)
      const view = (order: Orders.StoredOrder) => Orders.toView(ports, order, c.var.actor)
      const order = await Orders.placeOrder(ports, c.var.actor, c.req.valid('json'), keyedWrite(c, 201, view), c.var.alongside)
      return c.json(view(order), 201)
    })
    .get(
      '/api/orders',
      ...party.withQuery(docs.mine, OrdersQuery, async (deps, actor, query) =>
        Orders.listOrders(await orderDeps(deps), actor, query),
      ),
    )
    .get(
      '/api/orders/sample-credit',
      ...buyers.withQuery(docs.sampleCredit, SampleCreditQuery, async (deps, actor, { listingId }) =>
        Orders.sampleCreditOf(await orderDeps(deps), actor, listingId),
      ),
    )
    .get('/api/orders/export.csv', docs.export, requireUser, validate('query', ExportQuery), async (c) => {
      const { role } = c.req.valid('query')
      return c.body(Orders.ordersCsv(await allOrders(await orderDeps(deps), c.var.actor, role), role), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="orders-${role}.csv"`,
      })
    })
    .get(
      '/api/orders/:id',
      ...party.onId(docs.order, async (deps, actor, id) => Orders.orderPage({ ...deps, ...(await orderDeps(deps)) }, actor, id)),
    )
    .post(
      '/api/orders/:id/checkout',
      docs.checkout,
      buyer,
      idempotent(deps, { readFirst: true }),
      validate('param', IdParam),
      async (c) => {
        const id = c.req.valid('param').id
        const origin = publicOrigin(c)
        const urls = { success: `${origin}/orders/${id}?payment=done`, cancel: `${origin}/orders/${id}?payment=cancelled` }
        const session = await Orders.startCheckout(await orderDeps(deps), c.var.actor, id, urls, keyedWrite(c, 200))
        return c.json(session, 200)
      },
    )
    .post('/api/orders/:id/transfer', ...party.onIdWith(docs.transfer, TransferInput, asOrderView(Orders.recordTransfer)))
    .post('/api/orders/:id/confirm-payment', ...party.onId(docs.confirmPayment, asOrderView(Orders.confirmPayment)))
    .post(
      '/api/orders/:id/decline-transfer',
      ...party.onIdWith(docs.declineTransfer, DeclineTransferInput, asOrderView(Orders.declineTransfer)),
    )
    .post('/api/orders/:id/ship', ...party.onIdWith(docs.ship, ShipInput, asOrderView(Orders.shipOrder)))
    .post('/api/orders/:id/receive', ...party.onId(docs.receive, asOrderView(Orders.receiveOrder)))
    .post(
      '/api/orders/:id/cancel',
      ...party.onIdWith(
        docs.cancel,
        CancelOrderInput,
        asOrderView((ports, actor, id: string, { reason }: { reason?: string }) => Orders.cancelOrder(ports, actor, id, reason)),
      ),
    )
    .post('/api/orders/:id/dispute', ...party.onIdWith(docs.dispute, DisputeInput, asOrderView(Orders.openDispute)))
}

export type OrdersApp = ReturnType<typeof createOrdersApp>
