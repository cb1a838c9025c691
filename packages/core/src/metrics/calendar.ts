/**
 * The market's calendar: Lhasa keeps China Standard Time (UTC+8) all year, so a day, a week
 * (Monday to Sunday) and a month are those of the wall clock there. Days are `YYYY-MM-DD` strings.
 */
const cstOffsetMs = 8 * 3600 * 1000
const dayMs = 24 * 3600 * 1000

export type Granularity = 'month' | 'week'

/** The day in China Standard Time of an instant. */
export const cstDay = (at: string | Date) => new Date(new Date(at).getTime() + cstOffsetMs).toISOString().slice(0, 10)

const midnight = (day: string) => Date.parse(`${day}T00:00:00Z`)
export const addDays = (day: string, days: number) => new Date(midnight(day) + days * dayMs).toISOString().slice(0, 10)

/** The Monday of the day's week. */
export const weekOf = (day: string) => addDays(day, -((new Date(midnight(day)).getUTCDay() + 6) % 7))

export const periodOf = (day: string, granularity: Granularity) => (granularity === 'month' ? day.slice(0, 7) : weekOf(day))
export const periodStart = (period: string, granularity: Granularity) => (granularity === 'month' ? `${period}-01` : period)

const nextMonth = (month: string) => {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`
}
export const nextPeriod = (period: string, granularity: Granularity) =>
  granularity === 'month' ? nextMonth(period) : addDays(period, 7)
export const periodEnd = (period: string, granularity: Granularity) =>
  addDays(periodStart(nextPeriod(period, granularity), granularity), -1)

/** The same period a year earlier: the month of the year before, or the week 52 weeks before. */
export const yearEarlier = (period: string, granularity: Granularity) =>
  granularity === 'month' ? `${Number(period.slice(0, 4)) - 1}${period.slice(4)}` : addDays(period, -364)

/** The periods that hold the days from `from` to `to`, both included. */
export const periodsBetween = (from: string, to: string, granularity: Granularity) => {
  const periods: string[] = []
  const last = midnight(to)
  // Compared as times, not text: a year past 9999 would sort before the last day and never end the loop.
  for (
    let period = periodOf(from, granularity);
    midnight(periodStart(period, granularity)) <= last;
    period = nextPeriod(period, granularity)
  ) {
    periods.push(period)
  }
  return periods
}
