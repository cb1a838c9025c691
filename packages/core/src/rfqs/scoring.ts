import type { CompareQuery } from '@market/contracts'

export type ScoredInput = {
  unitPriceFen?: number
  leadTimeDays: number
  /** The supplier's Bayesian average rating, 1–5 (see ratings/scores.ts): a newcomer stands at the prior. */
  reputation: number
}

export type ScoreParts = { price: number; leadTime: number; reputation: number }

/**
 * A bid's score out of 100: price and lead time relative to the best offer, reputation from the
 * supplier's Bayesian average (1★ counts nothing, 5★ everything). The buyer sets the weights; a
 * bid whose price cannot be compared scores nothing for price. `scoreParts` are the points each
 * part contributes (they add up to the score, give or take rounding), for the buyer to see why.
 */
export const scoreBids = <T extends ScoredInput>(
  bids: T[],
  weights: CompareQuery,
): (T & { score: number; scoreParts: ScoreParts })[] => {
  const prices = bids.map((bid) => bid.unitPriceFen).filter((price): price is number => price !== undefined)
  const bestPrice = prices.length > 0 ? Math.min(...prices) : undefined
  const bestLead = Math.min(...bids.map((bid) => bid.leadTimeDays))
  const total = weights.price + weights.leadTime + weights.reputation || 1
  return bids.map((bid) => {
    const price = bid.unitPriceFen !== undefined && bestPrice !== undefined ? bestPrice / bid.unitPriceFen : 0
    const lead = (bestLead + 1) / (bid.leadTimeDays + 1)
    const reputation = (bid.reputation - 1) / 4
    const points = (weight: number, ratio: number) => (weight * ratio) / total
    const parts = {
      price: points(weights.price, price),
      leadTime: points(weights.leadTime, lead),
      reputation: points(weights.reputation, reputation),
    }
    const tenths = (share: number) => Math.round(share * 1000) / 10
    return {
      ...bid,
      score: tenths(parts.price + parts.leadTime + parts.reputation),
      scoreParts: { price: tenths(parts.price), leadTime: tenths(parts.leadTime), reputation: tenths(parts.reputation) },
    }
  })
}
