import { Orders } from '@market/core'
import { describe, expect, it } from 'vitest'

describe('order numbers', () => {
  it('name the day in China Standard Time: 16:00 UTC is already the next day in Lhasa', () => {
    expect(Orders.orderNumberDay(new Date('2026-12-01T15:59:59Z'))).toBe('20261201')
    expect(Orders.orderNumberDay(new Date('2026-12-01T16:00:00Z'))).toBe('20261202')
  })

  it('are the day and six digits drawn at random, never starting with 0', () => {
    expect(Orders.orderNumberOf('20261201', 0)).toBe('LS-20261201-100000')
    expect(Orders.orderNumberOf('20261201', 0.5)).toBe('LS-20261201-550000')
    expect(Orders.orderNumberOf('20261201', 0.999_999_9)).toBe('LS-20261201-999999')
    for (let draw = 0; draw < 1; draw += 0.0137)
      expect(Orders.orderNumberOf('20261201', draw)).toMatch(/^LS-20261201-[1-9]\d{5}$/)
  })

  it('are drawn for today in Lhasa, distinct within one write, and drawn again when another order has one', async () => {
    const draws = [0.1, 0.1, 0.2, 0.3, 0.4]
    const seen: string[][] = []
    const deps = { clock: { now: () => new Date('2026-12-01T17:00:00Z') } }
    const numbers = await Orders.numberOrders(
      deps,
      2,
      async (given) => {
        seen.push(given)
        // The first attempt meets a number another order has (its guard refused the write).
        if (seen.length === 1) throw new Orders.OrderNumberTakenError()
        return given
      },
      () => draws.shift() ?? 0.9,
    )
    expect(seen[0]).toEqual(['LS-20261202-190000', 'LS-20261202-280000'])
    expect(numbers).toEqual(['LS-20261202-370000', 'LS-20261202-460000'])
  })

  it('give up after ten clashes in a row, and pass any other failure through at once', async () => {
    const deps = { clock: { now: () => new Date('2026-12-01T02:00:00Z') } }
    let attempts = 0
    const clash = () => {
      attempts += 1
      return Promise.reject(new Orders.OrderNumberTakenError())
    }
    await expect(Orders.numberOrders(deps, 1, clash)).rejects.toBeInstanceOf(Orders.OrderNumberTakenError)
    expect(attempts).toBe(10)
    attempts = 0
    const failure = () => {
      attempts += 1
      return Promise.reject(new Error('DynamoDB fell over'))
    }
    await expect(Orders.numberOrders(deps, 1, failure)).rejects.toThrow('DynamoDB fell over')
    expect(attempts).toBe(1)
  })
})
