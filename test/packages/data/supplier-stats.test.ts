import { responseSampleSize } from '@market/contracts/values'
import { responseTimesToTrim } from '@market/data/supplier-stats'
import { describe, expect, it } from 'vitest'

describe('trimming the response-time sample', () => {
  it('leaves it alone until an append takes it 50 past its size, then trims it back to its size', () => {
    expect(responseTimesToTrim(0)).toBe(0)
    expect(responseTimesToTrim(responseSampleSize - 1)).toBe(0)
    expect(responseTimesToTrim(responseSampleSize + 48)).toBe(0)
    expect(responseTimesToTrim(responseSampleSize + 49)).toBe(50)
  })

  it('drops at most 100 at once from a sample grown far past its size', () => {
    expect(responseTimesToTrim(responseSampleSize + 60)).toBe(61)
    expect(responseTimesToTrim(responseSampleSize * 3)).toBe(100)
  })
})
