import type { Order, OrderStatus, TimelineEvent } from '@market/contracts'
import { disputeReasons, orderStatuses } from '@market/contracts/values'
import { fill, formatDateTime, type Locale, translate, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'

export const isOrderStatus = (value: string | null): value is OrderStatus => orderStatuses.some((status) => status === value)

const eventKeys: Record<string, MessageKey> = {
  placed: 'orderEvent.placed',
  record_transfer: 'orderEvent.record_transfer',
  start_checkout: 'orderEvent.start_checkout',
  confirm_payment: 'orderEvent.confirm_payment',
  stripe_paid: 'orderEvent.stripe_paid',
  ship: 'orderEvent.ship',
  receive: 'orderEvent.receive',
  cancel: 'orderEvent.cancel',
  expire: 'orderEvent.expire',
  complete: 'orderEvent.complete',
  dispute: 'orderEvent.dispute',
  resolve: 'orderEvent.resolve',
  checkout_expired: 'orderEvent.checkout_expired',
  payment_failed: 'orderEvent.payment_failed',
  refunded: 'orderEvent.refunded',
}

const isDisputeReason = (value: string): value is (typeof disputeReasons)[number] =>
  disputeReasons.some((reason) => reason === value)

/** A dispute's reason in the reader's language (reasons are codes; anything else is shown as written). */
export const disputeReasonText = (locale: Locale, reason: string) =>
  isDisputeReason(reason) ? translate(locale, `disputeReason.${reason}`) : reason

/** What happened, in the reader's language; a pickup order's "ship" is the goods waiting at the stall. */
export const describeEvent = (locale: Locale, order: Pick<Order, 'delivery'>, entry: TimelineEvent) => {
  if (entry.event === 'ship' && order.delivery.method === 'pickup') return translate(locale, 'orderEvent.ship.pickup')
  const key = eventKeys[entry.event]
  return key ? translate(locale, key) : fill(translate(locale, 'orderEvent.unknown'), { event: entry.event })
}

/** Notes the server writes as codes (a dispute's reason, a resolution's outcome) are worded; the rest are people's words. */
const describeNote = (locale: Locale, entry: TimelineEvent) => {
  if (!entry.note) return undefined
  if (entry.event === 'dispute') return disputeReasonText(locale, entry.note)
  if (entry.event === 'resolve' && (entry.note === 'refund' || entry.note === 'release'))
    return translate(locale, `resolution.${entry.note}`)
  return entry.note
}

/** The same history for both parties: who did what, when. */
export const Timeline = ({ order }: { order: Order }) => {
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

/** Order numbers are ULIDs: the whole id is the bank-transfer reference, so it is always shown in full. */
export const OrderNumber = ({ id }: { id: string }) => (
  <code class="order-number" data-order-number>
    {id}
  </code>
)
