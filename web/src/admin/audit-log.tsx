import type { AuditEntry } from '@market/contracts'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { useResource } from '../api/use-resource.ts'
import { TextField } from '../components/form.tsx'
import { LoadMore } from '../components/load-more.tsx'
import { LocalizedTextView } from '../components/localized-text.tsx'
import { PagedView } from '../components/paged-view.tsx'
import { SelectField } from '../components/select-field.tsx'
import { StackedTable } from '../components/stacked-table.tsx'
import { codesWorded, formatDateTime, isMessageKey, useI18n } from '../i18n/i18n.ts'

/** The log's filters, as the API takes them: '' for none; days are China Standard Time days. */
export type AuditFilters = { actor: string; action: string; target: string; from: string; to: string }
const filterNames = ['actor', 'action', 'target', 'from', 'to'] as const

/** The filters a link gives in its query string (`/admin/audit?target=…`). */
export const auditFiltersOf = (search: string): AuditFilters => {
  const params = new URLSearchParams(search)
  return Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])) as AuditFilters
}

/** Where the object an entry is about has a page of its own. */
const targetPage = (entry: AuditEntry) => {
  const id = encodeURIComponent(entry.targetId)
  if (entry.targetType === 'listing') return `/listings/${id}`
  if (entry.targetType === 'order') return `/orders/${id}`
  if (entry.targetType === 'category') return `/market?category=${id}`
  if (entry.targetType === 'growth-target' || entry.targetType === 'price-index') return '/admin/metrics'
  // Suppliers have a public page; other accounts have none.
  if (entry.targetType === 'user' && entry.action.startsWith('supplier.')) return `/suppliers/${id}`
  return undefined
}

const Target = ({ entry }: { entry: AuditEntry }) => {
  // Entries written before names were kept show the object's id.
  const name = entry.targetName ? <LocalizedTextView text={entry.targetName} /> : entry.targetId
  const href = targetPage(entry)
  return href ? <a href={href}>{name}</a> : name
}

/**
 * Every administrator's decision, newest first: who did what to which object, when and why, by
 * the names the entries keep; filtered by administrator, action, object and days.
 */
export const AuditLog = ({ changes, initial }: { changes: number; initial?: AuditFilters }) => {
  const { t, locale } = useI18n()
  const [filters, setFilters] = useState<AuditFilters>(initial ?? auditFiltersOf(''))
  const admins = useResource(
    async () => (await api.admin.api.admin.users.$get({ query: { role: 'admin', limit: '100' } })).json(),
    [],
  )
  const audit = usePaged(
    async (cursor) => {
      const given = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''))
      return (await api.admin.api.admin.audit.$get({ query: { ...given, ...pageQuery(25, cursor) } })).json()
    },
    [changes, ...filterNames.map((name) => filters[name])],
  )
  const set = (changed: Partial<AuditFilters>) => setFilters({ ...filters, ...changed })
  // Actions added by later issues show their code until the catalogs name them.
  const action = (code: string) => {
    const key = `audit.${code}`
    return isMessageKey(key) ? t(key) : code
  }
  const adminNames = new Map(admins.state === 'ready' ? admins.data.items.map((user) => [user.id, user.name]) : [])
  const columns = [
    t('admin.audit.at'),
    t('admin.audit.actor'),
    t('admin.audit.action'),
    t('admin.audit.target'),
    t('admin.audit.reason'),
  ]
  return (
    <section class="section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admin.audit.title')}</h2>
      <div class="filters" data-audit-filters>
        <SelectField
          id="audit-actor"
          label={t('admin.audit.actor')}
          value={filters.actor}
          options={[...adminNames.keys()]}
          optionLabel={(id) => adminNames.get(id) ?? id}
          blank={t('admin.filter.all')}
          onChange={(actor) => set({ actor })}
        />
        <SelectField
          id="audit-action"
          label={t('admin.audit.action')}
          value={filters.action}
          options={codesWorded('audit.')}
          optionLabel={action}
          blank={t('admin.filter.all')}
          onChange={(code) => set({ action: code })}
        />
        <TextField
          id="audit-target"
          label={t('admin.audit.targetId')}
          value={filters.target}
          onInput={(target) => set({ target: target.trim() })}
        />
        <TextField
          id="audit-from"
          type="date"
          label={t('admin.audit.from')}
          value={filters.from}
          onInput={(from) => set({ from })}
        />
        <TextField id="audit-to" type="date" label={t('admin.audit.to')} value={filters.to} onInput={(to) => set({ to })} />
      </div>
      <PagedView list={audit} empty={t('admin.audit.empty')}>
        {(audit) => (
          <>
            <StackedTable columns={columns}>
              {audit.items.map((entry) => (
                <tr data-audit={entry.action}>
                  <td data-label={columns[0]}>{formatDateTime(locale, entry.at)}</td>
                  <td data-label={columns[1]}>{entry.actorName ?? adminNames.get(entry.actorId) ?? entry.actorId}</td>
                  <td data-label={columns[2]}>{action(entry.action)}</td>
                  <td data-label={columns[3]}>
                    <Target entry={entry} />{' '}
                    {filters.target !== entry.targetId && (
                      <button
                        type="button"
                        class="button button--secondary button--small"
                        data-audit-history={entry.targetId}
                        onClick={() => set({ target: entry.targetId })}
                      >
                        {t('admin.audit.history')}
                      </button>
                    )}
                  </td>
                  <td data-label={columns[4]}>{entry.reason ?? '—'}</td>
                </tr>
              ))}
            </StackedTable>
            <LoadMore list={audit} label={t('admin.loadMore')} />
          </>
        )}
      </PagedView>
    </section>
  )
}
