import type { BrowseQuery, ListingCard } from '@market/contracts'
import { browseSorts } from '@market/contracts/values'
import { useEffect, useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { usePaged } from '../api/use-paged.ts'
import { LoadMore } from '../components/load-more.tsx'
import { PagedView } from '../components/paged-view.tsx'
import { ErrorState } from '../components/states.tsx'
import { fill, localized, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { categoryGroupLabel, useCatalog, useNames } from '../listings/catalog.ts'
import { ListingPhoto } from '../listings/listing-photo.tsx'
import { formatFen, parseYuan } from '../listings/money.ts'
import { SupplierLine } from '../listings/supplier-line.tsx'
import { navigate, useSearch } from '../router.ts'

type Sort = BrowseQuery['sort']
const sortLabels: Record<Sort, MessageKey> = {
  newest: 'market.sort.newest',
  price_asc: 'market.sort.priceAsc',
  price_desc: 'market.sort.priceDesc',
}

/** The market's filters as they live in the page's URL (prices in yuan, as people type them). */
type Filters = { q: string; category: string; origin: string; min: string; max: string; inStock: boolean; sort: Sort }

const readFilters = (search: string): Filters => {
  const params = new URLSearchParams(search)
  const sort = params.get('sort')
  return {
    q: params.get('q') ?? '',
    category: params.get('category') ?? '',
    origin: params.get('origin') ?? '',
    min: params.get('min') ?? '',
    max: params.get('max') ?? '',
    inStock: params.get('inStock') === '1',
    sort: browseSorts.find((option) => option === sort) ?? 'newest',
  }
}

export const marketUrl = (filters: Partial<Filters>) => {
  const params = new URLSearchParams()
  if (filters.q?.trim()) params.set('q', filters.q.trim())
  if (filters.category) params.set('category', filters.category)
  if (filters.origin?.trim()) params.set('origin', filters.origin.trim())
  if (filters.min?.trim()) params.set('min', filters.min.trim())
  if (filters.max?.trim()) params.set('max', filters.max.trim())
  if (filters.inStock) params.set('inStock', '1')
  if (filters.sort && filters.sort !== 'newest') params.set('sort', filters.sort)
  const query = params.toString()
  return query ? `/market?${query}` : '/market'
}

const pageSize = '24'

export const ListingCardView = ({ card, unitName }: { card: ListingCard; unitName: string }) => {
  const { t, locale } = useI18n()
  return (
    <li class="listing-card" data-listing={card.id}>
      <ListingPhoto photo={card.photo} label={localized(locale, card.title)} />
      <div class="listing-card__body">
        <h3 class="listing-card__title">
          <a href={`/listings/${card.id}`} class="listing-card__link">
            {localized(locale, card.title)}
          </a>
        </h3>
        <p class="listing-card__price">{fill(t('market.fromPrice'), { price: formatFen(card.fromPriceFen), unit: unitName })}</p>
        <p class="listing-card__meta">
          {fill(t('market.moq'), { n: card.moq, unit: unitName })}
          {card.origin && <> · {fill(t('market.origin'), { origin: card.origin })}</>}
          {!card.inStock && <> · {t('market.outOfStock')}</>}
        </p>
        <SupplierLine supplier={card.supplier} />
      </div>
    </li>
  )
}

export const MarketPage = () => {
  const { t, locale } = useI18n()
  const search = useSearch()
  const filters = readFilters(search)
  const catalog = useCatalog()
  const names = useNames()
  const [draft, setDraft] = useState(filters)
  const [priceError, setPriceError] = useState<'min' | 'max' | null>(null)
  // Back, forward and tiles change the URL: the form follows it.
  useEffect(() => setDraft(readFilters(search)), [search])

  const minFen = filters.min ? parseYuan(filters.min) : null
  const maxFen = filters.max ? parseYuan(filters.max) : null
  const results = usePaged<ListingCard>(
    async (cursor) =>
      (
        await api.listings.api.listings.$get({
          query: {
            limit: pageSize,
            sort: filters.sort,
            ...(filters.q ? { q: filters.q } : {}),
            ...(filters.category ? { category: filters.category } : {}),
            ...(filters.origin ? { origin: filters.origin } : {}),
            ...(minFen !== null ? { minPrice: String(minFen) } : {}),
            ...(maxFen !== null ? { maxPrice: String(maxFen) } : {}),
            ...(filters.inStock ? { inStock: 'true' as const } : {}),
            ...(cursor ? { cursor } : {}),
          },
        })
      ).json(),
    [search],
  )

  const apply = (next: Filters) => navigate(marketUrl(next), { keepScroll: true })
  const submit = (event: Event) => {
    event.preventDefault()
    const min = draft.min.trim() ? parseYuan(draft.min) : null
    const max = draft.max.trim() ? parseYuan(draft.max) : null
    if (draft.min.trim() && min === null) return setPriceError('min')
    if (draft.max.trim() && (max === null || (min !== null && max < min))) return setPriceError('max')
    setPriceError(null)
    apply(draft)
  }
  const set = (name: 'q' | 'origin' | 'min' | 'max') => (event: Event) =>
    setDraft((current) => ({ ...current, [name]: (event.target as HTMLInputElement).value }))
  const filtered = Boolean(filters.q || filters.category || filters.origin || filters.min || filters.max || filters.inStock)

  return (
    <>
      <h1>{t('market.title')}</h1>
      <p class="lead">{t('market.intro')}</p>
      <search>
        <form class="market-search" noValidate onSubmit={submit}>
          <div class="market-search__row">
            <label class="visually-hidden" for="market-q">
              {t('market.search.label')}
            </label>
            <input
              id="market-q"
              name="q"
              type="search"
              class="input"
              value={draft.q}
              placeholder={t('market.search.placeholder')}
              onInput={set('q')}
            />
            <button type="submit" class="button button--primary">
              {t('market.search.submit')}
            </button>
          </div>
          <details class="market-filters" open={Boolean(filters.origin || filters.min || filters.max || filters.inStock)}>
            <summary>{t('market.filters')}</summary>
            <div class="market-filters__grid">
              <div class="field">
                <label class="field__label" for="market-origin">
                  {t('market.filter.origin')}
                </label>
                <input id="market-origin" class="input" value={draft.origin} onInput={set('origin')} />
              </div>
              <div class="field">
                <label class="field__label" for="market-min">
                  {t('market.filter.minPrice')}
                </label>
                <input
                  id="market-min"
                  class="input"
                  inputMode="decimal"
                  value={draft.min}
                  onInput={set('min')}
                  aria-invalid={priceError === 'min' ? 'true' : undefined}
                  aria-describedby={priceError === 'min' ? 'market-price-error' : undefined}
                />
              </div>
              <div class="field">
                <label class="field__label" for="market-max">
                  {t('market.filter.maxPrice')}
                </label>
                <input
                  id="market-max"
                  class="input"
                  inputMode="decimal"
                  value={draft.max}
                  onInput={set('max')}
                  aria-invalid={priceError === 'max' ? 'true' : undefined}
                  aria-describedby={priceError === 'max' ? 'market-price-error' : undefined}
                />
              </div>
              <label class="check">
                <input
                  type="checkbox"
                  checked={draft.inStock}
                  onChange={(event: Event) => apply({ ...draft, inStock: (event.target as HTMLInputElement).checked })}
                />
                {t('market.filter.inStock')}
              </label>
            </div>
            {priceError && (
              <p class="field__error" id="market-price-error">
                {t('market.filter.priceInvalid')}
              </p>
            )}
            <div class="button-row">
              <button type="submit" class="button button--secondary button--small">
                {t('market.filter.apply')}
              </button>
              {filtered && (
                <a href={marketUrl({ sort: filters.sort })} class="button button--secondary button--small">
                  {t('market.filter.clear')}
                </a>
              )}
            </div>
          </details>
        </form>
      </search>

      <nav class="category-tiles" aria-label={t('market.categories')}>
        {catalog.state === 'error' && <ErrorState error={catalog.error} onRetry={catalog.reload} />}
        {catalog.state === 'ready' && (
          <ul class="category-tiles__list">
            <li>
              <a
                href={marketUrl({ ...filters, category: '' })}
                class="category-tile"
                aria-current={filters.category ? undefined : 'page'}
              >
                {t('market.allCategories')}
              </a>
            </li>
            {catalog.data.categories.map((category) => (
              <li>
                <a
                  href={marketUrl({ ...filters, category: category.id })}
                  class="category-tile"
                  data-category={category.id}
                  aria-current={filters.category === category.id ? 'page' : undefined}
                >
                  <span class="category-tile__group">{t(categoryGroupLabel(category.group))}</span>
                  {localized(locale, category.name)}
                </a>
              </li>
            ))}
          </ul>
        )}
      </nav>

      <section aria-labelledby="results-title" class="results">
        <div class="results__head">
          <h2 id="results-title" class="results__title">
            {filters.category ? names.category(filters.category) : t('market.results')}
          </h2>
          <div class="field field--inline">
            <label class="field__label" for="market-sort">
              {t('market.sort')}
            </label>
            <select
              id="market-sort"
              class="select"
              onChange={(event: Event) => {
                const value = (event.target as HTMLSelectElement).value
                apply({ ...filters, sort: browseSorts.find((option) => option === value) ?? 'newest' })
              }}
            >
              {browseSorts.map((sort) => (
                <option value={sort} selected={filters.sort === sort}>
                  {t(sortLabels[sort])}
                </option>
              ))}
            </select>
          </div>
        </div>
        <PagedView
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
        >
          {(results) => (
            <>
              <ul class="listing-grid">
                {results.items.map((card) => (
                  <ListingCardView card={card} unitName={names.unit(card.unit)} />
                ))}
              </ul>
              <LoadMore list={results} label={t('market.loadMore')} />
            </>
          )}
        </PagedView>
      </section>
    </>
  )
}
