import { Rfqs } from '@market/core'
import { describe, expect, it } from 'vitest'

describe('scoring bids', () => {
  const weights = { price: 50, leadTime: 30, reputation: 20 }

  it('ranks the cheaper, quicker, better-rated bid first', () => {
    const [cheap, dear] = Rfqs.scoreBids(
      [
        { unitPriceFen: 14000, leadTimeDays: 5, reputation: 4.6 },
        { unitPriceFen: 16000, leadTimeDays: 10, reputation: 4.1 },
      ],
      weights,
    )
    expect(cheap?.score).toBeGreaterThan(dear?.score ?? 100)
    expect(cheap?.score).toBeLessThanOrEqual(100)
  })

  it('follows the buyer’s weights', () => {
    const bids = [
      { unitPriceFen: 14000, leadTimeDays: 30, reputation: 4 },
      { unitPriceFen: 16000, leadTimeDays: 3, reputation: 4 },
    ]
    const byPrice = Rfqs.scoreBids(bids, { price: 100, leadTime: 0, reputation: 0 })
    const bySpeed = Rfqs.scoreBids(bids, { price: 0, leadTime: 100, reputation: 0 })
    expect(byPrice[0]?.score).toBeGreaterThan(byPrice[1]?.score ?? 100)
    expect(bySpeed[1]?.score).toBeGreaterThan(bySpeed[0]?.score ?? 100)
  })

  it('breaks the score into the points each part contributes, adding up to it', () => {
    const [bid] = Rfqs.scoreBids(
      [
        { unitPriceFen: 16000, leadTimeDays: 3, reputation: 5 },
        { unitPriceFen: 14000, leadTimeDays: 7, reputation: 3 },
      ],
      { price: 50, leadTime: 30, reputation: 20 },
    )
    expect(bid?.scoreParts).toEqual({ price: 43.8, leadTime: 30, reputation: 20 })
    expect(bid?.score).toBe(93.8)
  })

  it('gives a bid whose price does not convert nothing for price', () => {
    const [unknown] = Rfqs.scoreBids([{ leadTimeDays: 1, reputation: 4 }], { price: 100, leadTime: 0, reputation: 0 })
    expect(unknown?.score).toBe(0)
  })

  it('ranks by reputation when price and lead time are equal: the better Bayesian average first', () => {
    const [known, newcomer] = Rfqs.scoreBids(
      [
        { unitPriceFen: 15000, leadTimeDays: 7, reputation: 4.7 },
        { unitPriceFen: 15000, leadTimeDays: 7, reputation: 4 },
      ],
      weights,
    )
    expect(known?.score).toBeGreaterThan(newcomer?.score ?? 100)
  })
})
