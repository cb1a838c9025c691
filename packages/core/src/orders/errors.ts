import { DomainError } from '../errors.ts'

export class OrderStateError extends DomainError {
  /** `stage` refines an unpaid status: a bank transfer awaiting confirmation, or overdue. */
  constructor(status: string, action: string, stage: string = status) {
    super(
      'conflict',
      'order.wrong_status',
      `An order that is ${stage === status ? status : `${status} (${stage})`} cannot take this step: ${action}`,
      stage === status ? { status } : { status, stage },
    )
  }
}

export class InsufficientStockError extends DomainError {
  constructor(available: number) {
    super('conflict', 'listing.insufficient_stock', 'Not enough stock for this quantity', { available })
  }
}

export class ListingUnavailableError extends DomainError {
  constructor() {
    super('conflict', 'listing.unavailable', 'This listing is no longer on the market')
  }
}

export class PriceChangedError extends DomainError {
  constructor() {
    super('conflict', 'order.price_changed', 'The supplier changed the price just now; look again and reorder')
  }
}

export class BelowMinimumError extends DomainError {
  constructor(moq: number) {
    super('unprocessable', 'order.below_moq', `The minimum order is ${moq}`, { moq })
  }
}

export class OwnListingError extends DomainError {
  constructor() {
    super('unprocessable', 'order.own_listing', 'Suppliers cannot order their own listings')
  }
}

export class NotPartyRoleError extends DomainError {
  constructor(role: string) {
    super('forbidden', 'order.not_your_step', `Only the ${role} can do this`, { role })
  }
}

export class DisputeWindowClosedError extends DomainError {
  constructor() {
    super('unprocessable', 'order.dispute_window_closed', 'Disputes can be opened within 7 days of delivery')
  }
}

export class StripeUnavailableError extends DomainError {
  constructor() {
    super('unprocessable', 'payments.stripe_unavailable', 'Card, Alipay and WeChat Pay are not set up here; pay by bank transfer')
  }
}

export class InvalidWebhookError extends DomainError {
  constructor() {
    super('invalid', 'webhook.invalid_signature', 'The Stripe signature does not match')
  }
}

/** The repository refused a change because its Stripe event was applied before. */
export class PaymentEventSeenError extends DomainError {
  constructor() {
    super('conflict', 'order.event_seen', 'This payment event was handled before')
  }
}

export class PaidAtOutOfRangeError extends DomainError {
  constructor() {
    super('invalid', 'order.paid_at_out_of_range', 'paidAt must lie between the day the order was placed and now', [
      { path: ['paidAt'], message: 'Not within the order’s life: from the day it was placed until now' },
    ])
  }
}

export class PaymentInProgressError extends DomainError {
  constructor() {
    super(
      'conflict',
      'order.payment_in_progress',
      'A card payment for this order has just completed; wait for it to be confirmed',
    )
  }
}

/** Stripe could not be reached, or failed: nothing was changed, and the same request may be retried. */
export class StripeUnreachableError extends DomainError {
  constructor() {
    super(
      'unavailable',
      'payments.unreachable',
      'The payment service did not answer; nothing was changed, please retry',
      undefined,
      5,
    )
  }
}
