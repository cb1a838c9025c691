import type { MeResponse } from '@market/contracts'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import type { OrderView, RatingView } from '../api/types.ts'
import { useResource } from '../api/use-resource.ts'
import { ResourceView } from '../components/states.tsx'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { RatingForm } from './rating-form.tsx'
import { Review } from './review.tsx'
import './ratings.css'

const rateable = ['delivered', 'completed']

/** The order's rating once written: the buyer may edit it while the window is open. */
const WrittenRating = ({ rating, mine, onSaved }: { rating: RatingView; mine: boolean; onSaved: (next: RatingView) => void }) => {
  const { t, locale } = useI18n()
  const [editing, setEditing] = useState(false)
  const editable = mine && new Date().toISOString() < rating.editableUntil
  if (editing) {
    return (
      <RatingForm
        orderId={rating.orderId}
        rating={rating}
        onSaved={(next) => {
          setEditing(false)
          onSaved(next)
        }}
        onCancel={() => setEditing(false)}
      />
    )
  }
  return (
    <>
      <ul class="reviews">
        <Review rating={rating} />
      </ul>
      {editable && (
        <p class="button-row">
          <button type="button" class="button button--secondary button--small" onClick={() => setEditing(true)}>
            {t('rating.edit')}
          </button>
          <span class="supplier-figures__note">
            {fill(t('rating.editableUntil'), { at: formatDateTime(locale, rating.editableUntil) })}
          </span>
        </p>
      )}
    </>
  )
}

/**
 * On a delivered or completed order: the buyer's rating form, or the rating once written (for
 * both parties), with what was just done announced.
 */
export const OrderRating = ({ order, me }: { order: OrderView; me: MeResponse }) => {
  const { t } = useI18n()
  const mine = me.id === order.buyer.id
  const [written, setWritten] = useState<RatingView | null>(null)
  const [announcement, setAnnouncement] = useState<MessageKey | null>(null)
  const ratingId = written?.id ?? order.ratingId
  const loaded = useResource(
    async () => (ratingId && !written ? (await api.ratings.api.ratings[':id'].$get({ param: { id: ratingId } })).json() : null),
    [ratingId],
  )
  if (!rateable.includes(order.status) || (!mine && !ratingId)) return null
  const saved = (key: MessageKey) => (next: RatingView) => {
    setWritten(next)
    setAnnouncement(key)
  }
  return (
    <section class="section card order-rating" aria-labelledby="rating-title" data-order-rating>
      <h2 id="rating-title" class="card__title">
        {t(ratingId ? (mine ? 'rating.yours' : 'rating.theBuyers') : 'rating.form.title')}
      </h2>
      <p class="announcement" role="status">
        {announcement ? t(announcement) : ''}
      </p>
      {ratingId ? (
        written ? (
          <WrittenRating rating={written} mine={mine} onSaved={saved('rating.form.saved')} />
        ) : (
          <ResourceView resource={loaded}>
            {(rating) => rating && <WrittenRating rating={rating} mine={mine} onSaved={saved('rating.form.saved')} />}
          </ResourceView>
        )
      ) : (
        <>
          <p>{fill(t('rating.form.intro'), { company: order.supplier.company })}</p>
          <RatingForm orderId={order.id} onSaved={saved('rating.form.done')} />
        </>
      )}
    </section>
  )
}
