import type { AuditEntry, Listing, Order, OrderFlag, OrderFlagKind, OrdersQuery } from '@market/contracts'
import type { BrowseCandidate } from '../listings/ports.ts'
import type { MarketChange } from '../metrics/changes.ts'
import type { OutgoingNotification } from '../notifications/notifications.ts'
import type { KeyAnswer, KeyedRead, KeyRecord, RequestKey } from '../ports.ts'
import type { StatsChange } from '../ratings/figures.ts'
import type { SampleChanges, SampleCredit, SamplePair } from './samples.ts'

export type StoredOrder = Order

/** What placing an order takes from a listing, checked in the same transaction as the order. */
export type StockClaim = { listingId: string; quantity: number; priceVersion: number }

/**
 * What a sample order checks and holds: the listing still offers the sample at this price, and the
 * buyer has no other open sample order of it (SampleAlreadyOrderedError otherwise).
 */
export type SampleClaim = SamplePair & { priceFen: number }

export type OrderChange = {
  order: StoredOrder
  expected: { version: number; status: Order['status'] }
  /** A cancelled order's units go back on the listing. */
  restoreStock?: { listingId: string; quantity: number }
  /** The Stripe event behind the change: recorded once, so a replay changes nothing. */
  stripeEventId?: string
  /** Flags the change raises and settles: the administrators' queue changes with the order. */
  flags?: { raised: OrderFlag[]; settled: OrderFlag[] }
  notifications?: OutgoingNotification[]
  audit?: AuditEntry
  /** The Idempotency-Key the change answers, recorded in its transaction. */
  keyAnswer?: KeyAnswer
  /** What the step adds to the supplier's figures (shipped, on time, completed, disputes), in its transaction. */
  supplierStats?: StatsChange
  /** What the step adds to the market's figures (payment, refund, shipment, dispute), in its transaction. */
  market?: MarketChange
  /** A sample order's hold released or its credit granted; a cancelled bulk order's credit given back. */
  samples?: SampleChanges
}

export type PlacementInput = { listingId: string; buyerId: string; key?: Omit<RequestKey, 'requestHash'> | undefined }
export type PlacementRead = { listing: Listing | undefined; credit: SampleCredit | undefined; recorded: KeyRecord | undefined }

export interface OrderStore {
  /**
   * The order with its stock claim, notifications, the answer of its Idempotency-Key and the guard
   * of its number in one transaction (OrderNumberTakenError when another order has the number;
   * KeyAnsweredError when the key was answered meanwhile).
   */
  place(input: {
    order: StoredOrder
    claim?: StockClaim
    /** A sample order: the listing's sample checked and the buyer's hold taken instead of stock. */
    sample?: SampleClaim
    /** The sample credit this bulk order uses up (SampleCreditChangedError if another order used it meanwhile). */
    credit?: SampleCredit
    notifications?: OutgoingNotification[]
    keyAnswer?: KeyAnswer
  }): Promise<void>
  /**
   * What placing an order reads first, in one BatchGet (which may be the session's): the listing,
   * the buyer's sample credit on it (possibly past its date: the caller checks) and the answer of
   * the request's Idempotency-Key (within its day).
   */
  placementRead(input: PlacementInput, now: Date): KeyedRead<PlacementRead>
  /** The placement's first read (made now unless `first` is it, read with the session), then the listing's supplier. */
  forPlacement(
    input: PlacementInput,
    now: Date,
    first?: PlacementRead,
  ): Promise<{ found: BrowseCandidate | undefined; credit: SampleCredit | undefined; recorded: KeyRecord | undefined }>
  /** The buyer's sample credit on the listing, if any (possibly past its date: the caller checks). */
  sampleCredit(pair: SamplePair): Promise<SampleCredit | undefined>
  get(id: string): Promise<StoredOrder | undefined>
  change(change: OrderChange): Promise<void>
  /** Records a Stripe event that changes nothing; false when it was seen before. */
  recordStripeEvent(eventId: string): Promise<boolean>
  findByPaymentIntent(paymentIntentId: string): Promise<StoredOrder | undefined>
  listForParty(userId: string, query: OrdersQuery): Promise<{ items: StoredOrder[]; nextCursor: string | null }>
  listByStatus(
    status: Order['status'],
    page: { cursor?: string; limit: number },
  ): Promise<{ items: StoredOrder[]; nextCursor: string | null }>
  /**
   * Orders whose deadline in `queue` is before `by`: unpaid ones to cancel (by payment due time),
   * delivered ones to complete (by completion time), recorded transfers (by the time they were
   * recorded) to flag.
   */
  listDue(queue: 'payment' | 'completion' | 'transfer', by: Date, limit: number): Promise<StoredOrder[]>
  /** Orders with an open flag of this kind, oldest flag first. */
  listFlagged(
    kind: OrderFlagKind,
    page: { cursor?: string; limit: number },
  ): Promise<{ items: StoredOrder[]; nextCursor: string | null }>
}

/** What the market needs to know of a Stripe event; the adapter maps Stripe's objects to it. */
export type PaymentEvent = {
  id: string
  type: 'checkout.session.completed' | 'checkout.session.expired' | 'payment_intent.payment_failed' | 'charge.refunded' | 'other'
  orderId?: string
  paymentIntentId?: string
  checkoutSessionId?: string
  paid?: boolean
  /** What was charged (a session's amount_total, a charge's amount), in fen. */
  amountFen?: number
  /** As Stripe spells it: lower case (`cny`). */
  currency?: string
  /** Refunded so far, all refunds of the charge together. */
  amountRefundedFen?: number
}

/** How a Checkout Session ended when asked to expire: expired now (or before), or paid first. */
export type CheckoutClosing = 'expired' | 'complete'

export interface PaymentGateway {
  /** Throws StripeUnreachableError when Stripe cannot be reached or fails (as do the others). */
  createCheckout(
    order: StoredOrder,
    input: { success: string; cancel: string; expiresAt: Date },
  ): Promise<{ sessionId: string; url: string }>
  /** Closes an open session so it can no longer be paid; a session already expired or paid is no error. */
  expireCheckout(sessionId: string): Promise<CheckoutClosing>
  /** Verifies the signature over the raw body; throws InvalidWebhookError when it does not match. */
  parseWebhook(rawBody: string, signature: string | undefined): Promise<PaymentEvent>
  refund(input: { paymentIntentId: string; amountFen: number; idempotencyKey: string }): Promise<{ refundId: string }>
}
