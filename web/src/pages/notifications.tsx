import type { Notification } from '@market/contracts'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { useResource } from '../api/use-resource.ts'
import { describeError, FormError } from '../components/form.tsx'
import { EmptyState, Loading, ResourceView } from '../components/states.tsx'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import { announceNotificationsChanged, describeNotification } from '../notifications/notifications.tsx'
import { useRequireSignIn } from '../session/session.ts'

const NotificationList = () => {
  const { t, locale } = useI18n()
  const [changes, setChanges] = useState(0)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const list = useResource(async () => (await api.notifications.api.notifications.$get()).json(), [changes])

  const markRead = async (body: { ids: string[] } | { all: true }) => {
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
                {items.map((item: Notification) => (
                  <li
                    class={`notification${item.read ? '' : ' notification--unread'}`}
                    data-notification={item.type}
                    data-read={String(item.read)}
                  >
                    <p class="notification__text">
                      {!item.read && <span class="visually-hidden">{t('notifications.unread')} </span>}
                      {describeNotification(locale, item)}
                    </p>
                    <p class="notification__meta">{formatDateTime(locale, item.createdAt)}</p>
                    <div class="button-row">
                      {item.params.listingId && (
                        <a
                          href={`/listings/${item.params.listingId}`}
                          class="button button--secondary button--small"
                          onClick={() => !item.read && markRead({ ids: [item.id] })}
                        >
                          {t('notifications.openListing')}
                        </a>
                      )}
                      {item.params.rfqId && !item.params.orderId && (
                        <a
                          href={`/rfqs/${item.params.rfqId}`}
                          class="button button--secondary button--small"
                          onClick={() => !item.read && markRead({ ids: [item.id] })}
                        >
                          {t('notifications.openRfq')}
                        </a>
                      )}
                      {item.type.startsWith('verification.') && (
                        <a
                          href="/account"
                          class="button button--secondary button--small"
                          onClick={() => !item.read && markRead({ ids: [item.id] })}
                        >
                          {t('notifications.openAccount')}
                        </a>
                      )}
                      {item.params.orderId && (
                        <a
                          href={`/orders/${item.params.orderId}`}
                          class="button button--secondary button--small"
                          onClick={() => !item.read && markRead({ ids: [item.id] })}
                        >
                          {t('notifications.openOrder')}
                        </a>
                      )}
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

export const NotificationsPage = () => {
  const { me } = useRequireSignIn()
  if (!me) return <Loading />
  return <NotificationList />
}
