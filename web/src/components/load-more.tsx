import type { Paged } from '../api/use-paged.ts'
import { useI18n } from '../i18n/i18n.ts'
import { ErrorState } from './states.tsx'

/** Below a loaded list: why the next page failed, if it did, and the button that asks for it while there is more. */
export const LoadMore = <T,>({ list, label }: { list: Extract<Paged<T>, { state: 'ready' }>; label: string }) => {
  const { t } = useI18n()
  return (
    <>
      {list.moreError !== null && <ErrorState error={list.moreError} />}
      {list.hasMore && (
        <button type="button" class="button button--secondary load-more" disabled={list.loadingMore} onClick={list.loadMore}>
          {list.loadingMore ? t('state.loading') : label}
        </button>
      )}
    </>
  )
}
