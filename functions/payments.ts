import type { Orders } from '@market/core'
import { createStripeGateway } from '@market/payments'
import Stripe from 'stripe'
import type { AppSecrets } from './secrets.ts'

/** The deploy starts the Stripe keys as "unset" until someone pastes real ones in. */
const configured = (value: string | undefined): value is string => Boolean(value && value !== 'unset')

/** One Stripe client per process, built when its keys are first needed; null without keys. */
export const stripeOnce = (secrets: () => Promise<AppSecrets>) => {
  let gateway: Promise<Orders.PaymentGateway | null> | undefined
  return () => {
    gateway ??= secrets().then(({ STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: webhookSecret }) =>
      configured(key) && configured(webhookSecret)
        ? createStripeGateway(new Stripe(key, { maxNetworkRetries: 2, telemetry: false }), webhookSecret)
        : null,
    )
    return gateway
  }
}
