import { Metrics } from '@market/core'
import { describe, expect, it } from 'vitest'
import { anOrder } from '../../support/orders.ts'

describe('the market calendar (China Standard Time)', () => {
  it('puts an instant on its day in Lhasa, eight hours ahead of UTC', () => {
    expect(Metrics.cstDay('2025-03-31T15:59:59.999Z')).toBe('2025-03-31')
    expect(Metrics.cstDay('2025-03-31T16:00:00.000Z')).toBe('2025-04-01')
    expect(Metrics.cstDay('2024-12-31T16:30:00.000Z')).toBe('2025-01-01')
  })

  it('starts weeks on Monday and names months and weeks by their first day', () => {
    expect(Metrics.weekOf('2025-06-01')).toBe('2025-05-26') // a Sunday
    expect(Metrics.weekOf('2025-06-02')).toBe('2025-06-02')
    expect(Metrics.periodOf('2025-06-01', 'month')).toBe('2025-06')
    expect(Metrics.periodEnd('2024-02', 'month')).toBe('2024-02-29')
    expect(Metrics.periodEnd('2025-12', 'month')).toBe('2025-12-31')
    expect(Metrics.periodsBetween('2025-11-15', '2026-02-01', 'month')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(Metrics.periodsBetween('2025-06-01', '2025-06-10', 'week')).toEqual(['2025-05-26', '2025-06-02', '2025-06-09'])
  })

  it('compares a period with the same one a year earlier: the month, or the week 52 weeks before', () => {
    expect(Metrics.yearEarlier('2025-03', 'month')).toBe('2024-03')
    expect(Metrics.yearEarlier('2025-06-02', 'week')).toBe('2024-06-03')
  })
})

describe('figures from counters', () => {
  const bounds = [15, 30, 60, 120]
  it('takes the median from a histogram: the upper bound of the bucket of the middle value', () => {
    expect(Metrics.medianFromHistogram([0, 0, 0, 0], bounds)).toBeNull()
    expect(Metrics.medianFromHistogram([1, 0, 0, 0], bounds)).toBe(15)
    expect(Metrics.medianFromHistogram([2, 1, 0, 2], bounds)).toBe(30)
    expect(Metrics.medianFromHistogram([3, 1, 0, 2], bounds)).toBe(15)
    expect(Metrics.medianFromHistogram([1, 1, 3, 0], bounds)).toBe(60)
    expect(Metrics.medianFromHistogram([0, 0, 1, 1], bounds)).toBe(60)
  })

  it('counts a time to first bid in the first bucket that holds it, a very late one in the last', () => {
    expect(Metrics.firstBidBucket(0)).toBe(0)
    expect(Metrics.firstBidBucket(15)).toBe(0)
    expect(Metrics.firstBidBucket(16)).toBe(1)
    expect(Metrics.firstBidBucket(10_000_000)).toBe(13)
  })

  it('computes growth in per cent to one decimal, none from nothing', () => {
    expect(Metrics.growthPercent(115, 100)).toBe(15)
    expect(Metrics.growthPercent(1_000, 3_000)).toBe(-66.7)
    expect(Metrics.growthPercent(500, 0)).toBeNull()
  })

  it('takes the plan’s targets (+15 % in 2024, +20 % in 2025 and after) until an administrator sets one', () => {
    expect(Metrics.targetPercentOf(2024, {})).toBe(15)
    expect(Metrics.targetPercentOf(2025, {})).toBe(20)
    expect(Metrics.targetPercentOf(2029, {})).toBe(20)
    expect(Metrics.targetPercentOf(2026, { 2026: 25 })).toBe(25)
  })

  it('takes the exact weekly median price, each trade counted once', () => {
    expect(Metrics.weightedMedian([])).toBeNull()
    expect(
      Metrics.weightedMedian([
        { unitPriceFen: 300, trades: 1 },
        { unitPriceFen: 100, trades: 2 },
      ]),
    ).toBe(100)
    expect(
      Metrics.weightedMedian([
        { unitPriceFen: 100, trades: 1 },
        { unitPriceFen: 300, trades: 1 },
      ]),
    ).toBe(200)
  })
})

describe('what an order’s step adds to the market’s figures', () => {
  const placed = anOrder({ categoryId: 'yak-down' })
  const paidAt = '2026-03-01T17:00:00.000Z' // 01:00 on 2 March in Lhasa
  const paid = {
    ...placed,
    status: 'paid' as const,
    payment: { method: 'bank_transfer' as const, paidAt },
    updatedAt: paidAt,
    shipBy: '2026-03-04T17:00:00.000Z',
  }

  it('counts a payment on its day in Lhasa: GMV by category, the parties, one trade at its unit price', () => {
    expect(Metrics.orderMarketChange(placed, paid)).toEqual({
      day: '2026-03-02',
      add: { ordersPaid: 1, paidFen: 1_008_000, 'gmvFen:yak-down': 1_008_000 },
      buyers: ['BUYER1'],
      suppliers: ['SUPPLIER1'],
      price: { categoryId: 'yak-down', week: '2026-03-02', unit: 'm', unitPriceFen: 16_800 },
    })
  })

  it('takes a refund back from GMV on the day of the refund, and counts late shipments and disputes', () => {
    const refundAt = '2026-03-10T02:00:00.000Z'
    const resolved = {
      ...paid,
      status: 'resolved' as const,
      payment: { ...paid.payment, refund: { at: refundAt, amountFen: 1_008_000, via: 'offline' as const } },
      updatedAt: refundAt,
    }
    expect(Metrics.orderMarketChange({ ...paid, status: 'disputed' }, resolved)).toEqual({
      day: '2026-03-10',
      add: { refundedFen: 1_008_000, 'gmvFen:yak-down': -1_008_000 },
    })
    const late = { ...paid, status: 'shipped' as const, updatedAt: '2026-03-06T00:00:00.000Z' }
    expect(Metrics.orderMarketChange(paid, late)?.add).toEqual({ shipped: 1, shippedOnTime: 0 })
    expect(Metrics.orderMarketChange(late, { ...late, status: 'disputed' })?.add).toEqual({ disputes: 1 })
    expect(Metrics.orderMarketChange(paid, { ...paid, version: 3 })).toBeUndefined()
  })
})
