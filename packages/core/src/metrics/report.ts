import type { GrowthTargets, MetricsPeriod, MetricsQuery, MetricsReport } from '@market/contracts'
import { firstBidBucketsMinutes, laterYearsGrowthPercent, planGrowthPercent } from '@market/contracts/values'
import { type Granularity, periodEnd, periodOf, periodStart, periodsBetween, yearEarlier } from './calendar.ts'
import { categoryGmvCounter, counters, firstBidCounter } from './changes.ts'

/** One day's counters, all shards added up, with the parties active that day. */
export type DayTotals = { day: string; add: Record<string, number>; buyers: string[]; suppliers: string[] }

/**
 * The median of values counted in buckets: the upper bound of the bucket that holds the middle
 * value (the lower middle one for an even count). Null for no values.
 */
export const medianFromHistogram = (counts: readonly number[], bounds: readonly number[]) => {
  const total = counts.reduce((sum, count) => sum + count, 0)
  if (total === 0) return null
  const middle = Math.ceil(total / 2)
  let seen = 0
  for (const [index, count] of counts.entries()) {
    seen += count
    if (seen >= middle) return bounds[index] ?? null
  }
  return null
}

/** Growth in per cent, to one decimal; null when the year before had nothing to grow from. */
export const growthPercent = (current: number, previous: number) =>
  previous > 0 ? Math.round((current / previous - 1) * 1000) / 10 : null

/** The target of a year: set by an administrator, else the plan's, else the later years' one. */
export const targetPercentOf = (year: number, set: Readonly<Record<number, number>>) =>
  set[year] ?? planGrowthPercent[year] ?? laterYearsGrowthPercent

export const growthTargets = (set: Readonly<Record<number, number>>): GrowthTargets => {
  const years = [...new Set([...Object.keys(planGrowthPercent), ...Object.keys(set)].map(Number))].sort((a, b) => a - b)
  return {
    targets: years.map((year) => ({ year, growthPercent: targetPercentOf(year, set) })),
    laterYearsGrowthPercent,
  }
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null)
const categoryPrefix = categoryGmvCounter('')

/** The days a report reads: from the start of the year before its first period to the end of its last. */
export const daysToRead = ({ from, to, granularity }: MetricsQuery) => {
  const periods = periodsBetween(from, to, granularity)
  const first = periods[0] as string
  const last = periods.at(-1) as string
  return { from: periodStart(yearEarlier(first, granularity), granularity), to: periodEnd(last, granularity) }
}

/** The market's figures by period, each beside the same period a year earlier and the year's target. */
export const buildReport = (
  days: readonly DayTotals[],
  query: MetricsQuery,
  targets: Readonly<Record<number, number>>,
): Omit<MetricsReport, 'certifiedSuppliers'> => {
  const { granularity } = query as { granularity: Granularity }
  const byPeriod = new Map<string, DayTotals[]>()
  for (const day of days) {
    const period = periodOf(day.day, granularity)
    byPeriod.set(period, [...(byPeriod.get(period) ?? []), day])
  }
  const sum = (period: string, name: string) =>
    (byPeriod.get(period) ?? []).reduce((total, day) => total + (day.add[name] ?? 0), 0)
  const gmv = (period: string) => sum(period, counters.paidFen) - sum(period, counters.refundedFen)
  const periods = periodsBetween(query.from, query.to, granularity).map((period): MetricsPeriod => {
    const daysOf = byPeriod.get(period) ?? []
    const distinct = (pick: (day: DayTotals) => string[]) => new Set(daysOf.flatMap(pick)).size
    const gmvByCategory: Record<string, number> = {}
    for (const day of daysOf) {
      for (const [name, value] of Object.entries(day.add)) {
        if (!name.startsWith(categoryPrefix)) continue
        const category = name.slice(categoryPrefix.length)
        gmvByCategory[category] = (gmvByCategory[category] ?? 0) + value
      }
    }
    const ordersPaid = sum(period, counters.ordersPaid)
    const previousYearGmvFen = gmv(yearEarlier(period, granularity))
    const gmvFen = gmv(period)
    return {
      period,
      start: periodStart(period, granularity),
      end: periodEnd(period, granularity),
      gmvFen,
      gmvByCategory,
      ordersPaid,
      activeBuyers: distinct((day) => day.buyers),
      activeSuppliers: distinct((day) => day.suppliers),
      newListings: sum(period, counters.newListings),
      requestsPosted: sum(period, counters.requestsPosted),
      requestsAwarded: sum(period, counters.requestsAwarded),
      requestsClosed: sum(period, counters.requestsClosed),
      fillRate: share(sum(period, counters.requestsAwarded), sum(period, counters.requestsClosed)),
      medianFirstBidMinutes: medianFromHistogram(
        firstBidBucketsMinutes.map((_, bucket) => sum(period, firstBidCounter(bucket))),
        firstBidBucketsMinutes,
      ),
      onTimeDeliveryRate: share(sum(period, counters.shippedOnTime), sum(period, counters.shipped)),
      disputeRate: share(sum(period, counters.disputes), ordersPaid),
      certifiedSuppliers: 0,
      previousYearGmvFen,
      growthPercent: growthPercent(gmvFen, previousYearGmvFen),
      targetGrowthPercent: targetPercentOf(Number(periodStart(period, granularity).slice(0, 4)), targets),
    }
  })
  return { from: query.from, to: query.to, granularity, periods }
}

/** The exact weekly median of prices counted by trade: the middle trade's price (the mean of the two middle ones). */
export const weightedMedian = (observations: readonly { unitPriceFen: number; trades: number }[]) => {
  const sorted = [...observations].sort((a, b) => a.unitPriceFen - b.unitPriceFen)
  const total = sorted.reduce((sum, entry) => sum + entry.trades, 0)
  if (total === 0) return null
  const at = (rank: number) => {
    let seen = 0
    for (const entry of sorted) {
      seen += entry.trades
      if (seen > rank) return entry.unitPriceFen
    }
    return sorted.at(-1)?.unitPriceFen ?? 0
  }
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2
}
