import type { Orders } from '@market/core'
import type { PortBuilder } from './lambda-deps.ts'
import type { AppSecrets } from './secrets.ts'

/** The deploy starts the Stripe keys as "unset" until someone pastes real ones in. */
const configured = (value: string | undefined): value is string => Boolean(value && value !== 'unset')

/**
 * A gateway that loads Stripe's SDK on its first payment call, not when the function starts: most
 * requests, even in the paying functions, never call Stripe, and the SDK is the costliest import.
 */
const lazyStripeGateway = (key: string, webhookSecret: string): Orders.PaymentGateway => {
  let loaded: Promise<Orders.PaymentGateway> | undefined
  const gateway = () => {
    loaded ??= Promise.all([import('stripe'), import('@market/payments')]).then(
      ([{ default: Stripe }, { createStripeGateway }]) =>
        createStripeGateway(new Stripe(key, { maxNetworkRetries: 2, telemetry: false }), webhookSecret),
    )
    return loaded
  }
  return {
    createCheckout: async (order, input) => (await gateway()).createCheckout(order, input),
    expireCheckout: async (sessionId) => (await gateway()).expireCheckout(sessionId),
    parseWebhook: async (rawBody, signature) => (await gateway()).parseWebhook(rawBody, signature),
    refund: async (input) => (await gateway()).refund(input),
  }
}

/** One Stripe gateway per process, known once the keys are read; null without keys. */
export const stripeOnce = (secrets: () => Promise<AppSecrets>) => {
  let gateway: Promise<Orders.PaymentGateway | null> | undefined
  return () => {
    gateway ??= secrets().then(({ STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: webhookSecret }) =>
      configured(key) && configured(webhookSecret) ? lazyStripeGateway(key, webhookSecret) : null,
    )
    return gateway
  }
}

export type PaymentsSource = typeof stripeOnce

/** Stripe for a Lambda that pays or refunds. */
export const payments: PortBuilder<'payments'> = ({ secrets }) => stripeOnce(secrets)
