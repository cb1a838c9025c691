import type { AccountStatus, AuditEntry, PendingVerification, Role, User } from '@market/contracts'
import { accountStatuses, roles } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { type Paged, usePaged } from '../api/use-paged.ts'
import { useResource } from '../api/use-resource.ts'
import { useRowAction } from '../api/use-row-action.ts'
import { AdminOnly } from '../components/admin-only.tsx'
import { RoleLabel } from '../components/badges.tsx'
import { describeError, FormError } from '../components/form.tsx'
import { LoadMore } from '../components/load-more.tsx'
import { PagedView } from '../components/paged-view.tsx'
import { ReasonForm } from '../components/reason-form.tsx'
import { EmptyState, Loading, ResourceView } from '../components/states.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { useRequireSignIn } from '../session/session.ts'

const pageSize = '25'

const SupplierCell = ({ user }: { user: User }) => (
  <div class="who">
    <span class="who__name">{user.name}</span>
    <span class="who__meta">{user.company.name}</span>
    <span class="who__meta">{user.email}</span>
  </div>
)

type Announce = (message: string) => void

const PendingSection = ({ changes, onChanged }: { changes: number; onChanged: Announce }) => {
  const { t, locale } = useI18n()
  const pending = useResource(async () => (await api.admin.api.admin.verifications.$get()).json(), [changes])
  const [rejecting, setRejecting] = useState<string | null>(null)
  const { busy, failure, run } = useRowAction()

  const decide = (item: PendingVerification, decision: 'approve' | 'reject', reason?: string) =>
    run(item.supplier.id, async () => {
      await api.admin.api.admin.suppliers[':id'].verification.$post({
        param: { id: item.supplier.id },
        json: reason ? { decision, reason } : { decision },
      })
      setRejecting(null)
      onChanged(fill(t(decision === 'approve' ? 'admin.approved' : 'admin.rejected'), { name: item.supplier.name }))
    })

  return (
    <section class="section" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('admin.pending.title')}</h2>
      <ResourceView resource={pending}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState>{t('admin.pending.empty')}</EmptyState>
          ) : (
            <div class="table-wrap table-wrap--stack">
              <table class="table table--stack">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.supplier')}</th>
                    <th scope="col">{t('verification.licenseNumber')}</th>
                    <th scope="col">{t('verification.stall')}</th>
                    <th scope="col">{t('verification.contactPhone')}</th>
                    <th scope="col">{t('verification.submittedAt')}</th>
                    <th scope="col">{t('admin.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <>
                      <tr data-supplier={item.supplier.email}>
                        <td data-label={t('admin.supplier')}>
                          <SupplierCell user={item.supplier} />
                        </td>
                        <td data-label={t('verification.licenseNumber')}>
                          <code>{item.licenseNumber}</code>
                        </td>
                        <td data-label={t('verification.stall')}>{item.stall ?? '—'}</td>
                        <td data-label={t('verification.contactPhone')}>{item.contactPhone}</td>
                        <td data-label={t('verification.submittedAt')}>{formatDateTime(locale, item.submittedAt)}</td>
                        <td data-label={t('admin.actions')}>
                          <div class="button-row">
                            <button
                              type="button"
                              class="button button--primary button--small"
                              disabled={busy === item.supplier.id}
                              onClick={() => decide(item, 'approve')}
                            >
                              {t('admin.approve')}
                            </button>
                            <button
                              type="button"
                              class="button button--secondary button--small"
                              aria-expanded={rejecting === item.supplier.id ? 'true' : 'false'}
                              disabled={busy === item.supplier.id}
                              onClick={() => setRejecting(rejecting === item.supplier.id ? null : item.supplier.id)}
                            >
                              {t('admin.reject')}
                            </button>
                          </div>
                        </td>
                      </tr>
                      {(rejecting === item.supplier.id || failure?.id === item.supplier.id) && (
                        <tr class="table__detail">
                          <td colSpan={6}>
                            {failure?.id === item.supplier.id && <FormError>{describeError(locale, failure.error)}</FormError>}
                            {rejecting === item.supplier.id && (
                              <ReasonForm
                                id={`reject-${item.supplier.id}`}
                                label={t('admin.rejectReason')}
                                confirm={t('admin.confirmReject')}
                                busy={busy === item.supplier.id}
                                onConfirm={(reason) => decide(item, 'reject', reason)}
                                onCancel={() => setRejecting(null)}
                              />
                            )}
                          </td>
                        </tr>
                      )}
                    </>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ResourceView>
    </section>
  )
}

const UsersSection = ({
  users,
  role,
  status,
  setRole,
  setStatus,
  selfId,
  onChanged,
}: {
  users: Paged<User>
  role: Role | ''
  status: AccountStatus | ''
  setRole: (role: Role | '') => void
  setStatus: (status: AccountStatus | '') => void
  selfId: string
  onChanged: Announce
}) => {
  const { t, locale } = useI18n()
  const [suspending, setSuspending] = useState<string | null>(null)
  const { busy, failure, run } = useRowAction()

  const act = (user: User, action: 'suspend' | 'reinstate', reason?: string) =>
    run(user.id, async () => {
      if (action === 'suspend') {
        await api.admin.api.admin.users[':id'].suspend.$post({ param: { id: user.id }, json: { reason: reason ?? '' } })
      } else {
        await api.admin.api.admin.users[':id'].reinstate.$post({ param: { id: user.id }, json: {} })
      }
      setSuspending(null)
      onChanged(fill(t(action === 'suspend' ? 'admin.suspended' : 'admin.reinstated'), { name: user.name }))
    })

  return (
    <section class="section" aria-labelledby="users-title">
      <h2 id="users-title">{t('admin.users.title')}</h2>
      <div class="filters">
        <div class="field">
          <label class="field__label" for="filter-role">
            {t('admin.filter.role')}
          </label>
          <select
            id="filter-role"
            class="select"
            onChange={(event: Event) => {
              const value = (event.target as HTMLSelectElement).value
              setRole(roles.find((option) => option === value) ?? '')
            }}
          >
            <option value="" selected={role === ''}>
              {t('admin.filter.all')}
            </option>
            {roles.map((option) => (
              <option value={option} selected={role === option}>
                {t(`role.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="field__label" for="filter-status">
            {t('admin.filter.status')}
          </label>
          <select
            id="filter-status"
            class="select"
            onChange={(event: Event) => {
              const value = (event.target as HTMLSelectElement).value
              setStatus(accountStatuses.find((option) => option === value) ?? '')
            }}
          >
            <option value="" selected={status === ''}>
              {t('admin.filter.all')}
            </option>
            {accountStatuses.map((option) => (
              <option value={option} selected={status === option}>
                {t(`status.${option}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <PagedView list={users} empty={t('admin.users.empty')}>
        {(users) => (
          <>
            <div class="table-wrap table-wrap--stack">
              <table class="table table--stack">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.user')}</th>
                    <th scope="col">{t('account.role')}</th>
                    <th scope="col">{t('admin.filter.status')}</th>
                    <th scope="col">{t('account.since')}</th>
                    <th scope="col">{t('admin.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {users.items.map((user) => (
                    <>
                      <tr data-user={user.email}>
                        <td data-label={t('admin.user')}>
                          <SupplierCell user={user} />
                        </td>
                        <td data-label={t('account.role')}>
                          <span>
                            <RoleLabel role={user.role} />
                            {user.verification && <span class="who__meta"> · {t(`verification.${user.verification}`)}</span>}
                          </span>
                        </td>
                        <td data-label={t('admin.filter.status')}>
                          <StatusBadge kind="account" status={user.status} />
                        </td>
                        <td data-label={t('account.since')}>{formatDateTime(locale, user.createdAt)}</td>
                        <td data-label={t('admin.actions')}>
                          {user.id === selfId ? (
                            '—'
                          ) : user.status === 'active' ? (
                            <button
                              type="button"
                              class="button button--secondary button--small"
                              aria-expanded={suspending === user.id ? 'true' : 'false'}
                              disabled={busy === user.id}
                              onClick={() => setSuspending(suspending === user.id ? null : user.id)}
                            >
                              {t('admin.suspend')}
                            </button>
                          ) : (
                            <button
                              type="button"
                              class="button button--secondary button--small"
                              disabled={busy === user.id}
                              onClick={() => act(user, 'reinstate')}
                            >
                              {t('admin.reinstate')}
                            </button>
                          )}
                        </td>
                      </tr>
                      {(suspending === user.id || failure?.id === user.id) && (
                        <tr class="table__detail">
                          <td colSpan={5}>
                            {failure?.id === user.id && <FormError>{describeError(locale, failure.error)}</FormError>}
                            {suspending === user.id && (
                              <ReasonForm
                                id={`suspend-${user.id}`}
                                label={t('admin.suspendReason')}
                                confirm={t('admin.confirmSuspend')}
                                busy={busy === user.id}
                                onConfirm={(reason) => act(user, 'suspend', reason)}
                                onCancel={() => setSuspending(null)}
                              />
                            )}
                          </td>
                        </tr>
                      )}
                    </>
                  ))}
                </tbody>
              </table>
            </div>
            <LoadMore list={users} label={t('admin.loadMore')} />
          </>
        )}
      </PagedView>
    </section>
  )
}

const AuditSection = ({ changes, names }: { changes: number; names: Map<string, string> }) => {
  const { t, locale } = useI18n()
  const audit = usePaged<AuditEntry>(
    async (cursor) =>
      (await api.admin.api.admin.audit.$get({ query: { limit: pageSize, ...(cursor ? { cursor } : {}) } })).json(),
    [changes],
  )
  // Actions added by later issues show their code until the catalogs name them.
  const action = (code: string) => (auditKeys.has(`audit.${code}`) ? t(`audit.${code}` as MessageKey) : code)
  const who = (id: string) => names.get(id) ?? id
  return (
    <section class="section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admin.audit.title')}</h2>
      <PagedView list={audit} empty={t('admin.audit.empty')}>
        {(audit) => (
          <>
            <div class="table-wrap table-wrap--stack">
              <table class="table table--stack">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.audit.at')}</th>
                    <th scope="col">{t('admin.audit.actor')}</th>
                    <th scope="col">{t('admin.audit.action')}</th>
                    <th scope="col">{t('admin.audit.target')}</th>
                    <th scope="col">{t('admin.audit.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {audit.items.map((entry) => (
                    <tr data-audit={entry.action}>
                      <td data-label={t('admin.audit.at')}>{formatDateTime(locale, entry.at)}</td>
                      <td data-label={t('admin.audit.actor')}>{who(entry.actorId)}</td>
                      <td data-label={t('admin.audit.action')}>{action(entry.action)}</td>
                      <td data-label={t('admin.audit.target')}>
                        {entry.action.startsWith('listing.') ? (
                          <a href={`/listings/${entry.targetId}`}>{entry.targetId}</a>
                        ) : entry.action.startsWith('order.') ? (
                          <a href={`/orders/${entry.targetId}`}>{entry.targetId}</a>
                        ) : (
                          who(entry.targetId)
                        )}
                      </td>
                      <td data-label={t('admin.audit.reason')}>{entry.reason ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <LoadMore list={audit} label={t('admin.loadMore')} />
          </>
        )}
      </PagedView>
    </section>
  )
}

const auditKeys = new Set<string>([
  'audit.supplier.verification.approve',
  'audit.supplier.verification.reject',
  'audit.user.suspend',
  'audit.user.reinstate',
  'audit.listing.approved',
  'audit.listing.rejected',
  'audit.listing.revision_approved',
  'audit.listing.revision_rejected',
  'audit.listing.suspended',
  'audit.listing.reinstated',
  'audit.order.dispute.refund',
  'audit.order.dispute.release',
])

const AdminConsole = ({ me }: { me: User }) => {
  const { t } = useI18n()
  const [changes, setChanges] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  const [role, setRole] = useState<Role | ''>('')
  const [status, setStatus] = useState<AccountStatus | ''>('')
  const users = usePaged<User>(
    async (cursor) =>
      (
        await api.admin.api.admin.users.$get({
          query: { limit: pageSize, ...(role ? { role } : {}), ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) },
        })
      ).json(),
    [role, status, changes],
  )
  const names = new Map<string, string>([[me.id, me.name]])
  if (users.state === 'ready') for (const user of users.items) names.set(user.id, user.name)
  const changed: Announce = (message) => {
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
        </span>
      </p>
      <p class="announcement" role="status">
        {announcement}
      </p>
      <PendingSection changes={changes} onChanged={changed} />
      <UsersSection
        users={users}
        role={role}
        status={status}
        setRole={setRole}
        setStatus={setStatus}
        selfId={me.id}
        onChanged={changed}
      />
      <AuditSection changes={changes} names={names} />
    </>
  )
}

export const AdminPage = () => {
  const { t } = useI18n()
  const { me } = useRequireSignIn()
  if (!me) return <Loading />
  if (me.role !== 'admin') {
    return (
      <AdminOnly>
        <a href="/" class="button button--primary">
          {t('notFound.back')}
        </a>
      </AdminOnly>
    )
  }
  return <AdminConsole me={me} />
}
