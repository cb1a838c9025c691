import type { Child } from 'hono/jsx'
import type { Paged } from '../api/use-paged.ts'
import { EmptyState, ErrorState, Loading } from './states.tsx'

/** The states of a paged list, shown the same way everywhere: loading, failed (with a retry), empty, or its items. */
export const PagedView = <T,>({
  list,
  empty,
  children,
}: {
  list: Paged<T>
  empty: Child
  children: (list: Extract<Paged<T>, { state: 'ready' }>) => Child
}) => {
  if (list.state === 'loading') return <Loading />
  if (list.state === 'error') return <ErrorState error={list.error} onRetry={list.reload} />
  if (list.items.length === 0) return <EmptyState>{empty}</EmptyState>
  return <>{children(list)}</>
}
