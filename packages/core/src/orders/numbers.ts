import { ServiceUnavailableError } from '../errors.ts'
import type { Clock } from '../ports.ts'

/** The day an order number names: Lhasa keeps China Standard Time (UTC+8) all year. */
export const orderNumberDay = (at: Date) =>
  new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10).replaceAll('-', '')

/**
 * `LS-20261201-402519`: the day, then six digits drawn at random (`draw` in [0, 1)). Not a count
 * of the day's orders: a counter would be one item every order of the market writes, and so
 * waits on. Six digits never start with 0, so they never read as an older number (`-0042`).
 */
export const orderNumberOf = (day: string, draw: number) => `LS-${day}-${100_000 + Math.floor(draw * 900_000)}`

/** Another order holds one of the numbers drawn (its guard is in the table): draw again. */
export class OrderNumberTakenError extends ServiceUnavailableError {}

/** A clash is one in 900,000 per order already numbered that day: ten in a row do not happen. */
const maxAttempts = 10

/**
 * Runs `write` with `count` distinct fresh numbers of today. The store writes a guard item per
 * number in the orders' own transaction, on condition it is new: a number taken by another order
 * refuses the transaction (OrderNumberTakenError), and the orders are numbered again. No read.
 */
export const numberOrders = async <T>(
  deps: { clock: Clock },
  count: number,
  write: (numbers: string[]) => Promise<T>,
  draw: () => number = Math.random,
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    const day = orderNumberDay(deps.clock.now())
    const numbers = new Set<string>()
    while (numbers.size < count) numbers.add(orderNumberOf(day, draw()))
    try {
      return await write([...numbers])
    } catch (error) {
      if (!(error instanceof OrderNumberTakenError) || attempt >= maxAttempts) throw error
    }
  }
}
