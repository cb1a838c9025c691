import * as z from 'zod'
import { ReasonInput } from './accounts.ts'
import { LocalizedText } from './catalog.ts'
import { text, wholeIn } from './fields.ts'
import { RatingSummary, SupplierCard } from './listings.ts'
import * as values from './values.ts'

const star = wholeIn(values.limits.stars)
const count = z.number().int().min(0)

export const RatingDimension = z.enum(values.ratingDimensions)
export type RatingDimension = z.infer<typeof RatingDimension>

/** One rating's stars per dimension. */
export const RatingScores = z.strictObject({ quality: star, onTime: star, accuracy: star, communication: star })
export type RatingScores = z.infer<typeof RatingScores>

/** A buyer rates the supplier of a delivered order, once. */
export const RateInput = RatingScores.extend({ comment: text(values.maxRatingCommentLength).optional() })
export type RateInput = z.infer<typeof RateInput>

/** An edit names the version it was made from (412 when stale); an empty comment removes it. */
export const EditRatingInput = RatingScores.partial().extend({
  version: z.number().int().positive(),
  comment: z.string().trim().max(values.maxRatingCommentLength).optional(),
})
export type EditRatingInput = z.infer<typeof EditRatingInput>

export const ReplyInput = z.strictObject({ text: text(values.maxReplyLength) })
export type ReplyInput = z.infer<typeof ReplyInput>

/** Why a rating is reported, hidden or restored. */
export const RatingReasonInput = ReasonInput
export type RatingReasonInput = z.infer<typeof RatingReasonInput>

/**
 * What a supplier's visible ratings add up to, kept on the supplier's own item and changed in the
 * same transaction as each rating: the count, the sum of each dimension, and how many ratings have
 * each overall star (1★ first).
 */
export const RatingTotals = z.object({
  count,
  sums: z.object({ quality: count, onTime: count, accuracy: count, communication: count }),
  stars: z.array(count).length(5),
})
export type RatingTotals = z.infer<typeof RatingTotals>

/** The totals as a reader wants them: means, the overall mean, the histogram and the ranking score. */
export const RatingAggregate = z.object({
  count,
  sums: RatingTotals.shape.sums,
  means: z.object({ quality: z.number(), onTime: z.number(), accuracy: z.number(), communication: z.number() }),
  /** The mean of all four dimensions of every rating (0 without ratings). */
  overall: z.number(),
  /** How many ratings have each overall star, 1★ first (a rating's overall star is its four dimensions' mean, rounded half up). */
  histogram: z.array(count).length(5),
  /** The Bayesian average the market ranks by (see core/ratings/scores.ts). */
  score: z.number(),
})
export type RatingAggregate = z.infer<typeof RatingAggregate>

export const RatingState = z.enum(values.ratingStates)

export const Rating = z.object({
  id: z.string(),
  orderId: z.string(),
  supplierId: z.string(),
  buyer: z.object({ company: z.string() }),
  /** What was bought. */
  item: LocalizedText.optional(),
  scores: RatingScores,
  /** The mean of the four dimensions, and that rounded half up: the star the histogram counts it under. */
  overall: z.number(),
  stars: z.number().int(),
  comment: z.string().optional(),
  reply: z.object({ text: z.string(), at: z.string() }).optional(),
  status: RatingState,
  /** Why an administrator hid it (its buyer, its supplier and administrators only). */
  hidden: z.object({ reason: z.string(), at: z.string() }).optional(),
  /** Reports not yet settled, and every report (administrators only). */
  openReports: z.number().int().optional(),
  reports: z.array(z.object({ by: z.string(), reason: z.string(), at: z.string() })).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Its buyer may edit it until then. */
  editableUntil: z.string(),
  version: z.number().int(),
})
export type Rating = z.infer<typeof Rating>

export const RatingPage = z.object({ items: z.array(Rating), nextCursor: z.string().nullable() })
export type RatingPage = z.infer<typeof RatingPage>

export const RatingQueueQuery = z.strictObject({
  state: z.enum(values.ratingQueues).default('reported'),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
export type RatingQueueQuery = z.infer<typeof RatingQueueQuery>

/** Facts from orders and requests, not opinions. A rate is null until there is something to divide by. */
export const SupplierFigures = z.object({
  shipped: count,
  /** Shipped by the ship-by date the order promised when it was paid. */
  shippedOnTime: count,
  onTimeRate: z.number().nullable(),
  completed: count,
  disputesLost: count,
  /** Of the orders that finished (completed, or a dispute settled), the share not lost in a dispute. */
  completionRate: z.number().nullable(),
  /** From a request's posting to this supplier's first bid on it: the median over the latest `responseSample` requests. */
  medianResponseMinutes: z.number().nullable(),
  responseSample: count,
  activeListings: count,
  memberSince: z.string(),
  monthsOnExchange: count,
})
export type SupplierFigures = z.infer<typeof SupplierFigures>

/** A supplier's public page: who, where, what it trades, what buyers say and what its orders show. */
export const SupplierProfile = SupplierCard.extend({
  categories: z.array(z.string()),
  ratings: RatingAggregate,
  figures: SupplierFigures,
  /** The newest reviews (more through /api/suppliers/{id}/ratings). */
  recent: RatingPage,
})
export type SupplierProfile = z.infer<typeof SupplierProfile>

/** Finding verified suppliers to invite: by company, stall or name, and the category they trade in. */
export const SupplierSearchQuery = z.strictObject({
  q: z.string().trim().max(60).optional(),
  category: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(20).default(10),
})
export type SupplierSearchQuery = z.infer<typeof SupplierSearchQuery>

export const SupplierSearchResult = z.object({ items: z.array(SupplierCard.extend({ categories: z.array(z.string()) })) })
export type SupplierSearchResult = z.infer<typeof SupplierSearchResult>

/** What the bid comparison shows of a bidder, read live. */
export const SupplierStanding = z.object({
  rating: RatingSummary,
  score: z.number(),
  onTimeRate: z.number().nullable(),
  medianResponseMinutes: z.number().nullable(),
})
export type SupplierStanding = z.infer<typeof SupplierStanding>
