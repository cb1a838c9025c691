import type { MeResponse } from '@market/contracts'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import type { RatingView } from '../api/types.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { ListScreen } from '../components/paged-view.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { ReplyForm, Review } from './review.tsx'
import './ratings.css'

/** The supplier's own reviews, newest first, each with the one reply it may give. */
export const MyReviews = ({ me }: { me: MeResponse }) => {
  const { t } = useI18n()
  const [replied, setReplied] = useState<Record<string, RatingView>>({})
  const [announcement, setAnnouncement] = useState('')
  const reviews = usePaged(async (cursor) =>
    (await api.ratings.api.suppliers.me.ratings.$get({ query: pageQuery(20, cursor) })).json(),
  )
  return (
    <>
      <p class="announcement" role="status">
        {announcement}
      </p>
      <ListScreen
        title={t('myReviews.title')}
        lead={t('myReviews.intro')}
        action={
          <a href={`/suppliers/${me.id}`} class="button button--secondary">
            {t('myReviews.publicPage')}
          </a>
        }
        list={reviews}
        empty={t('myReviews.empty')}
        class="reviews"
        moreLabel={t('supplier.page.more')}
        item={(review) => {
          const rating = replied[review.id] ?? review
          return (
            <Review
              rating={rating}
              actions={
                !rating.reply && (
                  <ReplyForm
                    rating={rating}
                    onReplied={(next) => {
                      setReplied((current) => ({ ...current, [next.id]: next }))
                      setAnnouncement(t('review.replyForm.done'))
                    }}
                  />
                )
              }
            />
          )
        }}
      />
    </>
  )
}
