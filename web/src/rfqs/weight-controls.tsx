import type { CompareQuery } from '@market/contracts'
import { compareWeightNames } from '@market/contracts/values'
import { useI18n } from '../i18n/i18n.ts'
import './compare.css'

export type Weights = CompareQuery

/** How much price, lead time and reputation count in the score; the server scores again as they move. */
export const WeightControls = ({ weights: values, onChange }: { weights: Weights; onChange: (weights: Weights) => void }) => {
  const { t } = useI18n()
  return (
    <fieldset class="fieldset fieldset--plain weights" data-weights>
      <legend class="fieldset__title">{t('compare.weights')}</legend>
      <p class="field__hint">{t('compare.weights.hint')}</p>
      <div class="weights__grid">
        {compareWeightNames.map((key) => (
          <div class="field weights__item">
            <label class="field__label" for={`weight-${key}`}>
              {t(`compare.weight.${key}`)} <output for={`weight-${key}`}>{values[key]}</output>
            </label>
            <input
              id={`weight-${key}`}
              type="range"
              class="range"
              min="0"
              max="100"
              step="5"
              value={String(values[key])}
              onInput={(event: Event) => onChange({ ...values, [key]: Number((event.target as HTMLInputElement).value) })}
            />
          </div>
        ))}
      </div>
    </fieldset>
  )
}
