import { ServiceUnavailableError } from '../errors.ts'
import type { Clock } from '../ports.ts'
import type { OrderNumbering, OrderStore } from './ports.ts'

/** The day an order number names: Lhasa keeps China Standard Time (UTC+8) all year. */
export const orderNumberDay = (at: Date) =>
  new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10).replaceAll('-', '')

/** `LS-20261201-0042`: the 42nd order of that day; a day past 9,999 orders takes more digits. */
export const orderNumberOf = (day: string, count: number) => `LS-${day}-${String(count).padStart(4, '0')}`

/** Another order took the numbers read meanwhile (the day's counter moved): number again. */
export class OrderNumberTakenError extends ServiceUnavailableError {}

/** Enough for a burst of 50 orders at once, each losing the race to the others at most once a turn. */
const maxAttempts = 60

/**
 * Runs `write` with `count` fresh numbers of today, reading the day's counter again each time a
 * concurrent order took them first. Numbers are unique; a failed order leaves no gap since the
 * counter moves only with the orders it numbers.
 */
export const numberOrders = async <T>(
  deps: { orders: Pick<OrderStore, 'lastOrderNumber'>; clock: Clock },
  count: number,
  write: (numbers: string[], numbering: OrderNumbering) => Promise<T>,
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    const day = orderNumberDay(deps.clock.now())
    const previous = await deps.orders.lastOrderNumber(day)
    const numbers = Array.from({ length: count }, (_, index) => orderNumberOf(day, previous + 1 + index))
    try {
      return await write(numbers, { day, previous, last: previous + count })
    } catch (error) {
      if (!(error instanceof OrderNumberTakenError) || attempt >= maxAttempts) throw error
      // A little jitter, so the requests that lost do not all read and collide again at once.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * Math.min(attempt, 10)))
    }
  }
}
