import { ratingDimensions } from '@market/contracts/values'
import { api } from '../api/client.ts'
import type { SupplierPageView } from '../api/types.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { CertificationBadges } from '../certifications/certification-badges.tsx'
import { LoadMore } from '../components/load-more.tsx'
import { fill, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import { VerifiedMark } from '../listings/supplier-line.tsx'
import { useSession } from '../session/session.ts'
import { formatMinutes, formatRate } from './figures.ts'
import { PublicReview } from './review.tsx'
import { Stars } from './stars.tsx'
import './ratings.css'

type Aggregate = SupplierPageView['ratings']

/** How many reviews gave each overall star, as bars drawn in the page: 5★ on top. */
const Histogram = ({ ratings }: { ratings: Aggregate }) => {
  const { t } = useI18n()
  const most = Math.max(1, ...ratings.histogram)
  return (
    <figure class="histogram-figure">
      <figcaption class="histogram__caption">{t('supplier.page.histogram')}</figcaption>
      <ol class="histogram" data-histogram={ratings.histogram.join(',')}>
        {[5, 4, 3, 2, 1].map((stars) => {
          const count = ratings.histogram[stars - 1] ?? 0
          return (
            <li class="histogram__row" data-stars={stars} data-count={count}>
              <span class="histogram__label">{fill(t('rating.stars'), { n: stars })}</span>
              <span class="histogram__bar" aria-hidden="true">
                <span class="histogram__fill" style={`width: ${(count / most) * 100}%`} />
              </span>
              <span class="histogram__count">{count}</span>
            </li>
          )
        })}
      </ol>
      <p class="histogram__note">{t('supplier.page.histogramNote')}</p>
    </figure>
  )
}

/** The figures from orders and requests; a rate without anything to divide by says "not yet". */
const Figures = ({ figures }: { figures: SupplierPageView['figures'] }) => {
  const { t, locale } = useI18n()
  const none = t('figure.none')
  const rows: [string, string, string?][] = [
    [
      t('figure.onTime'),
      figures.onTimeRate === null
        ? none
        : fill(t('figure.onTime.value'), {
            rate: formatRate(locale, figures.onTimeRate),
            onTime: figures.shippedOnTime,
            shipped: figures.shipped,
          }),
      'on-time',
    ],
    [
      t('figure.response'),
      figures.medianResponseMinutes === null ? none : formatMinutes(locale, figures.medianResponseMinutes),
      'response',
    ],
    [t('figure.completion'), figures.completionRate === null ? none : formatRate(locale, figures.completionRate), 'completion'],
    [t('figure.completed'), String(figures.completed), 'completed'],
    [t('figure.disputesLost'), String(figures.disputesLost), 'disputes-lost'],
    [t('figure.activeListings'), String(figures.activeListings), 'active-listings'],
    [t('figure.months'), fill(t('figure.months.value'), { n: figures.monthsOnExchange }), 'months'],
  ]
  return (
    <section class="card supplier-figures" aria-labelledby="figures-title">
      <h2 id="figures-title" class="card__title">
        {t('supplier.page.figures')}
      </h2>
      <p class="supplier-figures__note">{t('supplier.page.figuresNote')}</p>
      <dl class="details details--compact">
        {rows.map(([label, value, name]) => (
          <>
            <dt>{label}</dt>
            <dd data-figure={name}>{value}</dd>
          </>
        ))}
      </dl>
      {figures.responseSample > 0 && (
        <p class="supplier-figures__note">{fill(t('figure.response.note'), { n: figures.responseSample })}</p>
      )}
    </section>
  )
}

/** The newest reviews came with the page; more are read page by page. */
const Reviews = ({ supplier }: { supplier: SupplierPageView }) => {
  const { t } = useI18n()
  const more = usePaged(
    async (cursor) =>
      cursor
        ? (
            await api.ratings.api.suppliers[':id'].ratings.$get({ param: { id: supplier.id }, query: pageQuery(10, cursor) })
          ).json()
        : supplier.recent,
    [supplier],
  )
  if (more.state !== 'ready') return null
  return (
    <section class="section" aria-labelledby="reviews-title">
      <h2 id="reviews-title">{t('supplier.page.reviews')}</h2>
      {more.items.length === 0 ? (
        <p class="state state--empty">{t('supplier.page.noReviews')}</p>
      ) : (
        <ul class="reviews" data-reviews>
          {more.items.map((rating) => (
            <PublicReview rating={rating} />
          ))}
        </ul>
      )}
      <LoadMore list={more} label={t('supplier.page.more')} />
    </section>
  )
}

/** A supplier's public page: who and where, what it trades, what buyers say, and what its orders show. */
export const SupplierProfileView = ({ supplier }: { supplier: SupplierPageView }) => {
  const { t } = useI18n()
  const names = useNames()
  const { me } = useSession()
  const { ratings } = supplier
  return (
    <article class="supplier-page" data-supplier-page={supplier.id}>
      <div class="page-head">
        <h1>{supplier.company}</h1>
        <VerifiedMark verified={supplier.verified} />
        <CertificationBadges kinds={supplier.certifications} />
      </div>
      <p class="lead">
        {supplier.name}
        {supplier.stall && <> · {fill(t('listing.stall'), { stall: supplier.stall })}</>}
      </p>
      {me?.id === supplier.id && (
        <p>
          <a href="/supplier/reviews">{t('myReviews.title')}</a>
        </p>
      )}
      {supplier.categories.length > 0 && (
        <p class="supplier-page__categories">
          <strong>{t('supplier.page.categories')}</strong> {supplier.categories.map((id) => names.category(id)).join('、')}
        </p>
      )}
      <div class="supplier-page__grid">
        <section class="card supplier-ratings" aria-labelledby="ratings-title" data-ratings-count={ratings.count}>
          <h2 id="ratings-title" class="card__title">
            {t('supplier.page.ratings')}
          </h2>
          {ratings.count === 0 ? (
            <p>{t('rating.none')}</p>
          ) : (
            <>
              <p class="supplier-ratings__overall">
                <span class="supplier-ratings__number" data-overall>
                  {ratings.overall.toFixed(1)}
                </span>{' '}
                <Stars value={ratings.overall} />{' '}
                {fill(t('rating.summary'), { average: ratings.overall.toFixed(1), count: ratings.count })}
              </p>
              <dl class="details details--compact">
                {ratingDimensions.map((dimension) => (
                  <>
                    <dt>{t(`rating.dimension.${dimension}`)}</dt>
                    <dd data-mean={dimension}>{ratings.means[dimension].toFixed(1)}</dd>
                  </>
                ))}
              </dl>
              <Histogram ratings={ratings} />
            </>
          )}
          <p class="supplier-figures__note">
            {fill(t('supplier.page.score'), { score: ratings.score.toFixed(2) })} — {t('supplier.page.scoreNote')}
          </p>
        </section>
        <Figures figures={supplier.figures} />
      </div>
      <Reviews supplier={supplier} />
    </article>
  )
}

/** A supplier that is not (or no longer) on the market: said plainly, with the way back. */
export const SupplierNotFound = () => {
  const { t } = useI18n()
  return (
    <div class="state state--empty" data-state="not-found">
      <h1>{t('supplier.page.notFound.title')}</h1>
      <p>{t('supplier.page.notFound.body')}</p>
      <a href="/market" class="button button--primary">
        {t('nav.market')}
      </a>
    </div>
  )
}
