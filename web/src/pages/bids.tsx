import type { Bid, Rfq } from '@market/contracts'
import { api } from '../api/client.ts'
import { usePaged } from '../api/use-paged.ts'
import { LoadMore } from '../components/load-more.tsx'
import { PagedView } from '../components/paged-view.tsx'
import { Loading } from '../components/states.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import { formatFen } from '../listings/money.ts'
import { Deadline } from '../rfqs/parts.tsx'
import { useRequireSignIn } from '../session/session.ts'
import { SupplierOnly } from './supplier-listings.tsx'

type MyBid = Bid & { rfq: Pick<Rfq, 'id' | 'title' | 'status' | 'bidDeadline' | 'quantity' | 'unit'> }

const BidCard = ({ bid }: { bid: MyBid }) => {
  const { t, locale } = useI18n()
  const names = useNames()
  return (
    <li class="order-card bid-card" data-bid={bid.id} data-rfq={bid.rfq.id}>
      <div class="order-card__head">
        <h2 class="order-card__title">
          <a href={`/rfqs/${bid.rfq.id}`}>{bid.rfq.title}</a>
        </h2>
        <StatusBadge kind="bid" status={bid.status} />
      </div>
      <p class="order-card__line" data-my-quote>
        {fill(t('bid.quoteLine'), {
          price: formatFen(bid.unitPriceFen),
          unit: names.unit(bid.unit),
          qty: bid.quantity,
          days: bid.leadTimeDays,
        })}
      </p>
      <dl class="order-card__facts">
        <div>
          <dt>{t('bids.request')}</dt>
          <dd>
            {bid.rfq.quantity} {names.unit(bid.rfq.unit)} <StatusBadge kind="rfq" status={bid.rfq.status} />
          </dd>
        </div>
        <div>
          <dt>{t('rfq.bidDeadline')}</dt>
          <dd>
            <Deadline rfq={bid.rfq} />
          </dd>
        </div>
        <div>
          <dt>{t('bid.updatedAt')}</dt>
          <dd>{formatDateTime(locale, bid.updatedAt)}</dd>
        </div>
        {bid.orderId && (
          <div>
            <dt>{t('bid.order')}</dt>
            <dd>
              <a href={`/orders/${bid.orderId}`} data-bid-order>
                {t('notifications.openOrder')}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </li>
  )
}

const MyBids = () => {
  const { t } = useI18n()
  const list = usePaged<MyBid>(
    async (cursor) => (await api.rfqs.api.bids.mine.$get({ query: { limit: '20', ...(cursor ? { cursor } : {}) } })).json(),
    [],
  )
  return (
    <>
      <div class="page-head">
        <h1>{t('bids.title')}</h1>
        <a href="/rfqs/feed" class="button button--secondary button--small">
          {t('nav.rfqFeed')}
        </a>
      </div>
      <p class="lead">{t('bids.intro')}</p>
      <PagedView list={list} empty={t('bids.empty')}>
        {(list) => (
          <>
            <ul class="order-list">
              {list.items.map((bid) => (
                <BidCard bid={bid} />
              ))}
            </ul>
            <LoadMore list={list} label={t('market.loadMore')} />
          </>
        )}
      </PagedView>
    </>
  )
}

export const MyBidsPage = () => {
  const { me } = useRequireSignIn()
  if (!me) return <Loading />
  if (me.role !== 'supplier') return <SupplierOnly />
  return <MyBids />
}
