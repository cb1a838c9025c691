import type { CategoriesResponse } from '@market/contracts'
import { categoryGroups } from '@market/contracts/values'
import { localized, useI18n } from '../i18n/i18n.ts'
import { categoryGroupLabel } from '../listings/catalog.ts'

type CategorySelectProps = {
  id: string
  catalog: CategoriesResponse
  value: string
  onChange: (categoryId: string) => void
  error: string | undefined
}

/** The required category choice, grouped (optgroups) as the materials page groups them; its error is tied to it. */
export const CategorySelect = ({ id, catalog, value, onChange, error }: CategorySelectProps) => {
  const { t, locale } = useI18n()
  const errorId = `${id}-error`
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {t('listing.category')}
      </label>
      <select
        id={id}
        class="select"
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event: Event) => onChange((event.target as HTMLSelectElement).value)}
      >
        <option value="" selected={value === ''}>
          {t('listingForm.category.choose')}
        </option>
        {categoryGroups.map((group) => (
          <optgroup label={t(categoryGroupLabel(group))}>
            {catalog.categories
              .filter((category) => category.group === group)
              .map((category) => (
                <option value={category.id} selected={value === category.id}>
                  {localized(locale, category.name)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {error && (
        <p class="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  )
}
