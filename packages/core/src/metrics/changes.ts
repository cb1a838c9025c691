import type { Listing, Order, Rfq } from '@market/contracts'
import { firstBidBucketsMinutes } from '@market/contracts/values'
import { cstDay, weekOf } from './calendar.ts'

/**
 * What one event adds to the market's counters of its day (China Standard Time): written in the
 * transaction of the event itself, so the figures never disagree with what happened.
 */
export type MarketChange = {
  day: string
  add: Record<string, number>
  /** Parties active that day (a paid order's buyer and supplier). */
  buyers?: string[]
  suppliers?: string[]
  /** A paid order's unit price, one trade of its material in its week. */
  price?: PriceObservation
}
export type PriceObservation = { categoryId: string; week: string; unit: string; unitPriceFen: number; trades?: number }

/** The counters, by name. Per-category and per-bucket counters are named by the functions below. */
export const counters = {
  ordersPaid: 'ordersPaid',
  paidFen: 'paidFen',
  refundedFen: 'refundedFen',
  shipped: 'shipped',
  shippedOnTime: 'shippedOnTime',
  disputes: 'disputes',
  newListings: 'newListings',
  requestsPosted: 'requestsPosted',
  requestsAwarded: 'requestsAwarded',
  requestsClosed: 'requestsClosed',
} as const
/** Paid (and refunded) fen of one category: GMV by category, net of refunds. */
export const categoryGmvCounter = (categoryId: string) => `gmvFen:${categoryId}`
export const firstBidCounter = (bucket: number) => `firstBid:${bucket}`
const uncategorised = 'other'

/** The bucket a time to first bid falls in: the first whose upper bound holds it, else the last. */
export const firstBidBucket = (minutes: number) => {
  const index = firstBidBucketsMinutes.findIndex((bound) => minutes <= bound)
  return index < 0 ? firstBidBucketsMinutes.length - 1 : index
}

const change = (at: string, add: Record<string, number>, extra: Partial<MarketChange> = {}): MarketChange => ({
  day: cstDay(at),
  add,
  ...extra,
})

/**
 * What an order's step adds: a payment (GMV, orders, active parties, a price observation), a
 * refund (GMV taken back, on the day of the refund), a shipment (on time when by its ship-by; an
 * order without one is not counted, as in the supplier's figures), a dispute opened.
 */
export const orderMarketChange = (previous: Order, next: Order): MarketChange | undefined => {
  const category = next.categoryId ?? uncategorised
  const add: Record<string, number> = {}
  let extra: Partial<MarketChange> = {}
  if (next.status === 'paid' && previous.status === 'pending_payment') {
    add[counters.ordersPaid] = 1
    add[counters.paidFen] = next.totalFen
    add[categoryGmvCounter(category)] = next.totalFen
    const line = next.lines[0]
    const at = next.payment.paidAt ?? next.updatedAt
    extra = {
      buyers: [next.buyer.id],
      suppliers: [next.supplier.id],
      // A sample's price is not a unit price of the material.
      ...(line && next.categoryId && !next.sample
        ? { price: { categoryId: next.categoryId, week: weekOf(cstDay(at)), unit: line.unit, unitPriceFen: line.unitPriceFen } }
        : {}),
    }
  }
  const refunded = (next.payment.refund?.amountFen ?? 0) - (previous.payment.refund?.amountFen ?? 0)
  if (refunded > 0 && next.payment.paidAt) {
    add[counters.refundedFen] = refunded
    add[categoryGmvCounter(category)] = (add[categoryGmvCounter(category)] ?? 0) - refunded
  }
  if (next.status === 'shipped' && previous.status === 'paid' && next.shipBy) {
    add[counters.shipped] = 1
    add[counters.shippedOnTime] = Number((next.shipment?.shippedAt ?? next.updatedAt) <= next.shipBy)
  }
  if (next.status === 'disputed' && previous.status !== 'disputed') add[counters.disputes] = 1
  if (Object.keys(add).length === 0) return undefined
  const at = add[counters.ordersPaid] ? (next.payment.paidAt ?? next.updatedAt) : next.updatedAt
  return change(at, add, extra)
}

/** A listing approved from review is a new listing on the market. */
export const listingMarketChange = (
  expected: { status: Listing['status'] } | 'new',
  listing: Pick<Listing, 'status' | 'updatedAt'>,
): MarketChange | undefined =>
  expected !== 'new' && expected.status === 'pending_review' && listing.status === 'active'
    ? change(listing.updatedAt, { [counters.newListings]: 1 })
    : undefined

export const rfqPostedChange = (rfq: Pick<Rfq, 'createdAt'>): MarketChange =>
  change(rfq.createdAt, { [counters.requestsPosted]: 1 })

/**
 * A request that ends counts as closed (for the fill rate, awarded ÷ closed): awarded, expired
 * unawarded (on its award deadline) or cancelled by the buyer.
 */
export const rfqMarketChange = (previousStatus: Rfq['status'], rfq: Rfq): MarketChange | undefined => {
  if (previousStatus === rfq.status) return undefined
  if (rfq.status === 'awarded')
    return change(rfq.awardedAt ?? rfq.createdAt, { [counters.requestsAwarded]: 1, [counters.requestsClosed]: 1 })
  if (rfq.status === 'expired') return change(rfq.awardDeadline, { [counters.requestsClosed]: 1 })
  if (rfq.status === 'cancelled') return change(rfq.cancelledAt ?? rfq.createdAt, { [counters.requestsClosed]: 1 })
  return undefined
}

/** A request's first bid: its time to first bid joins the day's histogram (the day of the bid). */
export const firstBidChange = (firstBid: { at: string; responseMinutes: number }): MarketChange =>
  change(firstBid.at, { [firstBidCounter(firstBidBucket(firstBid.responseMinutes))]: 1 })

/** Several changes as the fewest: one per day, counters added, parties joined (for bulk writes of history). */
export const mergeChanges = (changes: readonly MarketChange[]): MarketChange[] => {
  const byDay = new Map<string, MarketChange>()
  for (const { day, add, buyers = [], suppliers = [] } of changes) {
    const merged = byDay.get(day) ?? { day, add: {}, buyers: [], suppliers: [] }
    for (const [name, value] of Object.entries(add)) merged.add[name] = (merged.add[name] ?? 0) + value
    merged.buyers = [...new Set([...(merged.buyers ?? []), ...buyers])]
    merged.suppliers = [...new Set([...(merged.suppliers ?? []), ...suppliers])]
    byDay.set(day, merged)
  }
  return [...byDay.values()]
}
