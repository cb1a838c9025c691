import type { AccountStatus, Role, User } from '@market/contracts'
import { accountStatuses, roles } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { RoleLabel } from '../accounts/role-label.tsx'
import { api } from '../api/client.ts'
import type { Paged } from '../api/use-paged.ts'
import { useRowAction } from '../api/use-row-action.ts'
import { LoadMore } from '../components/load-more.tsx'
import { PagedView } from '../components/paged-view.tsx'
import { ReasonForm } from '../components/reason-form.tsx'
import { RowDetail } from '../components/row-detail.tsx'
import { SelectField } from '../components/select-field.tsx'
import { StackedTable } from '../components/stacked-table.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import { UserCell } from './user-cell.tsx'

/** `q`: the search, the start of an email, company name or phone, or a phone's last digits. */
export type UserFilters = { role: Role | ''; status: AccountStatus | ''; q: string }

/** The search box: a search runs when sent, not on every key. */
const UserSearch = ({ value, onSearch }: { value: string; onSearch: (q: string) => void }) => {
  const { t } = useI18n()
  const [typed, setTyped] = useState(value)
  return (
    <form
      class="field"
      onSubmit={(event: Event) => {
        event.preventDefault()
        onSearch(typed.trim().length >= 2 ? typed.trim() : '')
      }}
    >
      <label class="field__label" for="user-search">
        {t('console.users.search')}
      </label>
      <span class="button-row">
        <input
          id="user-search"
          class="input"
          type="search"
          value={typed}
          maxLength={60}
          placeholder={t('console.users.searchHint')}
          onInput={(event: Event) => setTyped((event.target as HTMLInputElement).value)}
        />
        <button type="submit" class="button button--secondary">
          {t('console.users.searchSubmit')}
        </button>
      </span>
    </form>
  )
}

/** Every account, by role and status, each suspended (with a reason) or reinstated; never the administrator's own. */
export const UsersTable = ({
  users,
  filters,
  setFilters,
  selfId,
  onChanged,
}: {
  users: Paged<User>
  filters: UserFilters
  setFilters: (filters: UserFilters) => void
  selfId: string
  onChanged: (message: string) => void
}) => {
  const { t, locale } = useI18n()
  // The account whose decision is being explained: a suspension, or a reinstatement, each with its reason.
  const [deciding, setDeciding] = useState<{ id: string; action: 'suspend' | 'reinstate' } | null>(null)
  const { busy, failure, run } = useRowAction()

  const act = (user: User, action: 'suspend' | 'reinstate', reason: string) =>
    run(user.id, async () => {
      const route = api.admin.api.admin.users[':id']
      if (action === 'suspend') await route.suspend.$post({ param: { id: user.id }, json: { reason } })
      else await route.reinstate.$post({ param: { id: user.id }, json: { reason } })
      setDeciding(null)
      onChanged(fill(t(action === 'suspend' ? 'admin.suspended' : 'admin.reinstated'), { name: user.name }))
    })

  const columns = [t('admin.user'), t('account.role'), t('admin.filter.status'), t('account.since'), t('admin.actions')]
  return (
    <section class="section" aria-labelledby="users-title">
      <h2 id="users-title">{t('admin.users.title')}</h2>
      <div class="filters">
        <UserSearch value={filters.q} onSearch={(q) => setFilters({ ...filters, q })} />
        <SelectField
          id="filter-role"
          label={t('admin.filter.role')}
          value={filters.role}
          options={roles}
          optionLabel={(role) => t(`role.${role}`)}
          blank={t('admin.filter.all')}
          onChange={(role) => setFilters({ ...filters, role })}
        />
        <SelectField
          id="filter-status"
          label={t('admin.filter.status')}
          value={filters.status}
          options={accountStatuses}
          optionLabel={(status) => t(`status.${status}`)}
          blank={t('admin.filter.all')}
          onChange={(status) => setFilters({ ...filters, status })}
        />
      </div>
      <PagedView list={users} empty={t('admin.users.empty')}>
        {(users) => (
          <>
            <StackedTable columns={columns}>
              {users.items.map((user) => {
                const failed = failure?.id === user.id ? failure.error : undefined
                const action = user.status === 'active' ? 'suspend' : 'reinstate'
                const open = deciding?.id === user.id
                return (
                  <>
                    <tr data-user={user.email}>
                      <td data-label={columns[0]}>
                        <UserCell user={user} />
                      </td>
                      <td data-label={columns[1]}>
                        <span>
                          <RoleLabel role={user.role} />
                          {user.verification && <span class="who__meta"> · {t(`verification.${user.verification}`)}</span>}
                        </span>
                      </td>
                      <td data-label={columns[2]}>
                        <StatusBadge kind="account" status={user.status} />
                      </td>
                      <td data-label={columns[3]}>{formatDateTime(locale, user.createdAt)}</td>
                      <td data-label={columns[4]}>
                        {user.id === selfId ? (
                          '—'
                        ) : (
                          <button
                            type="button"
                            class="button button--secondary button--small"
                            aria-expanded={open ? 'true' : 'false'}
                            disabled={busy === user.id}
                            onClick={() => setDeciding(open ? null : { id: user.id, action })}
                          >
                            {t(action === 'suspend' ? 'admin.suspend' : 'admin.reinstate')}
                          </button>
                        )}
                      </td>
                    </tr>
                    {(open || failed !== undefined) && (
                      <RowDetail colSpan={columns.length} failure={failed}>
                        {open && (
                          <ReasonForm
                            id={`${action}-${user.id}`}
                            label={t(action === 'suspend' ? 'admin.suspendReason' : 'console.users.reinstateReason')}
                            confirm={t(action === 'suspend' ? 'admin.confirmSuspend' : 'console.users.confirmReinstate')}
                            busy={busy === user.id}
                            onConfirm={(reason) => act(user, action, reason)}
                            onCancel={() => setDeciding(null)}
                          />
                        )}
                      </RowDetail>
                    )}
                  </>
                )
              })}
            </StackedTable>
            <LoadMore list={users} label={t('admin.loadMore')} />
          </>
        )}
      </PagedView>
    </section>
  )
}
