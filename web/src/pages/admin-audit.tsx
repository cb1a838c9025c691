import { AuditLog, auditFiltersOf } from '../admin/audit-log.tsx'
import { RoleGuard } from '../components/role-guard.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { useSearch } from '../router.ts'

/** The audit log on a page of its own, opened filtered by a link's query string (`?target=…`). */
export const AdminAuditPage = () => {
  const { t } = useI18n()
  const search = useSearch()
  return (
    <RoleGuard only="admin">
      {() => (
        <>
          <h1>{t('nav.audit')}</h1>
          <AuditLog changes={0} initial={auditFiltersOf(search)} />
        </>
      )}
    </RoleGuard>
  )
}
