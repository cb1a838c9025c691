import { api } from '../api/client.ts'
import { useResource } from '../api/use-resource.ts'
import { ResourceView } from '../components/states.tsx'
import { ListingView } from '../listings/listing-view.tsx'
import { useSession } from '../session/session.ts'

export const ListingPage = ({ id }: { id: string }) => {
  const { me } = useSession()
  // Signing in can reveal more (the owner's status and pending edits): load again when it changes.
  const listing = useResource(async () => (await api.listings.api.listings[':id'].$get({ param: { id } })).json(), [id, me?.id])
  return <ResourceView resource={listing}>{(data) => <ListingView listing={data} />}</ResourceView>
}
