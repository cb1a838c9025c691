import type { MeResponse } from '@market/contracts'
import { api } from '../api/client.ts'
import type { ThreadItem } from '../api/types.ts'
import { useResource } from '../api/use-resource.ts'
import { NavCount } from '../components/nav-count.tsx'
import { EmptyState, ResourceView } from '../components/states.tsx'
import { fill, formatDateTime, localized, useI18n } from '../i18n/i18n.ts'
import { useSearch } from '../router.ts'
import { ThreadView } from './thread-view.tsx'
import './threads.css'

/** Who the reader talks to in a thread: the side it is not on. */
export const otherSide = (thread: ThreadItem, me: MeResponse) => (thread.buyer.id === me.id ? thread.supplier : thread.buyer)

/** Where the thing a thread is about is shown. */
const subjectLinks = {
  rfq: { path: '/rfqs/', label: 'notifications.openRfq' },
  listing: { path: '/listings/', label: 'notifications.openListing' },
  order: { path: '/orders/', label: 'notifications.openOrder' },
} as const

/** One line of the inbox: what about, with whom, the newest message, and the unread badge. */
const ThreadRow = ({ thread, me }: { thread: ThreadItem; me: MeResponse }) => {
  const { t, locale } = useI18n()
  return (
    <li>
      <a
        href={`/inbox/${thread.id}`}
        class={`thread-list__item${thread.unread > 0 ? ' thread-list__item--unread' : ''}`}
        data-thread-row={thread.id}
        data-unread={thread.unread}
      >
        <span class="thread-list__head">
          <span class="badge">{t(`inbox.kind.${thread.subject.kind}`)}</span>
          <span class="thread-list__title">{localized(locale, thread.title)}</span>
          <NavCount n={thread.unread} />
          {thread.unread > 0 && <span class="visually-hidden">{fill(t('inbox.unread'), { n: thread.unread })}</span>}
        </span>
        <span class="thread-list__head">
          <span>{fill(t('thread.with'), { company: otherSide(thread, me).company })}</span>
          <span class="message__meta">{formatDateTime(locale, thread.lastMessageAt)}</span>
        </span>
        <p class="thread-list__preview">{thread.preview || t('thread.deleted')}</p>
      </a>
    </li>
  )
}

/** The reader's threads, latest message first, with unread badges. */
export const Inbox = ({ me }: { me: MeResponse }) => {
  const { t } = useI18n()
  const search = useSearch()
  const threads = useResource(async () => (await api.threads.api.threads.$get({ query: {} })).json(), [search])
  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <ResourceView resource={threads}>
        {({ items, unread }) =>
          items.length === 0 ? (
            <EmptyState>{t('inbox.empty')}</EmptyState>
          ) : (
            <>
              <p data-unread-total={unread}>{fill(t('inbox.unreadTotal'), { n: unread })}</p>
              <ul class="thread-list">
                {items.map((thread) => (
                  <ThreadRow thread={thread} me={me} />
                ))}
              </ul>
            </>
          )
        }
      </ResourceView>
    </>
  )
}

/** One thread on a page of its own: what it is about (a link to it) and its messages. */
export const ThreadScreen = ({ id, me }: { id: string; me: MeResponse }) => {
  const { t, locale } = useI18n()
  const thread = useResource(async () => {
    const page = await (await api.threads.api.threads[':id'].messages.$get({ param: { id }, query: { limit: '1' } })).json()
    return page.thread
  }, [id])
  return (
    <>
      <p class="back-link">
        <a href="/inbox">{t('inbox.back')}</a>
      </p>
      <ResourceView resource={thread}>
        {(found) => (
          <>
            <h1>{localized(locale, found.title)}</h1>
            <p class="thread-list__head">
              <span class="badge">{t(`inbox.kind.${found.subject.kind}`)}</span>
              <span>{fill(t('thread.with'), { company: otherSide({ ...found }, me).company })}</span>
              <a href={`${subjectLinks[found.subject.kind].path}${found.subject.id}`}>
                {t(subjectLinks[found.subject.kind].label)}
              </a>
            </p>
            <ThreadView threadId={id} me={me} />
          </>
        )}
      </ResourceView>
    </>
  )
}
