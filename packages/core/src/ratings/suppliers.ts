import type { SupplierProfile, SupplierSearchQuery, SupplierSearchResult, SupplierStanding } from '@market/contracts'
import { NotFoundError } from '../errors.ts'
import { isSupplierVisible, toSupplierCard } from '../listings/rules.ts'
import type { Clock } from '../ports.ts'
import { figuresOf, noStats } from './figures.ts'
import type { RatingStore, SupplierDirectory, SupplierRecord } from './ports.ts'
import { toRatingView } from './ratings.ts'
import { aggregateOf } from './scores.ts'

export type SupplierDeps = { ratings: RatingStore; suppliers: SupplierDirectory; clock: Clock }

/** Reviews on the supplier's page before "more". */
export const recentRatingsShown = 10

/** A supplier buyers may look up: verified and active (a suspension hides the page at once, as it hides the listings). */
const visibleSupplier = (record: SupplierRecord | undefined) => {
  if (record?.user.role !== 'supplier' || !isSupplierVisible(record.user)) throw new NotFoundError('supplier')
  return record
}

/**
 * A supplier's public page: its card, categories, ratings and figures, read live from its user
 * and stats items (one BatchGet) beside the newest reviews (one Query): two requests, however
 * many ratings it has.
 */
export const supplierProfile = async (deps: SupplierDeps, id: string): Promise<SupplierProfile> => {
  const [records, recent] = await Promise.all([
    deps.suppliers.records([id]),
    deps.ratings.listVisible(id, { limit: recentRatingsShown }),
  ])
  const { user, stats } = visibleSupplier(records[0])
  return {
    ...toSupplierCard(user, id, deps.clock.now()),
    categories: user.tradeCategories ?? [],
    ratings: aggregateOf(user.ratingTotals),
    figures: figuresOf(stats, user.createdAt, deps.clock.now()),
    recent: { items: recent.items.map((rating) => toRatingView(rating)), nextCursor: recent.nextCursor },
  }
}

/** Verified suppliers a buyer may invite to a request: by company, stall or name, and category. */
export const searchSuppliers = async (
  deps: Pick<SupplierDeps, 'suppliers' | 'clock'>,
  query: SupplierSearchQuery,
): Promise<SupplierSearchResult> => {
  const found = await deps.suppliers.searchVerified({
    ...(query.q ? { q: query.q } : {}),
    ...(query.category ? { category: query.category } : {}),
    limit: query.limit,
  })
  return {
    items: found
      .filter((user) => user.role === 'supplier' && isSupplierVisible(user))
      .map((user) => ({ ...toSupplierCard(user, user.id, deps.clock.now()), categories: user.tradeCategories ?? [] })),
  }
}

/** More of a supplier's visible reviews, newest first. */
export const supplierRatings = async (deps: SupplierDeps, id: string, page: { cursor?: string; limit: number }) => {
  const [records, ratings] = await Promise.all([deps.suppliers.records([id]), deps.ratings.listVisible(id, page)])
  visibleSupplier(records[0])
  return { items: ratings.items.map((rating) => toRatingView(rating)), nextCursor: ratings.nextCursor }
}

/** What the bid comparison shows and scores of a bidder (one the directory does not know stands as a newcomer). */
export const standingOf = (record: SupplierRecord | undefined, now: Date): SupplierStanding => {
  const figures = figuresOf(record?.stats ?? noStats(), record?.user.createdAt ?? now.toISOString(), now)
  const ratings = aggregateOf(record?.user.ratingTotals)
  return {
    rating: { average: ratings.overall, count: ratings.count },
    score: ratings.score,
    onTimeRate: figures.onTimeRate,
    medianResponseMinutes: figures.medianResponseMinutes,
  }
}
