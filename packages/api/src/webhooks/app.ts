import { Orders } from '@market/core'
import * as z from 'zod'
import type { GroupDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { routeDocs } from '../openapi/describe.ts'
import { orderDeps } from '../orders/order-deps.ts'

const doc = routeDocs('payments')

const WebhookResult = z.object({ received: z.literal(true), result: z.enum(['applied', 'ignored', 'replayed']) })

/** Stripe's calls to us. The signature is checked over the raw body, exactly as Stripe sent it. */
/** The ports this group's routes use: its Lambda builds only these. */
export type WebhooksDeps = GroupDeps<'orders' | 'payments' | 'clock' | 'ids'>

export const createWebhooksApp = (deps: WebhooksDeps) =>
  createGroupApp(deps).post(
    '/api/webhooks/stripe',
    doc('Stripe events (signed): payments completed, expired, failed and refunded', {
      200: ['Taken (applied once; replays change nothing)', WebhookResult],
    }),
    async (c) => {
      const ports = await orderDeps(deps)
      if (!ports.payments) throw new Orders.StripeUnavailableError()
      const event = await ports.payments.parseWebhook(await c.req.text(), c.req.header('Stripe-Signature'))
      const result = await Orders.handlePaymentEvent(ports, event)
      deps.log({ level: 'info', msg: 'stripe event', requestId: c.var.requestId, eventId: event.id, type: event.type, result })
      return c.json({ received: true as const, result }, 200)
    },
  )

export type WebhooksApp = ReturnType<typeof createWebhooksApp>
