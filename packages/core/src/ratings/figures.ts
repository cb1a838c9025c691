import type { SupplierFigures } from '@market/contracts'
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
