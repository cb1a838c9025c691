import type { BidStatus, Rfq, SupplierRfq } from '@market/contracts'
import type { Child } from 'hono/jsx'
import { ApiError, api } from '../api/client.ts'
import { type Paged, usePaged } from '../api/use-paged.ts'
import { LoadMore } from '../components/load-more.tsx'
import { PagedView } from '../components/paged-view.tsx'
import { Loading } from '../components/states.tsx'
import { fill, localized, useI18n } from '../i18n/i18n.ts'
import { useCatalog } from '../listings/catalog.ts'
import { formatFen } from '../listings/money.ts'
import { useNames } from '../listings/parts.tsx'
import { BidStatusBadge, Deadline, RfqStatusBadge, TenderMark } from '../rfqs/parts.tsx'
import { navigate, useSearch } from '../router.ts'
import { useRequireSignIn } from '../session/session.ts'
import { BuyerOnly } from './rfq-form.tsx'
import { SupplierOnly } from './supplier-listings.tsx'

/** One request in a list: what, how much, by when, and how many have answered. */
const RfqCard = ({ rfq, forSupplier }: { rfq: SupplierRfq & { myBidStatus?: BidStatus | undefined }; forSupplier?: boolean }) => {
  const { t } = useI18n()
  const catalog = useCatalog()
  const names = useNames(catalog.state === 'ready' ? catalog.data : undefined)
  return (
    <li class="order-card rfq-card" data-rfq={rfq.id}>
      <div class="order-card__head">
        <h2 class="order-card__title">
          <a href={`/rfqs/${rfq.id}`}>{rfq.title}</a>
        </h2>
        <span class="rfq-card__badges">
          {rfq.sealedUntilDeadline && <TenderMark />}
          {!forSupplier && <RfqStatusBadge status={rfq.status} />}
          {rfq.myBidStatus && <BidStatusBadge status={rfq.myBidStatus} />}
        </span>
      </div>
      <p class="order-card__line">
        {names.category(rfq.categoryId)} ·{' '}
        <strong class="rfq-card__quantity">
          {rfq.quantity} {names.unit(rfq.unit)}
        </strong>
        {rfq.targetUnitPriceFen && (
          <>
            {' · '}
            {fill(t('rfq.targetPerUnit'), { price: formatFen(rfq.targetUnitPriceFen), unit: names.unit(rfq.unit) })}
          </>
        )}
      </p>
      <dl class="order-card__facts">
        <div>
          <dt>{t('rfq.bidDeadline')}</dt>
          <dd>
            <Deadline rfq={rfq} />
          </dd>
        </div>
        {rfq.bidCount !== undefined && (
          <div>
            <dt>{t('rfq.bids')}</dt>
            <dd data-bid-count={rfq.bidCount}>{fill(t('rfq.bidCount'), { n: rfq.bidCount })}</dd>
          </div>
        )}
        <div>
          <dt>{t('rfq.neededBy')}</dt>
          <dd>{rfq.neededBy}</dd>
        </div>
        {forSupplier && (
          <div>
            <dt>{t('rfq.deliveryPlace')}</dt>
            <dd>{rfq.deliveryPlace}</dd>
          </div>
        )}
      </dl>
    </li>
  )
}

/** A paged list of requests with its loading, empty and error states. */
const RfqList = ({ list, empty, forSupplier }: { list: Paged<SupplierRfq>; empty: Child; forSupplier?: boolean }) => {
  const { t } = useI18n()
  return (
    <PagedView list={list} empty={empty}>
      {(list) => (
        <>
          <ul class="order-list rfq-list">
            {list.items.map((rfq) => (
              <RfqCard rfq={rfq} forSupplier={forSupplier} />
            ))}
          </ul>
          <LoadMore list={list} label={t('market.loadMore')} />
        </>
      )}
    </PagedView>
  )
}

const MyRfqs = () => {
  const { t } = useI18n()
  const list = usePaged<Rfq>(
    async (cursor) => (await api.rfqs.api.rfqs.mine.$get({ query: { limit: '20', ...(cursor ? { cursor } : {}) } })).json(),
    [],
  )
  return (
    <>
      <div class="page-head">
        <h1>{t('rfqs.title')}</h1>
        <a href="/rfqs/new" class="button button--primary">
          {t('rfqs.post')}
        </a>
      </div>
      <p class="lead">{t('rfqs.intro')}</p>
      <RfqList list={list} empty={t('rfqs.empty')} />
    </>
  )
}

export const MyRfqsPage = () => {
  const { me } = useRequireSignIn()
  if (!me) return <Loading />
  if (me.role !== 'buyer') return <BuyerOnly />
  return <MyRfqs />
}

/** A supplier not yet verified learns why the feed is closed to it, and where to get verified. */
const NotVerified = () => {
  const { t } = useI18n()
  return (
    <div class="notice" data-state="not-verified">
      <p class="notice__title">{t('feed.notVerified.title')}</p>
      <p>{t('feed.notVerified.body')}</p>
      <p>
        <a href="/account">{t('supplier.getVerified')}</a>
      </p>
    </div>
  )
}

const Feed = () => {
  const { t, locale } = useI18n()
  const catalog = useCatalog()
  const category = new URLSearchParams(useSearch()).get('category') ?? ''
  const list = usePaged<SupplierRfq>(
    async (cursor) =>
      (
        await api.rfqs.api.rfqs.feed.$get({
          query: { limit: '20', ...(category ? { category } : {}), ...(cursor ? { cursor } : {}) },
        })
      ).json(),
    [category],
  )
  const notVerified = list.state === 'error' && list.error instanceof ApiError && list.error.code === 'supplier.not_verified'
  return (
    <>
      <h1>{t('feed.title')}</h1>
      <p class="lead">{t('feed.intro')}</p>
      <div class="filters">
        <div class="field">
          <label class="field__label" for="feed-category">
            {t('listing.category')}
          </label>
          <select
            id="feed-category"
            class="select"
            onChange={(event: Event) => {
              const value = (event.target as HTMLSelectElement).value
              navigate(value ? `/rfqs/feed?category=${encodeURIComponent(value)}` : '/rfqs/feed', { keepScroll: true })
            }}
          >
            <option value="" selected={category === ''}>
              {t('feed.allCategories')}
            </option>
            {catalog.state === 'ready' &&
              catalog.data.categories.map((option) => (
                <option value={option.id} selected={category === option.id}>
                  {localized(locale, option.name)}
                </option>
              ))}
          </select>
        </div>
      </div>
      {notVerified ? (
        <NotVerified />
      ) : (
        <RfqList list={list} empty={t(category ? 'feed.empty.filtered' : 'feed.empty')} forSupplier />
      )}
    </>
  )
}

export const RfqFeedPage = () => {
  const { me } = useRequireSignIn()
  if (!me) return <Loading />
  if (me.role !== 'supplier') return <SupplierOnly />
  return <Feed />
}
