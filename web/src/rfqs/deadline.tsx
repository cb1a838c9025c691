import type { Rfq } from '@market/contracts'
import { useEffect, useState } from 'hono/jsx/dom'
import { fill, formatDateTime, type Locale, translate, useI18n } from '../i18n/i18n.ts'
import './rfqs.css'

/** "2 days 5 hours left" — or that the deadline has passed. */
export const timeLeft = (locale: Locale, deadline: string, now: number) => {
  const ms = Date.parse(deadline) - now
  if (ms <= 0) return translate(locale, 'rfq.timeLeft.passed')
  const minutes = Math.floor(ms / 60000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  if (days > 0) return fill(translate(locale, 'rfq.timeLeft.days'), { d: days, h: hours })
  if (hours > 0) return fill(translate(locale, 'rfq.timeLeft.hours'), { h: hours, m: minutes % 60 })
  return fill(translate(locale, 'rfq.timeLeft.minutes'), { m: Math.max(1, minutes) })
}

/** The clock, ticking once a minute: countdowns stay right on a page left open. */
export const useNow = () => {
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000)
    return () => clearInterval(timer)
  }, [])
  return now
}

/** The bid deadline: when, and how long is left while bidding is open. */
export const Deadline = ({ rfq }: { rfq: Pick<Rfq, 'bidDeadline' | 'status'> }) => {
  const { locale } = useI18n()
  const now = useNow()
  return (
    <span class="deadline">
      <time dateTime={rfq.bidDeadline}>{formatDateTime(locale, rfq.bidDeadline)}</time>
      {rfq.status === 'open' && (
        <span class="deadline__left" data-time-left>
          {' '}
          ({timeLeft(locale, rfq.bidDeadline, now)})
        </span>
      )}
    </span>
  )
}
