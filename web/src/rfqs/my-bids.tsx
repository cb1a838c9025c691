import { api } from '../api/client.ts'
import type { MyBid } from '../api/types.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { ListScreen } from '../components/paged-view.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { formatDateTime, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import { Deadline } from './deadline.tsx'
import { useQuoteLine } from './my-bid-panel.tsx'

/** One of the supplier's bids: on which request, its terms, where both stand, and the order it became. */
const BidCard = ({ bid }: { bid: MyBid }) => {
  const { t, locale } = useI18n()
  const names = useNames()
  const quote = useQuoteLine()
  return (
    <li class="order-card bid-card" data-bid={bid.id} data-rfq={bid.rfq.id}>
      <div class="order-card__head">
        <h2 class="order-card__title">
          <a href={`/rfqs/${bid.rfq.id}`}>{bid.rfq.title}</a>
        </h2>
        <StatusBadge kind="bid" status={bid.status} />
      </div>
      <p class="order-card__line" data-my-quote>
        {quote(bid)}
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

/** The supplier's bids, newest first. */
export const MyBids = () => {
  const { t } = useI18n()
  const list = usePaged(async (cursor) => (await api.rfqs.api.bids.mine.$get({ query: pageQuery(20, cursor) })).json(), [])
  const toFeed = (
    <a href="/rfqs/feed" class="button button--secondary button--small">
      {t('nav.rfqFeed')}
    </a>
  )
  return (
    <ListScreen
      title={t('bids.title')}
      lead={t('bids.intro')}
      action={toFeed}
      list={list}
      empty={t('bids.empty')}
      class="order-list"
      moreLabel={t('market.loadMore')}
      item={(bid) => <BidCard bid={bid} />}
    />
  )
}
