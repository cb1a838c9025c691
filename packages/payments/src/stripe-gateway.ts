import { Orders } from '@market/core'
import type Stripe from 'stripe'

const handledTypes = new Set<Orders.PaymentEvent['type']>([
  'checkout.session.completed',
  'checkout.session.expired',
  'payment_intent.payment_failed',
  'charge.refunded',
])

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : value?.id)

/** The facts of a Stripe event the market acts on; the order is named in the metadata we set. */
export const toPaymentEvent = (event: Stripe.Event): Orders.PaymentEvent => {
  const type = handledTypes.has(event.type as Orders.PaymentEvent['type']) ? (event.type as Orders.PaymentEvent['type']) : 'other'
  const object = event.data.object as unknown as Record<string, unknown> & { metadata?: Record<string, string> | null }
  const orderId = object.metadata?.orderId
  switch (type) {
    case 'checkout.session.completed':
    case 'checkout.session.expired': {
      const session = event.data.object as Stripe.Checkout.Session
      const paymentIntentId = idOf(session.payment_intent)
      return {
        id: event.id,
        type,
        checkoutSessionId: session.id,
        paid: session.payment_status === 'paid',
        ...(orderId ? { orderId } : {}),
        ...(paymentIntentId ? { paymentIntentId } : {}),
      }
    }
    case 'payment_intent.payment_failed':
      return {
        id: event.id,
        type,
        paymentIntentId: (event.data.object as Stripe.PaymentIntent).id,
        ...(orderId ? { orderId } : {}),
      }
    case 'charge.refunded': {
      const charge = event.data.object as Stripe.Charge
      const paymentIntentId = idOf(charge.payment_intent)
      return { id: event.id, type, amountRefundedFen: charge.amount_refunded, ...(paymentIntentId ? { paymentIntentId } : {}) }
    }
    default:
      return { id: event.id, type: 'other' }
  }
}

export const createStripeGateway = (stripe: Stripe, webhookSecret: string): Orders.PaymentGateway => ({
  createCheckout: async (order, urls) => {
    const session = await stripe.checkout.sessions.create(
      {
        mode: 'payment',
        currency: 'cny',
        allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'],
        payment_method_options: { wechat_pay: { client: 'web' } },
        line_items: order.lines.map((line) => ({
          quantity: 1,
          price_data: {
            currency: 'cny',
            unit_amount: line.amountFen,
            product_data: { name: `${line.title.zh} × ${line.quantity} ${line.unit}` },
          },
        })),
        client_reference_id: order.id,
        metadata: { orderId: order.id },
        payment_intent_data: { metadata: { orderId: order.id } },
        success_url: urls.success,
        cancel_url: urls.cancel,
      },
      // One session per order version: a retried request gets the same session, never a second charge.
      { idempotencyKey: `checkout-${order.id}-${order.version}` },
    )
    if (!session.url) throw new Error('Stripe returned a Checkout Session without a URL')
    return { sessionId: session.id, url: session.url }
  },

  parseWebhook: async (rawBody, signature) => {
    if (!signature) throw new Orders.InvalidWebhookError()
    let event: Stripe.Event
    try {
      event = stripe.webhooks.constructEvent(rawBody, signature, webhookSecret)
    } catch {
      throw new Orders.InvalidWebhookError()
    }
    return toPaymentEvent(event)
  },

  refund: async ({ paymentIntentId, amountFen, idempotencyKey }) => {
    const refund = await stripe.refunds.create({ payment_intent: paymentIntentId, amount: amountFen }, { idempotencyKey })
    return { refundId: refund.id }
  },
})
