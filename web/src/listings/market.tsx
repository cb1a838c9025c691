import { browseSorts } from '@market/contracts/values'
import { api } from '../api/client.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { PagedList } from '../components/paged-view.tsx'
import { SelectField } from '../components/select-field.tsx'
import { ErrorState } from '../components/states.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { PriceIndexPanel } from '../metrics/price-index-panel.tsx'
import { navigate, useSearch } from '../router.ts'
import { useCatalog, useNames } from './catalog.ts'
import { CategoryTile } from './category-tiles.tsx'
import { ListingCardView } from './listing-card.tsx'
import { browseQuery, isFiltered, marketUrl, readFilters } from './market-filters.ts'
import { MarketSearch } from './market-search.tsx'
import './market.css'

const sortLabels = {
  newest: 'market.sort.newest',
  price_asc: 'market.sort.priceAsc',
  price_desc: 'market.sort.priceDesc',
} as const

/** The market: search and filters, categories as tiles, and the listings that match, in the chosen order. */
export const Market = () => {
  const { t } = useI18n()
  const search = useSearch()
  const filters = readFilters(search)
  const catalog = useCatalog()
  const names = useNames()
  const results = usePaged(
    async (cursor) =>
      (
        await api.listings.api.listings.$get({
          query: { ...browseQuery(filters), ...pageQuery(24, cursor) },
        })
      ).json(),
    [search],
  )
  const filtered = isFiltered(filters)

  return (
    <>
      <h1>{t('market.title')}</h1>
      <p class="lead">{t('market.intro')}</p>
      <MarketSearch search={search} filters={filters} />

      <nav class="category-tiles" aria-label={t('market.categories')}>
        {catalog.state === 'error' && <ErrorState error={catalog.error} onRetry={catalog.reload} />}
        {catalog.state === 'ready' && (
          <ul class="category-tiles__list">
            <CategoryTile href={marketUrl({ ...filters, category: '' })} current={!filters.category}>
              {t('market.allCategories')}
            </CategoryTile>
            {catalog.data.categories.map((category) => (
              <CategoryTile
                href={marketUrl({ ...filters, category: category.id })}
                current={filters.category === category.id}
                category={category}
                data={{ 'data-category': category.id }}
              />
            ))}
          </ul>
        )}
      </nav>

      <section aria-labelledby="results-title" class="results">
        <div class="results__head">
          <h2 id="results-title" class="results__title">
            {filters.category ? names.category(filters.category) : t('market.results')}
          </h2>
          <SelectField
            id="market-sort"
            class="field--inline"
            label={t('market.sort')}
            value={filters.sort}
            options={browseSorts}
            optionLabel={(sort) => t(sortLabels[sort])}
            onChange={(sort) => navigate(marketUrl({ ...filters, sort: sort || 'newest' }), { keepScroll: true })}
          />
        </div>
        <PagedList
          list={results}
          empty={
            <>
              <p>{filtered ? t('market.empty.filtered') : t('market.empty')}</p>
              {filtered && (
                <a href="/market" class="button button--secondary">
                  {t('market.filter.clear')}
                </a>
              )}
            </>
          }
          class="listing-grid"
          moreLabel={t('market.loadMore')}
          item={(card) => <ListingCardView card={card} unitName={names.unit(card.unit)} />}
        />
      </section>
      <PriceIndexPanel category={filters.category} />
    </>
  )
}
