import { ratingQueues } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { queuesChanged } from '../admin/console-layout.tsx'
import { api } from '../api/client.ts'
import type { RatingView } from '../api/types.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { useRowAction } from '../api/use-row-action.ts'
import { describeError, FormError } from '../components/form.tsx'
import { ListScreen } from '../components/paged-view.tsx'
import { ReasonForm } from '../components/reason-form.tsx'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import { Review } from './review.tsx'
import { SupplierLink } from './supplier-link.tsx'
import './ratings.css'

type Queue = (typeof ratingQueues)[number]
type Decision = 'hide' | 'restore'

/** An administrator's decision on one review: hide it, or restore (keep) it, each with a reason. */
const Decide = ({
  rating,
  busy,
  failure,
  onDecide,
}: {
  rating: RatingView
  busy: boolean
  failure: unknown
  onDecide: (decision: Decision, reason: string) => void
}) => {
  const { t, locale } = useI18n()
  const [open, setOpen] = useState<Decision | null>(null)
  const hidden = rating.status === 'hidden'
  return (
    <div class="rating-decision">
      {(rating.reports ?? []).length > 0 && (
        <details class="rating-decision__reports">
          <summary>{fill(t('ratingQueue.reports'), { n: rating.reports?.length ?? 0 })}</summary>
          <ul>
            {rating.reports?.map((report) => (
              <li>
                {formatDateTime(locale, report.at)} — {report.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {failure !== undefined && <FormError>{describeError(locale, failure)}</FormError>}
      {open ? (
        <ReasonForm
          id={`${open}-${rating.id}`}
          label={t(open === 'hide' ? 'ratingQueue.hide.reason' : 'ratingQueue.restore.reason')}
          confirm={t(open === 'hide' ? 'ratingQueue.hide' : hidden ? 'ratingQueue.restore' : 'ratingQueue.keep')}
          busy={busy}
          onConfirm={(reason) => onDecide(open, reason)}
          onCancel={() => setOpen(null)}
        />
      ) : (
        <div class="button-row">
          {!hidden && (
            <button type="button" class="button button--danger button--small" onClick={() => setOpen('hide')}>
              {t('ratingQueue.hide')}
            </button>
          )}
          <button type="button" class="button button--secondary button--small" onClick={() => setOpen('restore')}>
            {t(hidden ? 'ratingQueue.restore' : 'ratingQueue.keep')}
          </button>
        </div>
      )}
    </div>
  )
}

/** Reported reviews, oldest report first, and hidden ones: the administrators' queue. */
export const RatingQueue = () => {
  const { t } = useI18n()
  const [state, setState] = useState<Queue>('reported')
  const [changes, setChanges] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  const { busy, failure, run } = useRowAction()
  const queue = usePaged(
    async (cursor) => (await api.ratings.api.admin.ratings.$get({ query: { state, ...pageQuery(25, cursor) } })).json(),
    [state, changes],
  )
  const decide = (rating: RatingView, decision: Decision, reason: string) =>
    run(rating.id, async () => {
      const route = api.ratings.api.admin.ratings[':id']
      const call = decision === 'hide' ? route.hide.$post : route.restore.$post
      await call({ param: { id: rating.id }, json: { reason } })
      setAnnouncement(
        t(
          decision === 'hide'
            ? 'ratingQueue.hide.done'
            : rating.status === 'hidden'
              ? 'ratingQueue.restore.done'
              : 'ratingQueue.keep.done',
        ),
      )
      setChanges((n) => n + 1)
      queuesChanged()
    })
  const tabs = (
    <fieldset class="rating-queue__tabs">
      <legend class="visually-hidden">{t('ratingQueue.title')}</legend>
      {ratingQueues.map((option) => (
        <button
          type="button"
          class="button button--secondary button--small"
          aria-pressed={option === state ? 'true' : 'false'}
          data-queue={option}
          onClick={() => setState(option)}
        >
          {t(`ratingQueue.state.${option}`)}
        </button>
      ))}
    </fieldset>
  )
  return (
    <>
      <p class="announcement" role="status">
        {announcement}
      </p>
      <ListScreen
        title={t('ratingQueue.title')}
        lead={t('ratingQueue.intro')}
        action={tabs}
        list={queue}
        empty={t(`ratingQueue.empty.${state}`)}
        class="reviews"
        moreLabel={t('admin.loadMore')}
        item={(rating) => (
          <Review
            rating={rating}
            actions={
              <>
                <p class="review__item">
                  <SupplierLink id={rating.supplierId} company={t('ratingQueue.supplierPage')} />
                </p>
                <Decide
                  rating={rating}
                  busy={busy === rating.id}
                  failure={failure?.id === rating.id ? failure.error : undefined}
                  onDecide={(decision, reason) => decide(rating, decision, reason)}
                />
              </>
            }
          />
        )}
      />
    </>
  )
}
