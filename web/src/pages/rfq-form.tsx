import { RoleGuard } from '../components/role-guard.tsx'
import { ResourceView } from '../components/states.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { useCatalog } from '../listings/catalog.ts'
import { RfqForm, readPrefill } from '../rfqs/rfq-form.tsx'
import { useSearch } from '../router.ts'

const NewRfq = () => {
  const { t } = useI18n()
  const catalog = useCatalog()
  const prefill = readPrefill(useSearch())
  return (
    <>
      <p class="back-link">
        <a href="/rfqs">{t('rfqs.back')}</a>
      </p>
      <h1>{t('rfqForm.title.page')}</h1>
      <p class="lead">{t('rfqForm.intro')}</p>
      <ResourceView resource={catalog}>{(data) => <RfqForm catalog={data} prefill={prefill} />}</ResourceView>
    </>
  )
}

export const NewRfqPage = () => <RoleGuard only="buyer">{() => <NewRfq />}</RoleGuard>
