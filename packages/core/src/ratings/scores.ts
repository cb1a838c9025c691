import type { RatingAggregate, RatingDimension, RatingScores, RatingTotals } from '@market/contracts'
import { ratingDimensions } from '@market/contracts/values'

/**
 * The arithmetic of ratings. A rating's *overall* is the mean of its four dimensions; the
 * histogram counts it under that mean rounded half up (4, 4, 5, 5 → 4.5 → 5★). A supplier's
 * overall is the mean of every dimension of every visible rating, which is also the mean of its
 * ratings' overalls, since each has four.
 */

const total = (scores: RatingScores) => ratingDimensions.reduce((sum, dimension) => sum + scores[dimension], 0)

export const overallOf = (scores: RatingScores) => total(scores) / ratingDimensions.length

/** The overall rounded half up, in whole numbers: ⌊(Σ + 2) / 4⌋ is ⌊mean + ½⌋. */
export const starsOf = (scores: RatingScores) => Math.floor((total(scores) + 2) / ratingDimensions.length)

const perDimension = (value: (dimension: RatingDimension) => number) =>
  Object.fromEntries(ratingDimensions.map((dimension) => [dimension, value(dimension)])) as Record<RatingDimension, number>

export const noTotals = (): RatingTotals => ({ count: 0, sums: perDimension(() => 0), stars: [0, 0, 0, 0, 0] })

/** What one rating adds to its supplier's totals (`sign` −1: what it takes away). */
export const contributionOf = (scores: RatingScores, sign: 1 | -1 = 1): RatingTotals => ({
  count: sign,
  sums: perDimension((dimension) => sign * scores[dimension]),
  stars: [1, 2, 3, 4, 5].map((star) => (star === starsOf(scores) ? sign : 0)),
})

export const addTotals = (a: RatingTotals, b: RatingTotals): RatingTotals => ({
  count: a.count + b.count,
  sums: perDimension((dimension) => a.sums[dimension] + b.sums[dimension]),
  stars: a.stars.map((n, index) => n + (b.stars[index] ?? 0)),
})

/** The change to the totals when a counted rating goes from `before` to `after` (either absent: not counted). */
export const totalsChange = (before: RatingScores | undefined, after: RatingScores | undefined) =>
  addTotals(before ? contributionOf(before, -1) : noTotals(), after ? contributionOf(after) : noTotals())

/**
 * The ranking's prior: a supplier is taken to start with `priorWeight` ratings at `priorMean`,
 * and each real rating moves it from there. 4.0★ is where a market's typical supplier sits (most
 * ratings are 4s and 5s); a weight of 10 means one rating barely moves the score, while a long
 * record outweighs the prior: one 5★ rating scores (10·4 + 5) / 11 ≈ 4.09, two hundred averaging
 * 4.8★ score (10·4 + 200·4.8) / 210 ≈ 4.76. A fixed prior rather than the market's live mean:
 * reading a market-wide figure on every comparison would make one item everyone writes.
 */
export const priorMean = 4
export const priorWeight = 10

/** The Bayesian average (C·m + Σ overall) / (C + n), on the 1–5 scale. */
export const bayesianScore = (totals: RatingTotals) =>
  (priorWeight * priorMean + total(totals.sums) / ratingDimensions.length) / (priorWeight + totals.count)

const mean = (sum: number, count: number) => (count > 0 ? sum / count : 0)

export const aggregateOf = (totals: RatingTotals = noTotals()): RatingAggregate => ({
  count: totals.count,
  sums: totals.sums,
  means: perDimension((dimension) => mean(totals.sums[dimension], totals.count)),
  overall: mean(total(totals.sums), totals.count * ratingDimensions.length),
  histogram: totals.stars,
  score: bayesianScore(totals),
})

/** Stars and count, as a supplier's card shows them. */
export const summaryOf = (totals: RatingTotals = noTotals()) => ({ average: aggregateOf(totals).overall, count: totals.count })
