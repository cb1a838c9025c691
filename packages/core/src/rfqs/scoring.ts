import type { CompareQuery } from '@market/contracts'

export type ScoredInput = {
  unitPriceFen?: number
  leadTimeDays: number
  /** The supplier's Bayesian average rating, 1–5 (see ratings/scores.ts): a newcomer stands at the prior. */
  reputation: number
}

/**
 * A bid's score out of 100: price and lead time relative to the best offer, reputation from the
 * supplier's Bayesian average (1★ counts nothing, 5★ everything). The buyer sets the weights; a
 * bid whose price cannot be compared scores nothing for price.
 */
export const scoreBids = <T extends ScoredInput>(bids: T[], weights: CompareQuery): (T & { score: number })[] => {
  const prices = bids.map((bid) => bid.unitPriceFen).filter((price): price is number => price !== undefined)
  const bestPrice = prices.length > 0 ? Math.min(...prices) : undefined
  const bestLead = Math.min(...bids.map((bid) => bid.leadTimeDays))
  const total = weights.price + weights.leadTime + weights.reputation || 1
  return bids.map((bid) => {
    const price = bid.unitPriceFen !== undefined && bestPrice !== undefined ? bestPrice / bid.unitPriceFen : 0
    const lead = (bestLead + 1) / (bid.leadTimeDays + 1)
    const reputation = (bid.reputation - 1) / 4
    const score = (weights.price * price + weights.leadTime * lead + weights.reputation * reputation) / total
    return { ...bid, score: Math.round(score * 1000) / 10 }
  })
}
