import type { Notification } from '@market/contracts'
import { fill, isMessageKey, type Locale, translate } from '../i18n/i18n.ts'
import { formatFen } from '../listings/money.ts'

/** Pages that change what is read tell the bell, so its count is right without waiting for the next poll. */
export const notificationsChanged = 'market:notifications'
export const announceNotificationsChanged = () => window.dispatchEvent(new Event(notificationsChanged))

/** A notification in the reader's language; the listing's title is the supplier's Chinese one. */
export const describeNotification = (locale: Locale, notification: Notification) => {
  const key = `notification.${notification.type}`
  const text = fill(translate(locale, isMessageKey(key) ? key : 'notification.unknown'), {
    title: notification.params.title ?? '',
    type: notification.type,
    bids: notification.params.bids ?? '0',
    // Order totals travel as fen in a string (params are strings); shown as money like everywhere else.
    total: /^\d+$/.test(notification.params.totalFen ?? '') ? formatFen(Number(notification.params.totalFen)) : '',
  })
  return notification.params.reason
    ? `${text} ${fill(translate(locale, 'notification.reason'), { reason: notification.params.reason })}`
    : text
}
