import type { RatingDimension } from '@market/contracts'
import { maxRatingCommentLength, ratingDimensions } from '@market/contracts/values'
import { api } from '../api/client.ts'
import type { RatingView } from '../api/types.ts'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { type FieldErrors, unfilled, useForm } from '../components/use-form.ts'
import { fill, useI18n } from '../i18n/i18n.ts'
import './ratings.css'

const starValues = [1, 2, 3, 4, 5] as const

/** One dimension's stars as a radio group: arrow keys move between them, each is named "n stars". */
const StarInput = ({
  dimension,
  value,
  onChange,
  error,
}: {
  dimension: RatingDimension
  value: number | undefined
  onChange: (value: number) => void
  error: string | undefined
}) => {
  const { t } = useI18n()
  const errorId = `rating-${dimension}-error`
  return (
    <fieldset class="star-input" data-dimension={dimension} aria-describedby={error ? errorId : undefined}>
      <legend class="field__label">{t(`rating.dimension.${dimension}`)}</legend>
      <div class="star-input__options">
        {starValues.map((n) => (
          <label class={`star-input__option${value !== undefined && n <= value ? ' star-input__option--on' : ''}`}>
            <input
              type="radio"
              class="star-input__radio"
              name={`rating-${dimension}`}
              value={String(n)}
              checked={value === n}
              aria-invalid={error ? 'true' : undefined}
              onChange={() => onChange(n)}
            />
            <span aria-hidden="true">★</span>
            <span class="visually-hidden">{fill(t('rating.stars'), { n })}</span>
          </label>
        ))}
      </div>
      {error && (
        <p class="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  )
}

type Values = Partial<Record<RatingDimension, number>> & { comment: string }

/**
 * The buyer's rating of an order's supplier: stars for each dimension and a comment. With `rating`
 * it edits that rating (naming the version it read), else it rates the order.
 */
export const RatingForm = ({
  orderId,
  rating,
  onSaved,
  onCancel,
}: {
  orderId: string
  rating?: RatingView
  onSaved: (rating: RatingView) => void
  onCancel?: () => void
}) => {
  const { t, locale } = useI18n()
  const form = useForm<Values>(() => ({ ...rating?.scores, comment: rating?.comment ?? '' }))
  const { values } = form
  const check = (): FieldErrors =>
    unfilled(Object.fromEntries(ratingDimensions.map((d) => [d, values[d] !== undefined])), 'rating.form.required')
  const send = async () => {
    const scores = Object.fromEntries(ratingDimensions.map((d) => [d, values[d] as number])) as Record<RatingDimension, number>
    const comment = values.comment.trim()
    const saved = rating
      ? await (
          await api.ratings.api.ratings[':id'].$patch({
            param: { id: rating.id },
            json: { ...scores, comment, version: rating.version },
          })
        ).json()
      : await (
          await api.ratings.api.orders[':id'].rating.$post({
            param: { id: orderId },
            json: { ...scores, ...(comment ? { comment } : {}) },
          })
        ).json()
    onSaved(saved)
  }
  return (
    <form class="form rating-form" noValidate ref={form.formRef} onSubmit={form.submit({ check, send })} data-rating-form>
      {ratingDimensions.map((dimension) => (
        <StarInput
          dimension={dimension}
          value={values[dimension]}
          onChange={form.set(dimension)}
          error={form.errorFor(dimension)}
        />
      ))}
      <TextField
        id="rating-comment"
        label={t('rating.form.comment')}
        hint={t('rating.form.comment.hint')}
        value={values.comment}
        onInput={(value) => form.set('comment')(value.slice(0, maxRatingCommentLength))}
        multiline
      />
      {form.failure !== null && <FormError>{describeError(locale, form.failure)}</FormError>}
      <div class="button-row">
        <button type="submit" class="button button--primary" disabled={form.submitting}>
          {form.submitting ? t('rating.form.submitting') : t(rating ? 'rating.form.save' : 'rating.form.submit')}
        </button>
        {onCancel && (
          <button type="button" class="button button--secondary" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
