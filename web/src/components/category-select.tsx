import type { CategoriesResponse, UnitId } from '@market/contracts'
import { categoryGroups, unitIds } from '@market/contracts/values'
import { localized, useI18n } from '../i18n/i18n.ts'
import { categoryGroupLabel, namesIn } from '../listings/catalog.ts'
import { SelectField } from './select-field.tsx'

type CategorySelectProps = {
  id: string
  catalog: CategoriesResponse
  value: string
  onChange: (categoryId: string) => void
  error: string | undefined
}

/**
 * The required category choice, grouped (optgroups) as the materials page groups them; its error is tied to it.
 * A listing filed under a category retired since keeps it as its choice.
 */
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
            {[...catalog.categories, ...(catalog.retired ?? []).filter((category) => category.id === value)]
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

/** The unit a listing or a request is quoted in: the taxonomy's units, in its order. */
export const UnitSelect = ({
  id,
  catalog,
  value,
  onChange,
}: {
  id: string
  catalog: CategoriesResponse
  value: UnitId
  onChange: (unit: UnitId) => void
}) => {
  const { t, locale } = useI18n()
  const units = catalog.units.flatMap((unit) => unitIds.find((known) => known === unit.id) ?? [])
  return (
    <SelectField
      id={id}
      label={t('listingForm.unit')}
      value={value}
      options={units}
      optionLabel={namesIn(locale, catalog).unit}
      onChange={(unit) => unit && onChange(unit)}
    />
  )
}
