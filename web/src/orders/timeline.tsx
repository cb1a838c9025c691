import type { Order, TimelineEvent } from '@market/contracts'
import { disputeOutcomes, disputeReasons, orderSteps, paymentAnomalyKinds } from '@market/contracts/values'
import { fill, formatDateTime, type Locale, translate, useI18n } from '../i18n/i18n.ts'
import './timeline.css'

/** Every event an order's history may name: its steps, its placing, and what Stripe reports. */
const events = [...orderSteps, 'placed', 'checkout_expired', 'payment_failed', 'refunded'] as const
const isKnown = <T extends string>(list: readonly T[], value: string): value is T => list.some((item) => item === value)

/** A dispute's reason in the reader's language (reasons are codes; anything else is shown as written). */
export const disputeReasonText = (locale: Locale, reason: string) =>
  isKnown(disputeReasons, reason) ? translate(locale, `disputeReason.${reason}`) : reason

/** What happened, in the reader's language; a pickup order's "ship" is the goods waiting at the stall. */
export const describeEvent = (locale: Locale, order: Pick<Order, 'delivery'>, entry: TimelineEvent) => {
  if (entry.event === 'ship' && order.delivery.method === 'pickup') return translate(locale, 'orderEvent.ship.pickup')
  return isKnown(events, entry.event)
    ? translate(locale, `orderEvent.${entry.event}`)
    : fill(translate(locale, 'orderEvent.unknown'), { event: entry.event })
}

/** Notes the server writes as codes (a dispute's reason, a resolution's outcome, payment anomalies) are worded; the rest are people's words. */
const describeNote = (locale: Locale, entry: TimelineEvent) => {
  if (!entry.note) return undefined
  if (entry.event === 'dispute') return disputeReasonText(locale, entry.note)
  if (entry.event === 'resolve' && isKnown(disputeOutcomes, entry.note)) return translate(locale, `resolution.${entry.note}`)
  if (entry.event === 'payment_anomaly') {
    return entry.note
      .split(', ')
      .map((kind) => (isKnown(paymentAnomalyKinds, kind) ? translate(locale, `anomaly.${kind}`) : kind))
      .join('；')
  }
  return entry.note
}

/** The same history for both parties: who did what, when. */
export const Timeline = ({ order }: { order: Pick<Order, 'delivery' | 'timeline'> }) => {
  const { t, locale } = useI18n()
  return (
    <ol class="timeline" data-timeline>
      {order.timeline.map((entry) => {
        const note = describeNote(locale, entry)
        return (
          <li class="timeline__entry" data-event={entry.event}>
            <p class="timeline__what">
              <span class="timeline__by">{t(`orderBy.${entry.by}`)}</span> {describeEvent(locale, order, entry)}
            </p>
            {note && <p class="timeline__note">{note}</p>}
            <p class="timeline__at">
              <time dateTime={entry.at}>{formatDateTime(locale, entry.at)}</time>
            </p>
          </li>
        )
      })}
    </ol>
  )
}
