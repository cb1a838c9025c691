import type { MarkReadInput } from '@market/contracts'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import type { NotificationItem } from '../api/types.ts'
import { useResource } from '../api/use-resource.ts'
import { describeError, FormError } from '../components/form.tsx'
import { LanguageTag } from '../components/localized-text.tsx'
import { EmptyState, ResourceView } from '../components/states.tsx'
import { fill, formatDateTime, type Locale, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { announceNotificationsChanged, describeNotification, foreignTitleLanguage } from './describe.ts'
import './notification-list.css'

/** Where a notification leads, if anywhere: its listing, its request, the account, or its order. */
const destinations = (item: NotificationItem): { href: string; label: MessageKey }[] => [
  ...(item.params.listingId ? [{ href: `/listings/${item.params.listingId}`, label: 'notifications.openListing' as const }] : []),
  ...(item.params.rfqId && !item.params.orderId
    ? [{ href: `/rfqs/${item.params.rfqId}`, label: 'notifications.openRfq' as const }]
    : []),
  ...(item.type.startsWith('verification.') || item.type.startsWith('bank_account.')
    ? [{ href: '/account', label: 'notifications.openAccount' as const }]
    : []),
  ...(item.params.orderId ? [{ href: `/orders/${item.params.orderId}`, label: 'notifications.openOrder' as const }] : []),
  ...(item.params.threadId ? [{ href: `/inbox/${item.params.threadId}`, label: 'notifications.openThread' as const }] : []),
]

/** The reader's notifications, newest first; following one marks it read, and all can be marked at once. */
export const NotificationList = () => {
  const { t, locale } = useI18n()
  const [changes, setChanges] = useState(0)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const list = useResource(async () => (await api.notifications.api.notifications.$get()).json(), [changes])
  const foreignTitle = (item: NotificationItem) => foreignTitleLanguage(locale, item)

  const markRead = async (body: MarkReadInput) => {
    setBusy(true)
    setFailure(null)
    try {
      await api.notifications.api.notifications.read.$post({ json: body })
      setChanges((n) => n + 1)
      announceNotificationsChanged()
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <h1>{t('notifications.title')}</h1>
      {failure !== null && <FormError>{describeError(locale, failure)}</FormError>}
      <ResourceView resource={list}>
        {({ items, unread }) =>
          items.length === 0 ? (
            <EmptyState>{t('notifications.empty')}</EmptyState>
          ) : (
            <>
              <div class="page-head">
                <p class="notifications__summary">{fill(t('notifications.unreadCount'), { n: unread })}</p>
                {unread > 0 && (
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    disabled={busy}
                    onClick={() => markRead({ all: true })}
                  >
                    {t('notifications.markAll')}
                  </button>
                )}
              </div>
              <ul class="notification-list">
                {items.map((item) => (
                  <li
                    class={`notification${item.read ? '' : ' notification--unread'}`}
                    data-notification={item.type}
                    data-read={String(item.read)}
                  >
                    <p class="notification__text">
                      {!item.read && <span class="visually-hidden">{t('notifications.unread')} </span>}
                      {describeNotification(locale, item)}
                      {foreignTitle(item) && (
                        <>
                          {' '}
                          <LanguageTag lang={foreignTitle(item) as Locale} />
                        </>
                      )}
                    </p>
                    <p class="notification__meta">
                      {formatDateTime(locale, item.createdAt)}
                      {item.params.orderNumber && (
                        <>
                          {' · '}
                          {t('orders.number')} <code data-order-number>{item.params.orderNumber}</code>
                        </>
                      )}
                    </p>
                    <div class="button-row">
                      {destinations(item).map(({ href, label }) => (
                        <a
                          href={href}
                          class="button button--secondary button--small"
                          onClick={() => !item.read && markRead({ ids: [item.id] })}
                        >
                          {t(label)}
                        </a>
                      ))}
                      {!item.read && (
                        <button
                          type="button"
                          class="button button--secondary button--small"
                          disabled={busy}
                          onClick={() => markRead({ ids: [item.id] })}
                        >
                          {t('notifications.markRead')}
                        </button>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </ResourceView>
    </>
  )
}
