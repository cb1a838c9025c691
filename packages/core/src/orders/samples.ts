import type { Order } from '@market/contracts'
import { DomainError } from '../errors.ts'

/** A paid sample is credited on the buyer's next bulk order of its listing within this many days. */
export const sampleCreditDays = 60

/** A sample the buyer paid for, waiting to be credited on a bulk order of the same listing. */
export type SampleCredit = {
  buyerId: string
  listingId: string
  orderId: string
  orderNumber?: string
  amountFen: number
  /** ISO time after which it is no longer credited. */
  until: string
}

/** Where the store keeps a buyer's open sample order of a listing and the credit of a paid one. */
export type SamplePair = { buyerId: string; listingId: string }

/** What a step of an order does to its samples, written in the same transaction as the order. */
export type SampleChanges = {
  /** The sample order ended: the buyer may order another sample of the listing. */
  releaseHold?: SamplePair
  /** The sample was paid for (or a cancelled bulk order gives its credit back). */
  grantCredit?: SampleCredit
  /** The sample's money went back to the buyer: no credit for it any more. */
  revokeCredit?: SamplePair
}

export class NoSampleError extends DomainError {
  constructor() {
    super('unprocessable', 'order.no_sample', 'This listing offers no sample')
  }
}

export class SampleQuantityError extends DomainError {
  constructor() {
    super('invalid', 'request.invalid', 'A sample is ordered as one sample', [
      { path: ['quantity'], message: 'A sample is ordered as one sample' },
    ])
  }
}

export class SampleAlreadyOrderedError extends DomainError {
  constructor() {
    super('conflict', 'order.sample_open', 'You already have an open sample order for this listing')
  }
}

export class SampleCreditChangedError extends DomainError {
  constructor() {
    super('conflict', 'order.sample_credit_changed', 'Your sample credit was just used by another order; look again and reorder')
  }
}

const ended = new Set<Order['status']>(['completed', 'cancelled', 'resolved'])

const pairOf = (order: Order): SamplePair | undefined => {
  const listingId = order.lines[0]?.listingId
  return listingId ? { buyerId: order.buyer.id, listingId } : undefined
}

const goodsFen = (order: Order) => order.lines.reduce((sum, line) => sum + line.amountFen, 0)

/** The credit a bulk order of `goods` fen takes from a sample credit still valid at `now`: never more than the goods. */
export const creditOn = (credit: SampleCredit | undefined, goods: number, now: Date) =>
  credit && Date.parse(credit.until) > now.getTime() ? Math.min(credit.amountFen, goods) : 0

/**
 * A sample order's step: paid → its price becomes a credit for 60 days; refunded → the credit goes
 * (if still unused); ended → the buyer may order another sample. A bulk order cancelled before it was paid gives back the credit it took, if still valid.
 */
export const sampleChangesOf = (previous: Order, next: Order, now: Date): SampleChanges => {
  const pair = pairOf(next)
  if (!pair) return {}
  const changes: SampleChanges = {}
  if (next.sample) {
    if (ended.has(next.status) && !ended.has(previous.status)) changes.releaseHold = pair
    if ((next.payment.refund?.amountFen ?? 0) > (previous.payment.refund?.amountFen ?? 0)) changes.revokeCredit = pair
    if (previous.status === 'pending_payment' && next.status === 'paid') {
      const paidAt = Date.parse(next.payment.paidAt ?? next.updatedAt)
      changes.grantCredit = {
        ...pair,
        orderId: next.id,
        ...(next.orderNumber ? { orderNumber: next.orderNumber } : {}),
        amountFen: goodsFen(next),
        until: new Date(paidAt + sampleCreditDays * 24 * 3600 * 1000).toISOString(),
      }
    }
  } else if (next.sampleCredit && previous.status === 'pending_payment' && next.status === 'cancelled') {
    const { valueFen, amountFen: _taken, ...credit } = next.sampleCredit
    if (Date.parse(credit.until) > now.getTime()) changes.grantCredit = { ...pair, ...credit, amountFen: valueFen }
  }
  return changes
}
