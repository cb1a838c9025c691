import { browseSorts } from '@market/contracts/values'
import { api } from '../api/client.ts'
import { pageQuery, type Total, usePaged } from '../api/use-paged.ts'
import { PagedList } from '../components/paged-view.tsx'
import { SelectField } from '../components/select-field.tsx'
import { ErrorState } from '../components/states.tsx'
import { fill, useI18n } from '../i18n/i18n.ts'
import { PriceIndexPanel } from '../metrics/price-index-panel.tsx'
import { navigate, useSearch } from '../router.ts'
import { useCatalog, useNames } from './catalog.ts'
import { CategoryTile } from './category-tiles.tsx'
import { ListingCardView } from './listing-card.tsx'
import { browseQuery, isFiltered, marketUrl, readFilters, requestUrl } from './market-filters.ts'
import { MarketSearch } from './market-search.tsx'
import './market.css'

const sortLabels = {
  newest: 'market.sort.newest',
  price_asc: 'market.sort.priceAsc',
  price_desc: 'market.sort.priceDesc',
} as const

/** "12 件", "1 listing", "50+ 件": exact counts take the language's plural; a bound has a plus. */
export const useCountText = () => {
  const { t, locale } = useI18n()
  return ({ count, atLeast }: Total) =>
    atLeast
      ? fill(t('market.count'), { n: `${count}+` })
      : fill(t(new Intl.PluralRules(locale).select(count) === 'one' ? 'market.count.one' : 'market.count'), { n: count })
}

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
  const countText = useCountText()
  const heading = filters.q
    ? fill(t('market.results.query'), { q: filters.q })
    : filters.category
      ? names.category(filters.category)
      : t('market.results')
  const total = results.state === 'ready' ? results.total : undefined

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
                count={
                  category.activeListings !== undefined
                    ? countText({ count: category.activeListings, atLeast: false })
                    : undefined
                }
                data={{ 'data-category': category.id }}
              />
            ))}
          </ul>
        )}
      </nav>

      <section aria-labelledby="results-title" class="results">
        <div class="results__head">
          <h2 id="results-title" class="results__title">
            {heading}
            {total && <span class="results__count"> · {countText(total)}</span>}
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
                <div class="button-row">
                  {/* A dead end becomes a request to suppliers, worded as the search was. */}
                  <a href={requestUrl(filters)} class="button button--primary" data-request-from-search>
                    {t('market.empty.request')}
                  </a>
                  <a href="/market" class="button button--secondary">
                    {t('market.filter.clear')}
                  </a>
                </div>
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
