import type { AdminQueueCounts } from '@market/contracts'
import { useState } from 'hono/jsx/dom'
import { Announcement } from '../components/announcement.tsx'
import { fill, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { queuesChanged, useQueueCounts } from './console-layout.tsx'
import { PendingVerifications } from './pending-verifications.tsx'

/** Each queue the console counts, and where it is worked. */
const queues: { key: keyof AdminQueueCounts; label: MessageKey; href: string }[] = [
  { key: 'verifications', label: 'console.queue.verifications', href: '/admin' },
  { key: 'bankAccountChanges', label: 'console.queue.bankAccountChanges', href: '/admin' },
  { key: 'listingsToReview', label: 'console.queue.listingsToReview', href: '/admin/listings' },
  { key: 'reportedListings', label: 'console.queue.reportedListings', href: '/admin/reports' },
  { key: 'reportedRatings', label: 'console.queue.reportedRatings', href: '/admin/ratings' },
  { key: 'disputes', label: 'console.queue.disputes', href: '/admin/orders' },
  { key: 'unconfirmedTransfers', label: 'console.queue.unconfirmedTransfers', href: '/admin/orders' },
  { key: 'certificationRequests', label: 'console.queue.certificationRequests', href: '/admin/certifications' },
]

/** How much waits in every queue, each a link to where it is worked. */
const QueueSummary = () => {
  const { t } = useI18n()
  const counts = useQueueCounts()
  if (counts.state !== 'ready') return null
  return (
    <ul class="queue-summary" aria-label={t('console.queues')}>
      {queues.map((queue) => {
        const n = counts.data[queue.key]
        return (
          <li>
            <a href={queue.href} class="queue-summary__item card" data-queue={queue.key} data-count={n}>
              <span class="queue-summary__count">{n >= 1000 ? '999+' : n}</span>
              <span>{fill(t(queue.label), { n })}</span>
            </a>
          </li>
        )
      })}
    </ul>
  )
}

/** The console's first section: what waits in every queue, and the suppliers waiting for verification (new, or a bank-account change). */
export const AdminConsole = () => {
  const { t } = useI18n()
  const [changes, setChanges] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  const changed = (message: string) => {
    setAnnouncement(message)
    setChanges((n) => n + 1)
    queuesChanged()
  }
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <QueueSummary />
      <Announcement message={announcement} />
      <PendingVerifications changes={changes} onChanged={changed} />
    </>
  )
}
