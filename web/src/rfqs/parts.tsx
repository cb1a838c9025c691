import type { Rfq } from '@market/contracts'
import { useEffect, useState } from 'hono/jsx/dom'
import { Badge } from '../components/status-badge.tsx'
import { fill, formatDateTime, type Locale, translate, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import { photoUrl } from '../listings/listing-photo.tsx'
import { formatFen } from '../listings/money.ts'

/** A tender is marked in words wherever the request appears. */
export const TenderMark = () => {
  const { t } = useI18n()
  return (
    <Badge tone="brand" data-tender>
      {t('rfq.tender')}
    </Badge>
  )
}

/** Today's date in Lhasa (Beijing time), as the API's dates are written: YYYY-MM-DD. */
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

/** What a request asks for, the same for the buyer and the suppliers. */
export const RfqFacts = ({ rfq }: { rfq: Rfq }) => {
  const { t } = useI18n()
  const names = useNames()
  return (
    <dl class="details rfq-facts">
      <dt>{t('listing.category')}</dt>
      <dd>{names.category(rfq.categoryId)}</dd>
      <dt>{t('rfq.quantity')}</dt>
      <dd data-rfq-quantity>
        {rfq.quantity} {names.unit(rfq.unit)}
      </dd>
      <dt>{t('rfq.targetPrice')}</dt>
      <dd>
        {rfq.targetUnitPriceFen
          ? fill(t('rfq.perUnit'), { price: formatFen(rfq.targetUnitPriceFen), unit: names.unit(rfq.unit) })
          : t('rfq.targetPrice.none')}
      </dd>
      <dt>{t('rfq.bidDeadline')}</dt>
      <dd>
        <Deadline rfq={rfq} />
      </dd>
      <dt>{t('rfq.neededBy')}</dt>
      <dd>{rfq.neededBy}</dd>
      <dt>{t('rfq.deliveryPlace')}</dt>
      <dd>{rfq.deliveryPlace}</dd>
      <dt>{t('rfq.buyer')}</dt>
      <dd>{rfq.buyer.company}</dd>
      <dt>{t('rfq.specs')}</dt>
      <dd class="rfq-facts__specs">{rfq.specs}</dd>
      {rfq.photos.length > 0 && (
        <>
          <dt>{t('rfq.photos')}</dt>
          <dd>
            <ul class="photo-list">
              {rfq.photos.map((key, index) => (
                <li class="photo-item">
                  <img
                    src={photoUrl(key)}
                    alt={fill(t('listing.photoN'), { n: index + 1 })}
                    width={160}
                    height={120}
                    loading="lazy"
                  />
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  )
}
