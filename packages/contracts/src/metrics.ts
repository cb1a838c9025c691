import * as z from 'zod'
import { LocalizedText } from './catalog.ts'
import { text } from './fields.ts'
import { UnitId } from './listings.ts'
import * as values from './values.ts'

const day = z.iso.date()
/** Days the market's calendar covers (four-digit years, so that days sort as text). */
const marketDay = day.refine((value) => value >= values.metricsDays.from && value <= values.metricsDays.to, {
  message: `A day from ${values.metricsDays.from} to ${values.metricsDays.to}`,
})

export const MetricsQuery = z
  .strictObject({ from: marketDay, to: marketDay, granularity: z.enum(values.metricsGranularities).default('month') })
  .refine((query) => query.from <= query.to, { message: 'from must not be after to', path: ['from'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= values.maxMetricsSpanDays * 86_400_000, {
    message: `At most ${values.maxMetricsSpanDays} days at once`,
    path: ['to'],
  })
export type MetricsQuery = z.infer<typeof MetricsQuery>

/** Shares are fractions (0–1), null where there is nothing to divide by; money is in fen. */
export const MetricsPeriod = z.object({
  /** `YYYY-MM` by month, the Monday (`YYYY-MM-DD`) by week; days are China Standard Time. */
  period: z.string(),
  start: day,
  end: day,
  /** Paid orders net of refunds. */
  gmvFen: z.number().int(),
  gmvByCategory: z.record(z.string(), z.number().int()),
  ordersPaid: z.number().int(),
  activeBuyers: z.number().int(),
  activeSuppliers: z.number().int(),
  newListings: z.number().int(),
  requestsPosted: z.number().int(),
  requestsAwarded: z.number().int(),
  requestsClosed: z.number().int(),
  fillRate: z.number().nullable(),
  /** The upper bound of the bucket the median falls in. */
  medianFirstBidMinutes: z.number().nullable(),
  onTimeDeliveryRate: z.number().nullable(),
  disputeRate: z.number().nullable(),
  /** Certifications do not exist yet: 0 until they do. */
  certifiedSuppliers: z.number().int(),
  previousYearGmvFen: z.number().int(),
  growthPercent: z.number().nullable(),
  targetGrowthPercent: z.number(),
})
export type MetricsPeriod = z.infer<typeof MetricsPeriod>

export const MetricsReport = z.object({
  from: day,
  to: day,
  granularity: z.enum(values.metricsGranularities),
  periods: z.array(MetricsPeriod),
  /** Suppliers holding at least one valid certification today (a stock, not a flow: counted now, not per period). */
  certifiedSuppliers: z.number().int(),
})
export type MetricsReport = z.infer<typeof MetricsReport>

const growthPercent = z.number().min(-100).max(1000)
export const GrowthTargetInput = z.strictObject({
  year: z.number().int().min(values.growthTargetYears.min).max(values.growthTargetYears.max),
  growthPercent,
  /** Why, for the audit log. */
  reason: text(values.maxReasonLength).optional(),
})
export type GrowthTargetInput = z.infer<typeof GrowthTargetInput>

export const GrowthTargets = z.object({
  /** Set by an administrator, or the plan's. */
  targets: z.array(z.object({ year: z.number().int(), growthPercent: z.number() })),
  laterYearsGrowthPercent: z.number(),
})
export type GrowthTargets = z.infer<typeof GrowthTargets>

const categoryId = z.string().regex(values.categoryIdPattern)
export const IndexMaterialsInput = z.strictObject({
  categoryIds: z.array(categoryId).min(1).max(values.maxIndexMaterials),
  reason: text(values.maxReasonLength).optional(),
})
export type IndexMaterialsInput = z.infer<typeof IndexMaterialsInput>
export const IndexMaterials = z.object({ categoryIds: z.array(z.string()) })
export type IndexMaterials = z.infer<typeof IndexMaterials>

export const PriceIndexQuery = z.strictObject({
  /** One material (a category id); every index material when absent. */
  material: categoryId.optional(),
  weeks: z.coerce
    .number()
    .int()
    .min(values.priceIndexWeeks.min)
    .max(values.priceIndexWeeks.max)
    .default(values.priceIndexWeeks.default),
})
export type PriceIndexQuery = z.infer<typeof PriceIndexQuery>

export const PriceIndexPoint = z.object({
  /** The Monday of the week (China Standard Time). */
  week: day,
  medianUnitPriceFen: z.number().nullable(),
  trades: z.number().int(),
})
export const PriceIndexSeries = z.object({
  categoryId: z.string(),
  name: LocalizedText,
  unit: UnitId,
  trades: z.number().int(),
  points: z.array(PriceIndexPoint),
})
export type PriceIndexSeries = z.infer<typeof PriceIndexSeries>
export const PriceIndex = z.object({ weeks: z.array(day), series: z.array(PriceIndexSeries) })
export type PriceIndex = z.infer<typeof PriceIndex>
