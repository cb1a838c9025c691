import type { RatingSummary as Summary } from '@market/contracts'
import { fill, useI18n } from '../i18n/i18n.ts'
import './ratings.css'

/** Five stars filled to the value (a 4.3 fills four and a third), the figure said in words for screen readers. */
export const Stars = ({ value }: { value: number }) => {
  const { t } = useI18n()
  return (
    <span class="stars" role="img" aria-label={fill(t('rating.starsOutOf'), { average: value.toFixed(1) })}>
      <span class="stars__fill" style={`width: ${(Math.max(0, Math.min(5, value)) / 5) * 100}%`} />
    </span>
  )
}

/** Stars and the number of reviews, where buyers decide (cards, the listing, the comparison); "no reviews yet" before any. */
export const RatingSummary = ({ rating }: { rating?: Summary | undefined }) => {
  const { t } = useI18n()
  if (!rating || rating.count === 0) return <span class="rating-summary rating-summary--none">{t('rating.none')}</span>
  return (
    <span class="rating-summary" data-rating-summary={`${rating.average.toFixed(1)}/${rating.count}`}>
      <Stars value={rating.average} />{' '}
      <span class="rating-summary__text">
        {fill(t('rating.summary'), { average: rating.average.toFixed(1), count: rating.count })}
      </span>
    </span>
  )
}
