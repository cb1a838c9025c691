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
        ...(typeof session.amount_total === 'number' ? { amountFen: session.amount_total } : {}),
        ...(session.currency ? { currency: session.currency } : {}),
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
      return {
        id: event.id,
        type,
        amountFen: charge.amount,
        currency: charge.currency,
        amountRefundedFen: charge.amount_refunded,
        ...(paymentIntentId ? { paymentIntentId } : {}),
      }
    }
    default:
      return { id: event.id, type: 'other' }
  }
}

/** Stripe's errors that say "not now" rather than "not this": unreachable, failing, or rate limiting us. */
const transientErrors = new Set(['StripeConnectionError', 'StripeAPIError', 'StripeRateLimitError'])

/** A call to Stripe; a transient failure becomes StripeUnreachableError (503: nothing changed, retry). */
const callStripe = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call()
  } catch (error) {
    if (transientErrors.has((error as { type?: string }).type ?? '')) throw new Orders.StripeUnreachableError()
    throw error
  }
}

const yuan = (fen: number) => (fen / 100).toFixed(2)

const lineName = (order: Orders.StoredOrder, line: Orders.StoredOrder['lines'][number], index: number) => {
  const goods = order.sample ? `样品 Sample: ${line.title.zh}` : `${line.title.zh} × ${line.quantity} ${line.unit}`
  const credit = index === 0 ? order.sampleCredit?.amountFen : undefined
  return credit ? `${goods}（样品费抵扣 sample credit −¥${yuan(credit)}）` : goods
}

export const createStripeGateway = (stripe: Stripe, webhookSecret: string): Orders.PaymentGateway => ({
  createCheckout: async (order, { success, cancel, expiresAt }) => {
    const expiresAtSeconds = Math.floor(expiresAt.getTime() / 1000)
    const session = await callStripe(() =>
      stripe.checkout.sessions.create(
        {
          mode: 'payment',
          currency: 'cny',
          allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'],
          payment_method_options: { wechat_pay: { client: 'web' } },
          // Freight is its own line, so the session charges the order's total (the webhook checks it against totalFen).
          line_items: [
            ...order.lines.map((line, index) => ({
              quantity: 1,
              price_data: {
                currency: 'cny',
                // Stripe takes no negative line: a sample credit comes off the first line, and says so.
                unit_amount: line.amountFen - (index === 0 ? (order.sampleCredit?.amountFen ?? 0) : 0),
                product_data: { name: lineName(order, line, index) },
              },
            })),
            ...(order.freightFen
              ? [
                  {
                    quantity: 1,
                    price_data: { currency: 'cny', unit_amount: order.freightFen, product_data: { name: '运费 Freight' } },
                  },
                ]
              : []),
          ],
          client_reference_id: order.id,
          metadata: { orderId: order.id },
          payment_intent_data: { metadata: { orderId: order.id } },
          expires_at: expiresAtSeconds,
          success_url: success,
          cancel_url: cancel,
        },
        // One session per order version: a retried request gets the same session, never a second
        // charge. Stripe refuses a key reused with other parameters, so the key names the expiry too.
        { idempotencyKey: `checkout-${order.id}-${order.version}-${expiresAtSeconds}` },
      ),
    )
    if (!session.url) throw new Error('Stripe returned a Checkout Session without a URL')
    return { sessionId: session.id, url: session.url }
  },

  expireCheckout: async (sessionId) => {
    try {
      await callStripe(() => stripe.checkout.sessions.expire(sessionId))
      return 'expired'
    } catch (error) {
      // Only open sessions can be expired: one that is not any more was paid or expired before.
      if ((error as { type?: string }).type !== 'StripeInvalidRequestError') throw error
      const session = await callStripe(() => stripe.checkout.sessions.retrieve(sessionId))
      if (session.status === 'open') throw error
      return session.status === 'complete' ? 'complete' : 'expired'
    }
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
    const refund = await callStripe(() =>
      stripe.refunds.create({ payment_intent: paymentIntentId, amount: amountFen }, { idempotencyKey }),
    )
    return { refundId: refund.id }
  },
})
