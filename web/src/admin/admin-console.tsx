import type { User } from '@market/contracts'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { Announcement } from '../components/announcement.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { AuditLog } from './audit-log.tsx'
import { PendingVerifications } from './pending-verifications.tsx'
import { type UserFilters, UsersTable } from './users-table.tsx'

/** The administrator's desk: verifications waiting, every account, and the audit log; a decision refreshes all three. */
export const AdminConsole = ({ me }: { me: User }) => {
  const { t } = useI18n()
  const [changes, setChanges] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  const [filters, setFilters] = useState<UserFilters>({ role: '', status: '' })
  const { role, status } = filters
  const users = usePaged(
    async (cursor) =>
      (
        await api.admin.api.admin.users.$get({
          query: { ...(role ? { role } : {}), ...(status ? { status } : {}), ...pageQuery(25, cursor) },
        })
      ).json(),
    [role, status, changes],
  )
  // The audit log names people the users table has loaded.
  const names = new Map<string, string>([[me.id, me.name]])
  if (users.state === 'ready') for (const user of users.items) names.set(user.id, user.name)
  const changed = (message: string) => {
    setAnnouncement(message)
    setChanges((n) => n + 1)
  }
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p>
        <span class="button-row">
          <a href="/admin/listings" class="button button--secondary">
            {t('nav.moderation')}
          </a>
          <a href="/admin/orders" class="button button--secondary">
            {t('nav.adminOrders')}
          </a>
          <a href="/admin/ratings" class="button button--secondary">
            {t('nav.ratingReports')}
          </a>
          <a href="/admin/metrics" class="button button--secondary">
            {t('nav.metrics')}
          </a>
          <a href="/admin/certifications" class="button button--secondary">
            {t('nav.certifications')}
          </a>
        </span>
      </p>
      <Announcement message={announcement} />
      <PendingVerifications changes={changes} onChanged={changed} />
      <UsersTable users={users} filters={filters} setFilters={setFilters} selfId={me.id} onChanged={changed} />
      <AuditLog changes={changes} names={names} />
    </>
  )
}
