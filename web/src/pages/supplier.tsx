import { ApiError, api } from '../api/client.ts'
import { useResource } from '../api/use-resource.ts'
import { ErrorState, Loading } from '../components/states.tsx'
import { SupplierNotFound, SupplierProfileView } from '../ratings/supplier-profile.tsx'

export const SupplierPage = ({ id }: { id: string }) => {
  const supplier = useResource(async () => (await api.ratings.api.suppliers[':id'].$get({ param: { id } })).json(), [id])
  if (supplier.state === 'loading') return <Loading />
  if (supplier.state === 'error') {
    if (supplier.error instanceof ApiError && supplier.error.status === 404) return <SupplierNotFound />
    return <ErrorState error={supplier.error} onRetry={supplier.reload} />
  }
  return <SupplierProfileView supplier={supplier.data} />
}
