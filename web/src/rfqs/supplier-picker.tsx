import type { SupplierSearchResult } from '@market/contracts'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { describeError } from '../components/form.tsx'
import { fill, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import './rfqs.css'

export type InvitedSupplier = SupplierSearchResult['items'][number]

/**
 * Verified suppliers to invite to a request: searched by company, stall or name within the
 * request's category (the API reads one bounded page), chosen ones listed with a way to take them off.
 */
export const SupplierPicker = ({
  categoryId,
  invited,
  onChange,
  max,
}: {
  categoryId: string
  invited: InvitedSupplier[]
  onChange: (next: InvitedSupplier[]) => void
  max: number
}) => {
  const { t, locale } = useI18n()
  const names = useNames()
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<InvitedSupplier[] | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [searching, setSearching] = useState(false)

  const search = async () => {
    setSearching(true)
    setFailure(null)
    try {
      const answer = await api.ratings.api.suppliers.$get({
        query: { ...(query.trim() ? { q: query.trim() } : {}), ...(categoryId ? { category: categoryId } : {}), limit: '10' },
      })
      setFound((await answer.json()).items)
    } catch (error) {
      setFailure(error)
    } finally {
      setSearching(false)
    }
  }
  const chosen = new Set(invited.map((supplier) => supplier.id))

  return (
    <fieldset class="fieldset supplier-picker" data-supplier-picker>
      <legend class="fieldset__title">{t('rfqForm.invite')}</legend>
      <p class="field__hint" id="supplier-picker-hint">
        {t('rfqForm.invite.hint')}
      </p>
      {invited.length > 0 && (
        <ul class="supplier-picker__chosen" aria-label={t('rfqForm.invite.chosen')}>
          {invited.map((supplier) => (
            <li data-invited={supplier.id}>
              <span>{supplier.company}</span>
              <button
                type="button"
                class="button button--secondary button--small"
                aria-label={fill(t('rfqForm.invite.remove'), { company: supplier.company })}
                onClick={() => onChange(invited.filter((other) => other.id !== supplier.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="market-search__row">
        <label class="visually-hidden" for="supplier-picker-q">
          {t('rfqForm.invite.search')}
        </label>
        <input
          id="supplier-picker-q"
          type="search"
          class="input"
          value={query}
          placeholder={t('rfqForm.invite.search')}
          aria-describedby="supplier-picker-hint"
          onInput={(event: Event) => setQuery((event.target as HTMLInputElement).value)}
          // Enter searches here rather than sending the whole request.
          onKeyDown={(event: KeyboardEvent) => {
            if (event.key !== 'Enter') return
            event.preventDefault()
            void search()
          }}
        />
        <button type="button" class="button button--secondary" disabled={searching} onClick={() => void search()}>
          {t('rfqForm.invite.find')}
        </button>
      </div>
      {failure !== null && <p class="field__error">{describeError(locale, failure)}</p>}
      {found?.length === 0 && <p class="field__hint">{t('rfqForm.invite.none')}</p>}
      {found && found.length > 0 && (
        <ul class="supplier-picker__found">
          {found.map((supplier) => (
            <li data-found-supplier={supplier.id}>
              <span>
                <strong>{supplier.company}</strong>
                {supplier.stall && ` · ${supplier.stall}`}
                {supplier.categories.length > 0 && (
                  <span class="field__hint"> · {supplier.categories.map((id) => names.category(id)).join('、')}</span>
                )}
              </span>
              <button
                type="button"
                class="button button--primary button--small"
                disabled={chosen.has(supplier.id) || invited.length >= max}
                onClick={() => onChange([...invited, supplier])}
              >
                {chosen.has(supplier.id) ? t('rfqForm.invite.chosen') : t('rfqForm.invite.add')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
