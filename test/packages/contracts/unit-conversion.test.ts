import { conversionFactor, inRequestUnit } from '@market/contracts'
import { describe, expect, it } from 'vitest'

describe('comparing units', () => {
  it('converts yards to metres and jin to kilograms', () => {
    expect(conversionFactor('yd', 'm')).toBeCloseTo(0.9144)
    expect(conversionFactor('m', 'yd')).toBeCloseTo(1 / 0.9144)
    expect(conversionFactor('jin', 'kg')).toBe(0.5)
  })

  it('converts bolts only when the bid says how many metres a bolt holds', () => {
    expect(conversionFactor('bolt', 'm')).toBeUndefined()
    expect(conversionFactor('bolt', 'm', 30)).toBe(30)
    expect(conversionFactor('bolt', 'yd', 30)).toBeCloseTo(30 / 0.9144)
  })

  it('does not compare different measures', () => {
    expect(conversionFactor('kg', 'm')).toBeUndefined()
    expect(conversionFactor('piece', 'set')).toBeUndefined()
  })

  it('prices a bid per unit of the request', () => {
    expect(inRequestUnit({ unitPriceFen: 13716, quantity: 300, unit: 'yd' }, 'm')).toEqual({
      unitPriceFen: 15000,
      quantity: 274.32,
    })
    expect(inRequestUnit({ unitPriceFen: 420000, quantity: 2, unit: 'bolt', metresPerBolt: 30 }, 'm')).toEqual({
      unitPriceFen: 14000,
      quantity: 60,
    })
    expect(inRequestUnit({ unitPriceFen: 1000, quantity: 5, unit: 'jin' }, 'kg')).toEqual({
      unitPriceFen: 2000,
      quantity: 2.5,
    })
  })
})
