import type { Child } from 'hono/jsx'
import type { Paged } from '../api/use-paged.ts'
import { LoadMore } from './load-more.tsx'
import { PageHead } from './page-head.tsx'
import { EmptyState, ErrorState, Loading } from './states.tsx'

type Ready<T> = Extract<Paged<T>, { state: 'ready' }>

/** The states of a paged list, shown the same way everywhere: loading, failed (with a retry), empty, or its items. */
export const PagedView = <T,>({
  list,
  empty,
  children,
}: {
  list: Paged<T>
  empty: Child
  children: (list: Ready<T>) => Child
}) => {
  if (list.state === 'loading') return <Loading />
  if (list.state === 'error') return <ErrorState error={list.error} onRetry={list.reload} />
  if (list.items.length === 0) return <EmptyState>{empty}</EmptyState>
  return <>{children(list)}</>
}

/** A paged list shown as a list: its states, one item after another, and the button that asks for more. */
export const PagedList = <T,>({
  list,
  empty,
  class: listClass,
  moreLabel,
  item,
}: {
  list: Paged<T>
  empty: Child
  class: string
  moreLabel: string
  item: (item: T) => Child
}) => (
  <PagedView list={list} empty={empty}>
    {(ready) => (
      <>
        <ul class={listClass}>{ready.items.map(item)}</ul>
        <LoadMore list={ready} label={moreLabel} />
      </>
    )}
  </PagedView>
)

/** A page that is one paged list: its heading with what it offers beside it, a line of introduction, and the list. */
export const ListScreen = <T,>({
  title,
  lead,
  action,
  ...list
}: { title: string; lead: string; action: Child } & Parameters<typeof PagedList<T>>[0]) => (
  <>
    <PageHead title={title} lead={lead}>
      {action}
    </PageHead>
    <PagedList {...list} />
  </>
)
