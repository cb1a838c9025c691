import type { User } from '@market/contracts'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { Announcement } from '../components/announcement.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { type UserFilters, UsersTable } from './users-table.tsx'

/** Every account, searched by email, company or phone and filtered by role and status; suspend or reinstate one with a reason. */
export const UsersSection = ({ me }: { me: User }) => {
  const { t } = useI18n()
  const [changes, setChanges] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  const [filters, setFilters] = useState<UserFilters>({ role: '', status: '', q: '' })
  const { role, status, q } = filters
  const users = usePaged(
    async (cursor) =>
      (
        await api.admin.api.admin.users.$get({
          query: { ...(role ? { role } : {}), ...(status ? { status } : {}), ...(q ? { q } : {}), ...pageQuery(25, cursor) },
        })
      ).json(),
    [role, status, q, changes],
  )
  return (
    <>
      <h1>{t('console.users')}</h1>
      <Announcement message={announcement} />
      <UsersTable
        users={users}
        filters={filters}
        setFilters={setFilters}
        selfId={me.id}
        onChanged={(message) => {
          setAnnouncement(message)
          setChanges((n) => n + 1)
        }}
      />
    </>
  )
}
