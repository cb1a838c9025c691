import { api } from '../api/client.ts'
import { useResource } from '../api/use-resource.ts'
import { ResourceView } from '../components/states.tsx'
import { ListingView } from '../listings/listing-view.tsx'
import { useSession } from '../session/session.ts'
import { SubjectThreads } from '../threads/subject-threads.tsx'

export const ListingPage = ({ id }: { id: string }) => {
  const { me } = useSession()
  // Signing in can reveal more (the owner's status and pending edits): load again when it changes.
  const listing = useResource(async () => (await api.listings.api.listings[':id'].$get({ param: { id } })).json(), [id, me?.id])
  return (
    <ResourceView resource={listing}>
      {(data) => (
        <>
          <ListingView listing={data} />
          {/* A buyer asks the supplier; the supplier answers its buyers' questions here too. */}
          {me && (me.role === 'buyer' || me.id === data.supplierId) && (
            <SubjectThreads
              kind="listing"
              id={data.id}
              me={me}
              {...(me.role === 'buyer' ? { ask: { label: 'thread.ask.supplier' as const } } : {})}
            />
          )}
        </>
      )}
    </ResourceView>
  )
}
