import { useEffect, useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { fill, useI18n } from '../i18n/i18n.ts'
import { useSession } from '../session/session.ts'
import { notificationsChanged } from './describe.ts'
import './bell.css'

const pollMs = 60_000

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
