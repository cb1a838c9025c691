import {
  CancelOrderInput,
  CheckoutResponse,
  DisputeInput,
  ExportQuery,
  IdParam,
  OrdersPage,
  OrdersQuery,
  OrderView,
  PlaceOrderInput,
  ShipInput,
  TransferInput,
} from '@market/contracts'
import { Orders } from '@market/core'
import { z } from 'zod'
import type { ApiDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { createAuth } from '../middleware/auth.ts'
import { idempotent } from '../middleware/idempotency.ts'
import { publicOrigin } from '../middleware/request-origin.ts'
import { validate } from '../middleware/validate.ts'
import { describeRoute } from '../openapi/describe.ts'
import { orderDeps } from './order-deps.ts'

const step = (summary: string) =>
  describeRoute({
    summary,
    tags: ['orders'],
    responses: { 200: { description: 'The order after the step', schema: OrderView } },
  })

export const createOrdersApp = (deps: ApiDeps) => {
  const { requireUser, requireRole } = createAuth(deps)
  return createGroupApp(deps)
    .post(
      '/api/orders',
      describeRoute({
        summary: 'Order from a listing (send an Idempotency-Key; the price comes from the listing, never the client)',
        tags: ['orders'],
        responses: { 201: { description: 'The order, awaiting payment', schema: OrderView } },
      }),
      requireRole('buyer'),
      idempotent(deps),
      validate('json', PlaceOrderInput),
      async (c) => {
        const ports = await orderDeps(deps)
        const order = await Orders.placeOrder(ports, c.var.actor, c.req.valid('json'))
        return c.json(Orders.toView(ports, order, c.var.actor), 201)
      },
    )
    .get(
      '/api/orders',
      describeRoute({
        summary: 'My orders as buyer or as supplier, newest first',
        tags: ['orders'],
        responses: { 200: { description: 'A page of orders', schema: OrdersPage } },
      }),
      requireUser,
      validate('query', OrdersQuery),
      async (c) => c.json(await Orders.listOrders(await orderDeps(deps), c.var.actor, c.req.valid('query')), 200),
    )
    .get(
      '/api/orders/export.csv',
      describeRoute({
        summary: 'My orders as CSV (UTF-8 with BOM, for Excel)',
        tags: ['orders'],
        responses: { 200: { description: 'CSV', schema: z.string() } },
      }),
      requireUser,
      validate('query', ExportQuery),
      async (c) => {
        const { role } = c.req.valid('query')
        const ports = await orderDeps(deps)
        const orders: Orders.StoredOrder[] = []
        let cursor: string | undefined
        do {
          const page = await Orders.listOrders(ports, c.var.actor, { role, limit: 100, ...(cursor ? { cursor } : {}) })
          orders.push(...page.items)
          cursor = page.nextCursor ?? undefined
        } while (cursor && orders.length < 10_000)
        return c.body(Orders.ordersCsv(orders, role), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="orders-${role}.csv"`,
        })
      },
    )
    .get(
      '/api/orders/:id',
      describeRoute({
        summary: 'An order, for its buyer, its supplier and administrators',
        tags: ['orders'],
        responses: { 200: { description: 'The order with the steps the caller may take now', schema: OrderView } },
      }),
      requireUser,
      validate('param', IdParam),
      async (c) => {
        const ports = await orderDeps(deps)
        return c.json(Orders.toView(ports, await Orders.getOrder(ports, c.var.actor, c.req.valid('param').id), c.var.actor), 200)
      },
    )
    .post(
      '/api/orders/:id/checkout',
      describeRoute({
        summary: 'Pay by card, Alipay or WeChat Pay: a Stripe Checkout Session for the order’s total',
        tags: ['orders'],
        responses: { 200: { description: 'Where to send the buyer', schema: CheckoutResponse } },
      }),
      requireRole('buyer'),
      idempotent(deps),
      validate('param', IdParam),
      async (c) => {
        const id = c.req.valid('param').id
        const origin = publicOrigin(c)
        const session = await Orders.startCheckout(await orderDeps(deps), c.var.actor, id, {
          success: `${origin}/orders/${id}?payment=done`,
          cancel: `${origin}/orders/${id}?payment=cancelled`,
        })
        return c.json(session, 200)
      },
    )
    .post(
      '/api/orders/:id/transfer',
      step('The buyer records the bank transfer (对公转账) it sent'),
      requireUser,
      validate('param', IdParam),
      validate('json', TransferInput),
      async (c) => {
        const ports = await orderDeps(deps)
        const order = await Orders.recordTransfer(ports, c.var.actor, c.req.valid('param').id, c.req.valid('json'))
        return c.json(Orders.toView(ports, order, c.var.actor), 200)
      },
    )
    .post(
      '/api/orders/:id/confirm-payment',
      step('The supplier confirms the transfer arrived'),
      requireUser,
      validate('param', IdParam),
      async (c) => {
        const ports = await orderDeps(deps)
        return c.json(
          Orders.toView(ports, await Orders.confirmPayment(ports, c.var.actor, c.req.valid('param').id), c.var.actor),
          200,
        )
      },
    )
    .post(
      '/api/orders/:id/ship',
      step('The supplier ships, or readies the goods for pickup at its stall'),
      requireUser,
      validate('param', IdParam),
      validate('json', ShipInput),
      async (c) => {
        const ports = await orderDeps(deps)
        const order = await Orders.shipOrder(ports, c.var.actor, c.req.valid('param').id, c.req.valid('json'))
        return c.json(Orders.toView(ports, order, c.var.actor), 200)
      },
    )
    .post('/api/orders/:id/receive', step('The buyer confirms receipt'), requireUser, validate('param', IdParam), async (c) => {
      const ports = await orderDeps(deps)
      return c.json(
        Orders.toView(ports, await Orders.receiveOrder(ports, c.var.actor, c.req.valid('param').id), c.var.actor),
        200,
      )
    })
    .post(
      '/api/orders/:id/cancel',
      step('The buyer cancels before paying; the stock goes back on the listing'),
      requireUser,
      validate('param', IdParam),
      validate('json', CancelOrderInput),
      async (c) => {
        const ports = await orderDeps(deps)
        const order = await Orders.cancelOrder(ports, c.var.actor, c.req.valid('param').id, c.req.valid('json').reason)
        return c.json(Orders.toView(ports, order, c.var.actor), 200)
      },
    )
    .post(
      '/api/orders/:id/dispute',
      step('The buyer opens a dispute (within 7 days of delivery)'),
      requireUser,
      validate('param', IdParam),
      validate('json', DisputeInput),
      async (c) => {
        const ports = await orderDeps(deps)
        const order = await Orders.openDispute(ports, c.var.actor, c.req.valid('param').id, c.req.valid('json'))
        return c.json(Orders.toView(ports, order, c.var.actor), 200)
      },
    )
}

export type OrdersApp = ReturnType<typeof createOrdersApp>
