import { priceRangeFen } from '@market/contracts/values'
import { describe, expect, it } from 'vitest'

describe('the price range a listing card quotes', () => {
  const tiers = [
    { minQty: 1, unitPriceFen: 16800 },
    { minQty: 25, unitPriceFen: 15120 },
    { minQty: 100, unitPriceFen: 11890 },
  ]

  it('runs from the top tier’s price up to the price at the MOQ', () => {
    expect(priceRangeFen(tiers, 5)).toEqual({ lowFen: 11890, highFen: 16800 })
  })

  it('starts at the tier the MOQ falls in, not at the first tier', () => {
    expect(priceRangeFen(tiers, 30)).toEqual({ lowFen: 11890, highFen: 15120 })
  })

  it('is one price when the MOQ already takes the top tier, or there is one tier', () => {
    expect(priceRangeFen(tiers, 100)).toEqual({ lowFen: 11890, highFen: 11890 })
    expect(priceRangeFen([{ minQty: 1, unitPriceFen: 500 }], 3)).toEqual({ lowFen: 500, highFen: 500 })
  })
})
