import { api } from '../api/client.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { LoadMore } from '../components/load-more.tsx'
import { PagedView } from '../components/paged-view.tsx'
import { StackedTable } from '../components/stacked-table.tsx'
import { formatDateTime, isMessageKey, useI18n } from '../i18n/i18n.ts'

/** Every administrator's decision, newest first: who did what to whom, when and why. */
export const AuditLog = ({ changes, names }: { changes: number; names: Map<string, string> }) => {
  const { t, locale } = useI18n()
  const audit = usePaged(
    async (cursor) => (await api.admin.api.admin.audit.$get({ query: pageQuery(25, cursor) })).json(),
    [changes],
  )
  // Actions added by later issues show their code until the catalogs name them.
  const action = (code: string) => {
    const key = `audit.${code}`
    return isMessageKey(key) ? t(key) : code
  }
  const who = (id: string) => names.get(id) ?? id
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
      <PagedView list={audit} empty={t('admin.audit.empty')}>
        {(audit) => (
          <>
            <StackedTable columns={columns}>
              {audit.items.map((entry) => (
                <tr data-audit={entry.action}>
                  <td data-label={columns[0]}>{formatDateTime(locale, entry.at)}</td>
                  <td data-label={columns[1]}>{who(entry.actorId)}</td>
                  <td data-label={columns[2]}>{action(entry.action)}</td>
                  <td data-label={columns[3]}>
                    {entry.action.startsWith('listing.') ? (
                      <a href={`/listings/${entry.targetId}`}>{entry.targetId}</a>
                    ) : entry.action.startsWith('order.') ? (
                      <a href={`/orders/${entry.targetId}`}>{entry.targetId}</a>
                    ) : (
                      who(entry.targetId)
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
