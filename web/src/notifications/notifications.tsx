import type { Notification } from '@market/contracts'
import { useEffect, useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { fill, type Locale, translate, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { formatFen } from '../listings/money.ts'
import { useSession } from '../session/session.ts'

/** Pages that change what is read tell the bell, so its count is right without waiting for the next poll. */
export const notificationsChanged = 'market:notifications'
export const announceNotificationsChanged = () => window.dispatchEvent(new Event(notificationsChanged))

const pollMs = 60_000

const typeKeys: Record<string, MessageKey> = {
  'listing.approved': 'notification.listing.approved',
  'listing.rejected': 'notification.listing.rejected',
  'listing.revision_approved': 'notification.listing.revision_approved',
  'listing.revision_rejected': 'notification.listing.revision_rejected',
  'listing.suspended': 'notification.listing.suspended',
  'listing.reinstated': 'notification.listing.reinstated',
  'order.placed': 'notification.order.placed',
  'order.transfer_recorded': 'notification.order.transfer_recorded',
  'order.paid': 'notification.order.paid',
  'order.shipped': 'notification.order.shipped',
  'order.delivered': 'notification.order.delivered',
  'order.cancelled': 'notification.order.cancelled',
  'order.expired': 'notification.order.expired',
  'order.completed': 'notification.order.completed',
  'order.disputed': 'notification.order.disputed',
  'order.resolved': 'notification.order.resolved',
  'rfq.invited': 'notification.rfq.invited',
  'rfq.bid_received': 'notification.rfq.bid_received',
  'rfq.bid_revised': 'notification.rfq.bid_revised',
  'rfq.bid_withdrawn': 'notification.rfq.bid_withdrawn',
  'rfq.bid_accepted': 'notification.rfq.bid_accepted',
  'rfq.bid_rejected': 'notification.rfq.bid_rejected',
  'rfq.cancelled': 'notification.rfq.cancelled',
  'rfq.closed': 'notification.rfq.closed',
  'rfq.expired': 'notification.rfq.expired',
  'verification.approved': 'notification.verification.approved',
  'verification.rejected': 'notification.verification.rejected',
}

/** A notification in the reader's language; the listing's title is the supplier's Chinese one. */
export const describeNotification = (locale: Locale, notification: Notification) => {
  const key = typeKeys[notification.type]
  const text = fill(translate(locale, key ?? 'notification.unknown'), {
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

/** The unread count: polled every minute, and again whenever the page or the read state changes. */
const useUnreadCount = (path: string) => {
  const { me } = useSession()
  const [unread, setUnread] = useState(0)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    const again = () => setTick((n) => n + 1)
    const timer = setInterval(again, pollMs)
    window.addEventListener(notificationsChanged, again)
    return () => {
      clearInterval(timer)
      window.removeEventListener(notificationsChanged, again)
    }
  }, [])
  useEffect(() => {
    if (!me) return setUnread(0)
    let current = true
    api.notifications.api.notifications.$get().then(
      async (response) => {
        const body = await response.json()
        if (current) setUnread(body.unread)
      },
      // The bell is a hint: a failed poll keeps the last count, the next one tries again.
      () => {},
    )
    return () => {
      current = false
    }
  }, [me?.id, path, tick])
  return unread
}

export const NotificationBell = ({ path }: { path: string }) => {
  const { t } = useI18n()
  const unread = useUnreadCount(path)
  const label = unread > 0 ? fill(t('notifications.bell.unread'), { n: unread }) : t('notifications.bell')
  return (
    <a href="/notifications" class="bell" aria-label={label} aria-current={path === '/notifications' ? 'page' : undefined}>
      <svg class="bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.5A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm0 19a3 3 0 0 0 2.8-2H9.2A3 3 0 0 0 12 22Z"
          fill="currentColor"
        />
      </svg>
      {unread > 0 && (
        <span class="bell__count" data-unread={unread} aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </a>
  )
}
