import { maxPriceTiers } from '@market/contracts/values'
import { fill, useI18n } from '../i18n/i18n.ts'
import type { Tier } from './listing-values.ts'
import './tier-editor.css'

type TierField = keyof Tier

/** One number of one tier, named with its tier for screen readers, its error tied to it. */
const TierInput = ({
  index,
  field,
  label,
  value,
  error,
  onInput,
}: {
  index: number
  field: TierField
  label: string
  value: string
  error: string | undefined
  onInput: (value: string) => void
}) => {
  const { t } = useI18n()
  const id = `tier-${index}-${field === 'minQty' ? 'qty' : 'price'}`
  return (
    <div class="field">
      <label class="field__label" for={id}>
        <span class="visually-hidden">{fill(t('listingForm.tier.n'), { n: index + 1 })} </span>
        {label}
      </label>
      <input
        id={id}
        class="input"
        inputMode={field === 'minQty' ? 'numeric' : 'decimal'}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(event: Event) => onInput((event.target as HTMLInputElement).value)}
      />
      {error && (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  )
}

/** The price tiers as rows: from how many, at what price; rows added and removed up to the contracts' limit. */
export const TierEditor = ({
  tiers,
  unit,
  errorFor,
  onChange,
}: {
  tiers: Tier[]
  unit: string
  /** The error of one tier's field, by the path the API names it with. */
  errorFor: (path: string) => string | undefined
  onChange: (tiers: Tier[], changed?: { index: number; field: TierField }) => void
}) => {
  const { t } = useI18n()
  const set = (index: number, field: TierField) => (value: string) =>
    onChange(
      tiers.map((tier, i) => (i === index ? { ...tier, [field]: value } : tier)),
      { index, field },
    )
  return (
    <fieldset class="fieldset fieldset--plain tiers-editor" aria-describedby="tiers-hint">
      <legend class="field__label">{t('listing.tiers')}</legend>
      <p class="field__hint" id="tiers-hint">
        {t('listingForm.tiers.hint')}
      </p>
      <ol class="tier-rows">
        {tiers.map((tier, index) => (
          <li class="tier-row" data-tier={index}>
            <p class="tier-row__title" aria-hidden="true">
              {fill(t('listingForm.tier.n'), { n: index + 1 })}
            </p>
            <TierInput
              index={index}
              field="minQty"
              label={fill(t('listingForm.tier.qty'), { unit })}
              value={tier.minQty}
              error={errorFor(`priceTiers.${index}.minQty`)}
              onInput={set(index, 'minQty')}
            />
            <TierInput
              index={index}
              field="price"
              label={fill(t('listingForm.tier.price'), { unit })}
              value={tier.price}
              error={errorFor(`priceTiers.${index}.unitPriceFen`)}
              onInput={set(index, 'price')}
            />
            {tiers.length > 1 && (
              <button
                type="button"
                class="button button--secondary button--small tier-row__remove"
                aria-label={fill(t('listingForm.tier.remove'), { n: index + 1 })}
                onClick={() => onChange(tiers.filter((_, i) => i !== index))}
              >
                {t('listingForm.remove')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {tiers.length < maxPriceTiers && (
        <button
          type="button"
          class="button button--secondary button--small"
          onClick={() => onChange([...tiers, { minQty: '', price: '' }])}
        >
          {t('listingForm.tier.add')}
        </button>
      )}
    </fieldset>
  )
}
