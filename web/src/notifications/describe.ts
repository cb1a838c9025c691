import type { LocalizedText, Notification } from '@market/contracts'
import { fill, isMessageKey, type Locale, localized, shownLanguage, translate } from '../i18n/i18n.ts'
import { formatFen } from '../listings/money.ts'

/** Pages that change what is read tell the bell, so its count is right without waiting for the next poll. */
export const notificationsChanged = 'market:notifications'
export const announceNotificationsChanged = () => window.dispatchEvent(new Event(notificationsChanged))

/** The title a notification names, as stored in each language when it was written (the Chinese one is always there). */
const titleOf = (params: Notification['params']): LocalizedText | undefined =>
  params.title
    ? { zh: params.title, ...(params.titleBo ? { bo: params.titleBo } : {}), ...(params.titleEn ? { en: params.titleEn } : {}) }
    : undefined

/** The language a notification's title is shown in, when it is not the reader's (to mark it). */
export const foreignTitleLanguage = (locale: Locale, notification: Notification): Locale | undefined => {
  const title = titleOf(notification.params)
  const shown = title ? shownLanguage(locale, title) : locale
  return shown === locale ? undefined : shown
}

/** A notification in the reader's language, with the title in theirs where the supplier gave one (else Chinese). */
export const describeNotification = (locale: Locale, notification: Notification) => {
  const key = `notification.${notification.type}`
  const title = titleOf(notification.params)
  const text = fill(translate(locale, isMessageKey(key) ? key : 'notification.unknown'), {
    title: title ? localized(locale, title) : '',
    type: notification.type,
    bids: notification.params.bids ?? '0',
    from: notification.params.from ?? '',
    // Order totals travel as fen in a string (params are strings); shown as money like everywhere else.
    total: /^\d+$/.test(notification.params.totalFen ?? '') ? formatFen(Number(notification.params.totalFen)) : '',
  })
  return notification.params.reason
    ? `${text} ${fill(translate(locale, 'notification.reason'), { reason: notification.params.reason })}`
    : text
}
