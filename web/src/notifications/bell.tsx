import { countText } from '../components/nav-count.tsx'
import { fill, useI18n } from '../i18n/i18n.ts'
import './bell.css'

/** The header's bell, with the unread count the layout polls (see `useAttention`). */
export const NotificationBell = ({ path, unread }: { path: string; unread: number }) => {
  const { t } = useI18n()
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
          {countText(unread)}
        </span>
      )}
    </a>
  )
}
