import { maxReplyLength, ratingDimensions } from '@market/contracts/values'
import type { Child } from 'hono/jsx'
import { api } from '../api/client.ts'
import type { RatingView } from '../api/types.ts'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { ReportBox } from '../components/report-box.tsx'
import { unfilled, useForm } from '../components/use-form.ts'
import { fill, formatDateTime, localized, useI18n } from '../i18n/i18n.ts'
import { Stars } from './stars.tsx'
import './ratings.css'

/** Anyone signed in may report a review; a visitor is asked to sign in first. */
const ReportLink = ({ rating }: { rating: RatingView }) => (
  <ReportBox
    id={`report-${rating.id}`}
    reasonLabel="review.report.reason"
    send={(reason) => api.ratings.api.ratings[':id'].report.$post({ param: { id: rating.id }, json: { reason } })}
  />
)

/** The supplier's one reply to a review. */
export const ReplyForm = ({ rating, onReplied }: { rating: RatingView; onReplied: (rating: RatingView) => void }) => {
  const { t, locale } = useI18n()
  const form = useForm({ text: '' })
  const id = `reply-${rating.id}`
  return (
    <form
      class="form reply-form"
      noValidate
      ref={form.formRef}
      data-reply-form
      onSubmit={form.submit({
        check: () => unfilled({ text: Boolean(form.values.text.trim()) }, 'review.replyForm.invalid'),
        send: async () =>
          onReplied(
            await (
              await api.ratings.api.ratings[':id'].reply.$post({
                param: { id: rating.id },
                json: { text: form.values.text.trim() },
              })
            ).json(),
          ),
      })}
    >
      <TextField
        id={id}
        label={t('review.replyForm.label')}
        hint={t('review.replyForm.hint')}
        value={form.values.text}
        onInput={(value) => form.set('text')(value.slice(0, maxReplyLength))}
        error={form.errorFor('text')}
        required
        multiline
      />
      {form.failure !== null && <FormError>{describeError(locale, form.failure)}</FormError>}
      <button type="submit" class="button button--primary button--small" disabled={form.submitting}>
        {t('review.replyForm.submit')}
      </button>
    </form>
  )
}

/**
 * One review: its stars, what each dimension got, who bought what and when, the comment and the
 * supplier's reply. `actions` go below it (report, reply, an administrator's decision).
 */
export const Review = ({ rating, actions }: { rating: RatingView; actions?: Child }) => {
  const { t, locale } = useI18n()
  return (
    <li class="review" data-rating={rating.id} data-stars={rating.stars}>
      <div class="review__head">
        <Stars value={rating.overall} /> <span class="review__overall">{rating.overall.toFixed(1)}</span>
        <span class="review__who">
          {rating.buyer.company} · {formatDateTime(locale, rating.createdAt)}
          {rating.version > 1 && rating.updatedAt !== rating.createdAt && <> · {t('review.edited')}</>}
        </span>
      </div>
      {rating.item && <p class="review__item">{fill(t('review.bought'), { item: localized(locale, rating.item) })}</p>}
      <dl class="review__scores">
        {ratingDimensions.map((dimension) => (
          <div>
            <dt>{t(`rating.dimension.${dimension}`)}</dt>
            <dd>{fill(t('rating.stars'), { n: rating.scores[dimension] })}</dd>
          </div>
        ))}
      </dl>
      {rating.comment && <p class="review__comment">{rating.comment}</p>}
      {rating.hidden && <p class="notice">{fill(t('rating.hiddenNotice'), { reason: rating.hidden.reason })}</p>}
      {rating.reply && (
        <div class="review__reply" data-reply>
          <p class="review__reply-label">
            {t('review.reply')} · {formatDateTime(locale, rating.reply.at)}
          </p>
          <p class="review__reply-text">{rating.reply.text}</p>
        </div>
      )}
      {actions}
    </li>
  )
}

/** A review as the public reads it: with the link to report it. */
export const PublicReview = ({ rating }: { rating: RatingView }) => (
  <Review rating={rating} actions={<ReportLink rating={rating} />} />
)
