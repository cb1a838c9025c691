import { Ratings } from '@market/core'
import { describe, expect, it } from 'vitest'

const all = (stars: number) => ({ quality: stars, onTime: stars, accuracy: stars, communication: stars })
const totalsOf = (ratings: ReturnType<typeof all>[]) =>
  ratings.reduce((totals, scores) => Ratings.addTotals(totals, Ratings.contributionOf(scores)), Ratings.noTotals())

describe('the Bayesian rank', () => {
  it('puts one 5★ rating below two hundred averaging 4.8★, and a newcomer at the prior', () => {
    const one = totalsOf([all(5)])
    // 160 of 5★ and 40 of 4★: a mean of exactly 4.8.
    const record = totalsOf([...Array.from({ length: 160 }, () => all(5)), ...Array.from({ length: 40 }, () => all(4))])
    expect(Ratings.aggregateOf(one).overall).toBe(5)
    expect(Ratings.aggregateOf(record).overall).toBeCloseTo(4.8, 10)
    expect(Ratings.bayesianScore(one)).toBeLessThan(Ratings.bayesianScore(record))
    expect(Ratings.bayesianScore(Ratings.noTotals())).toBe(Ratings.priorMean)
  })

  it('moves from the prior towards the ratings as they add up', () => {
    const scores = [1, 10, 100, 1000].map((n) => Ratings.bayesianScore(totalsOf(Array.from({ length: n }, () => all(5)))))
    expect(scores).toEqual([...scores].sort((a, b) => a - b))
    expect(scores[3]).toBeGreaterThan(4.95)
  })
})
