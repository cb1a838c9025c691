import type { Order, SupplierFigures } from '@market/contracts'
import { responseSampleSize } from '@market/contracts/values'

/**
 * A supplier's objective figures, kept on its own stats item as the events happen (no Scan): each
 * counter changes in the transaction of the order, bid or listing change it counts.
 */
export type SupplierStats = {
  /** Orders shipped, and of those shipped by the ship-by date the order promised when paid. */
  shipped: number
  shippedOnTime: number
  /** Orders that completed; disputes settled, and those settled with a refund (lost). */
  completed: number
  disputesResolved: number
  disputesLost: number
  activeListings: number
  /** Minutes from a request's posting to this supplier's first bid on it, oldest first (the latest `responseSampleSize` count). */
  responseMinutes: number[]
}
export type StatsCounter = Exclude<keyof SupplierStats, 'responseMinutes'>

export const noStats = (): SupplierStats => ({
  shipped: 0,
  shippedOnTime: 0,
  completed: 0,
  disputesResolved: 0,
  disputesLost: 0,
  activeListings: 0,
  responseMinutes: [],
})

/** A change to one supplier's stats, carried by the transaction of the event it counts. */
export type StatsChange = {
  supplierId: string
  add?: Partial<Record<StatsCounter, number>>
  /** A first bid on a request: its response time joins the sample. */
  responseMinutes?: number
}

/** The exact median: the middle value, or the mean of the two middle ones. */
export const median = (values: number[]) => {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null)

/** Whole months from `since` to `now`. */
export const monthsBetween = (since: string, now: Date) => {
  const start = new Date(since)
  const months = (now.getUTCFullYear() - start.getUTCFullYear()) * 12 + now.getUTCMonth() - start.getUTCMonth()
  return Math.max(0, now.getUTCDate() < start.getUTCDate() ? months - 1 : months)
}

export const figuresOf = (stats: SupplierStats, memberSince: string, now: Date): SupplierFigures => {
  const sample = stats.responseMinutes.slice(-responseSampleSize)
  const finished = stats.completed + stats.disputesResolved
  return {
    shipped: stats.shipped,
    shippedOnTime: stats.shippedOnTime,
    onTimeRate: share(stats.shippedOnTime, stats.shipped),
    completed: stats.completed,
    disputesLost: stats.disputesLost,
    completionRate: share(finished - stats.disputesLost, finished),
    medianResponseMinutes: median(sample),
    responseSample: sample.length,
    activeListings: stats.activeListings,
    memberSince,
    monthsOnExchange: monthsBetween(memberSince, now),
  }
}

const day = 24 * 3600 * 1000

/**
 * The ship-by date an order promises once paid: the payment time plus the listing's lead time, or,
 * for an awarded request, the end of the day (in Lhasa) the buyer needed the goods by.
 */
export const shipByOf = (order: Pick<Order, 'leadTimeDays' | 'neededBy'>, paidAt: string) => {
  if (order.neededBy) return new Date(Date.parse(`${order.neededBy}T00:00:00+08:00`) + day - 1).toISOString()
  return order.leadTimeDays === undefined ? undefined : new Date(Date.parse(paidAt) + order.leadTimeDays * day).toISOString()
}

/** The order after a step, with its ship-by fixed if the step paid it. */
export const withShipBy = (previous: Order, next: Order): Order => {
  if (next.status !== 'paid' || previous.status === 'paid' || next.shipBy) return next
  const shipBy = shipByOf(next, next.payment.paidAt ?? next.updatedAt)
  return shipBy ? { ...next, shipBy } : next
}

/**
 * What an order's step adds to its supplier's figures: a shipment (on time when by the ship-by; an
 * order paid without one, from before ship-by dates were kept, is not counted), a completion, a
 * settled dispute (lost when the buyer was refunded).
 */
export const statsChangeOf = (previous: Order, next: Order): StatsChange | undefined => {
  if (previous.status === next.status) return undefined
  const add =
    next.status === 'shipped' && next.shipBy
      ? { shipped: 1, shippedOnTime: Number((next.shipment?.shippedAt ?? next.updatedAt) <= next.shipBy) }
      : next.status === 'completed'
        ? { completed: 1 }
        : next.status === 'resolved'
          ? { disputesResolved: 1, disputesLost: Number(next.dispute?.resolution?.outcome === 'refund') }
          : undefined
  return add ? { supplierId: next.supplier.id, add } : undefined
}
