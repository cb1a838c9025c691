import { PageHead } from '../components/page-head.tsx'
import { RoleGuard } from '../components/role-guard.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { MetricsDashboard } from '../metrics/dashboard.tsx'

export const AdminMetricsPage = () => {
  const { t } = useI18n()
  return (
    <RoleGuard only="admin">
      {() => (
        <>
          <PageHead title={t('metrics.title')} lead={t('metrics.lead')} />
          <MetricsDashboard />
        </>
      )}
    </RoleGuard>
  )
}
