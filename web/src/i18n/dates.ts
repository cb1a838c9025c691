/** Dates as Lhasa reads them (Beijing time), written as the API writes them: YYYY-MM-DD. */

/** Today's date in Lhasa. */
export const lhasaToday = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)

/** A date plus some days, date-only (no clock, no time zone surprises). */
export const addDays = (date: string, days: number) => {
  const at = new Date(`${date}T00:00:00Z`)
  at.setUTCDate(at.getUTCDate() + days)
  return at.toISOString().slice(0, 10)
}

/** A date and a time read on Lhasa's clocks, as the ISO instant the API takes. */
export const lhasaInstant = (date: string, time: string) => `${date}T${time}:00+08:00`

/** The date part of an instant, in Lhasa. */
export const lhasaDateOf = (iso: string) => lhasaToday(new Date(iso))

/** A datetime-local value for the next full hour on this device's clock. */
export const nextHourLocal = () => {
  const date = new Date(Date.now() + 3600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:00`
}
