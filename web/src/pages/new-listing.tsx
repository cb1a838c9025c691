import { RoleGuard } from '../components/role-guard.tsx'
import { ResourceView } from '../components/states.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { useCatalog } from '../listings/catalog.ts'
import { ListingForm } from '../listings/listing-form.tsx'

const NewListing = () => {
  const { t } = useI18n()
  const catalog = useCatalog()
  return (
    <>
      <h1>{t('listingForm.newTitle')}</h1>
      <p class="lead">{t('listingForm.newIntro')}</p>
      <ResourceView resource={catalog}>{(data) => <ListingForm catalog={data} />}</ResourceView>
    </>
  )
}

export const NewListingPage = () => <RoleGuard only="supplier">{() => <NewListing />}</RoleGuard>
