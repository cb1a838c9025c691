import { ApiError, api } from '../api/client.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { PagedList } from '../components/paged-view.tsx'
import { SelectField } from '../components/select-field.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { useCatalog, useNames } from '../listings/catalog.ts'
import { navigate, useSearch } from '../router.ts'
import { RfqCard } from './rfq-card.tsx'

/** A supplier not yet verified learns why the feed is closed to it, and where to get verified. */
const NotVerified = () => {
  const { t } = useI18n()
  return (
    <div class="notice" data-state="not-verified">
      <p class="notice__title">{t('feed.notVerified.title')}</p>
      <p>{t('feed.notVerified.body')}</p>
      <p>
        <a href="/account">{t('supplier.getVerified')}</a>
      </p>
    </div>
  )
}

/** The open requests a verified supplier may bid on, soonest deadline first, by category. */
export const RfqFeed = () => {
  const { t } = useI18n()
  const catalog = useCatalog()
  const names = useNames()
  const category = new URLSearchParams(useSearch()).get('category') ?? ''
  const list = usePaged(
    async (cursor) =>
      (
        await api.rfqs.api.rfqs.feed.$get({
          query: { ...(category ? { category } : {}), ...pageQuery(20, cursor) },
        })
      ).json(),
    [category],
  )
  const notVerified = list.state === 'error' && list.error instanceof ApiError && list.error.code === 'supplier.not_verified'
  return (
    <>
      <h1>{t('feed.title')}</h1>
      <p class="lead">{t('feed.intro')}</p>
      <div class="filters">
        <SelectField
          id="feed-category"
          label={t('listing.category')}
          value={category}
          options={catalog.state === 'ready' ? catalog.data.categories.map((option) => option.id) : []}
          optionLabel={names.category}
          blank={t('feed.allCategories')}
          onChange={(value) =>
            navigate(value ? `/rfqs/feed?category=${encodeURIComponent(value)}` : '/rfqs/feed', { keepScroll: true })
          }
        />
      </div>
      {notVerified ? (
        <NotVerified />
      ) : (
        <PagedList
          list={list}
          empty={t(category ? 'feed.empty.filtered' : 'feed.empty')}
          class="order-list rfq-list"
          moreLabel={t('market.loadMore')}
          item={(rfq) => <RfqCard rfq={rfq} forSupplier />}
        />
      )}
    </>
  )
}
