import { api } from '../api/client.ts'
import { useResource } from '../api/use-resource.ts'
import { RoleGuard } from '../components/role-guard.tsx'
import { ErrorState, Loading, ResourceView } from '../components/states.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { useCatalog } from '../listings/catalog.ts'
import { ListingForm } from '../listings/listing-form.tsx'

const EditListing = ({ id }: { id: string }) => {
  const { t } = useI18n()
  const catalog = useCatalog()
  const listing = useResource(async () => (await api.listings.api.listings[':id'].$get({ param: { id } })).json(), [id])
  return (
    <>
      <h1>{t('listingForm.editTitle')}</h1>
      {catalog.state === 'error' && <ErrorState error={catalog.error} onRetry={catalog.reload} />}
      {catalog.state === 'ready' && (
        <ResourceView resource={listing}>
          {(data) => (
            // Keyed by version: reloading after a 412 starts the form again from the newest version.
            <ListingForm
              key={`${data.id}-${data.version}`}
              catalog={catalog.data}
              listing={data}
              onReload={listing.state === 'ready' ? listing.reload : undefined}
            />
          )}
        </ResourceView>
      )}
      {catalog.state === 'loading' && <Loading />}
    </>
  )
}

export const EditListingPage = ({ id }: { id: string }) => <RoleGuard only="supplier">{() => <EditListing id={id} />}</RoleGuard>
