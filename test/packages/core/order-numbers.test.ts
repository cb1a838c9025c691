import { Orders } from '@market/core'
import { describe, expect, it } from 'vitest'

describe('order numbers', () => {
  it('name the day in China Standard Time: 17:00 UTC is already the next day in Lhasa', () => {
    expect(Orders.orderNumberDay(new Date('2026-12-01T15:59:59Z'))).toBe('20261201')
    expect(Orders.orderNumberDay(new Date('2026-12-01T16:00:00Z'))).toBe('20261202')
  })

  it('count the day’s orders in four digits, more past 9,999', () => {
    expect(Orders.orderNumberOf('20261201', 42)).toBe('LS-20261201-0042')
    expect(Orders.orderNumberOf('20261201', 12345)).toBe('LS-20261201-12345')
  })

  it('are read again when another order took them first, and follow the counter as read', async () => {
    let last = 7
    const seen: string[][] = []
    const deps = { orders: { lastOrderNumber: async () => last }, clock: { now: () => new Date('2026-12-01T02:00:00Z') } }
    const numbers = await Orders.numberOrders(deps, 2, async (given, numbering) => {
      seen.push(given)
      // The first attempt loses the race: another order moved the counter meanwhile.
      if (seen.length === 1) {
        last = 8
        throw new Orders.OrderNumberTakenError()
      }
      expect(numbering).toEqual({ day: '20261201', previous: 8, last: 10 })
      return given
    })
    expect(seen[0]).toEqual(['LS-20261201-0008', 'LS-20261201-0009'])
    expect(numbers).toEqual(['LS-20261201-0009', 'LS-20261201-0010'])
  })
})
