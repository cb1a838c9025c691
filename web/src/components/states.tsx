import type { Child } from 'hono/jsx'
import { ApiError, OfflineError } from '../api/client.ts'
import type { Resource } from '../api/use-resource.ts'
import { errorMessage, useI18n } from '../i18n/i18n.ts'
import './states.css'

export const Loading = () => {
  const { t } = useI18n()
  return (
    <p class="state state--loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {t('state.loading')}
    </p>
  )
}

export const ErrorState = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => {
  const { t, locale } = useI18n()
  const message =
    error instanceof OfflineError ? t('state.offline') : errorMessage(locale, error instanceof ApiError ? error.code : undefined)
  return (
    <div class="state state--error" role="alert">
      <p class="state__title">{t('state.error')}</p>
      <p>{message}</p>
      {onRetry && (
        <button type="button" class="button button--secondary" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  )
}

export const EmptyState = ({ children }: { children: Child }) => <div class="state state--empty">{children}</div>

/** The three states every page that loads data goes through, shown the same way everywhere. */
export const ResourceView = <T,>({ resource, children }: { resource: Resource<T>; children: (data: T) => Child }) => {
  if (resource.state === 'loading') return <Loading />
  if (resource.state === 'error') return <ErrorState error={resource.error} onRetry={resource.reload} />
  return <>{children(resource.data)}</>
}
