import { fill, type Locale, translate } from '../i18n/i18n.ts'

/** A share as a whole percentage, in the reader's way of writing it. */
export const formatRate = (locale: Locale, rate: number) =>
  new Intl.NumberFormat(locale === 'bo' ? 'en' : locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate)

/** A response time in the largest unit that keeps it readable: minutes, hours, then days. */
export const formatMinutes = (locale: Locale, minutes: number) => {
  if (minutes < 90) return fill(translate(locale, 'duration.minutes'), { n: Math.round(minutes) })
  if (minutes < 48 * 60) return fill(translate(locale, 'duration.hours'), { n: Math.round(minutes / 60) })
  return fill(translate(locale, 'duration.days'), { n: Math.round(minutes / 1440) })
}
