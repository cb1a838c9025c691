import { AuditLog, auditFiltersOf } from '../admin/audit-log.tsx'
import { ConsolePage } from '../admin/console-layout.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { useSearch } from '../router.ts'

/** The audit log as a console section, opened filtered by a link's query string (`?target=…`). */
export const AdminAuditPage = () => {
  const { t } = useI18n()
  const search = useSearch()
  return (
    <ConsolePage>
      {() => (
        <>
          <h1>{t('nav.audit')}</h1>
          <AuditLog changes={0} initial={auditFiltersOf(search)} />
        </>
      )}
    </ConsolePage>
  )
}
