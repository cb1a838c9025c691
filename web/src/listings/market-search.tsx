import { useEffect, useState } from 'hono/jsx/dom'
import { useI18n } from '../i18n/i18n.ts'
import { navigate } from '../router.ts'
import { type Filters, isFiltered, marketUrl, readFilters } from './market-filters.ts'
import { parseYuan } from './money.ts'
import './market.css'

type PriceError = 'min' | 'max' | null

/** A price bound in yuan, marked invalid with the one message the two bounds share. */
const PriceInput = ({
  id,
  label,
  value,
  invalid,
  onInput,
}: {
  id: string
  label: string
  value: string
  invalid: boolean
  onInput: (event: Event) => void
}) => (
  <div class="field">
    <label class="field__label" for={id}>
      {label}
    </label>
    <input
      id={id}
      class="input"
      inputMode="decimal"
      value={value}
      onInput={onInput}
      aria-invalid={invalid ? 'true' : undefined}
      aria-describedby={invalid ? 'market-price-error' : undefined}
    />
  </div>
)

/** What the buyer types and ticks; applied to the URL on submit (a box applies at once), so Back undoes it. */
export const MarketSearch = ({ search, filters }: { search: string; filters: Filters }) => {
  const { t } = useI18n()
  const [draft, setDraft] = useState(filters)
  const [priceError, setPriceError] = useState<PriceError>(null)
  // Back, forward and tiles change the URL: the form follows it.
  useEffect(() => setDraft(readFilters(search)), [search])

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

  return (
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
        <details
          class="market-filters"
          open={Boolean(filters.origin || filters.min || filters.max || filters.inStock || filters.certifiedGreen)}
        >
          <summary>{t('market.filters')}</summary>
          <div class="market-filters__grid">
            <div class="field">
              <label class="field__label" for="market-origin">
                {t('market.filter.origin')}
              </label>
              <input id="market-origin" class="input" value={draft.origin} onInput={set('origin')} />
            </div>
            <PriceInput
              id="market-min"
              label={t('market.filter.minPrice')}
              value={draft.min}
              invalid={priceError === 'min'}
              onInput={set('min')}
            />
            <PriceInput
              id="market-max"
              label={t('market.filter.maxPrice')}
              value={draft.max}
              invalid={priceError === 'max'}
              onInput={set('max')}
            />
            <label class="check">
              <input
                type="checkbox"
                checked={draft.inStock}
                onChange={(event: Event) => apply({ ...draft, inStock: (event.target as HTMLInputElement).checked })}
              />
              {t('market.filter.inStock')}
            </label>
            <label class="check">
              <input
                type="checkbox"
                data-filter-certified
                checked={draft.certifiedGreen}
                onChange={(event: Event) => apply({ ...draft, certifiedGreen: (event.target as HTMLInputElement).checked })}
              />
              {t('market.filter.certifiedGreen')}
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
            {isFiltered(filters) && (
              <a href={marketUrl({ sort: filters.sort })} class="button button--secondary button--small">
                {t('market.filter.clear')}
              </a>
            )}
          </div>
        </details>
      </form>
    </search>
  )
}
