import type { CompareQuery } from '@market/contracts'

export type ScoredInput = {
  unitPriceFen?: number
  leadTimeDays: number
  rating?: { average: number; count: number }
  verified: boolean
}

/**
 * A bid's score out of 100: price and lead time relative to the best offer, reputation from the
 * supplier's ratings (a neutral 3 of 5 until it has some; verification adds a little). The buyer
 * sets the weights; a bid whose price cannot be compared scores nothing for price.
 */
export const scoreBids = <T extends ScoredInput>(bids: T[], weights: CompareQuery): (T & { score: number })[] => {
  const prices = bids.map((bid) => bid.unitPriceFen).filter((price): price is number => price !== undefined)
  const bestPrice = prices.length > 0 ? Math.min(...prices) : undefined
  const bestLead = Math.min(...bids.map((bid) => bid.leadTimeDays))
  const total = weights.price + weights.leadTime + weights.reputation || 1
  return bids.map((bid) => {
    const price = bid.unitPriceFen !== undefined && bestPrice !== undefined ? bestPrice / bid.unitPriceFen : 0
    const lead = (bestLead + 1) / (bid.leadTimeDays + 1)
    const reputation = Math.min(1, (bid.rating && bid.rating.count > 0 ? bid.rating.average : 3) / 5 + (bid.verified ? 0.1 : 0))
    const score = (weights.price * price + weights.leadTime * lead + weights.reputation * reputation) / total
    return { ...bid, score: Math.round(score * 1000) / 10 }
  })
}
