import { ConsolePage } from '../admin/console-layout.tsx'
import { PageHead } from '../components/page-head.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { MetricsDashboard } from '../metrics/dashboard.tsx'

export const AdminMetricsPage = () => {
  const { t } = useI18n()
  return (
    <ConsolePage>
      {() => (
        <>
          <PageHead title={t('metrics.title')} lead={t('metrics.lead')} />
          <MetricsDashboard />
        </>
      )}
    </ConsolePage>
  )
}
