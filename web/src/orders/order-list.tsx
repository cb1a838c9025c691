import { api } from '../api/client.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { PageHead } from '../components/page-head.tsx'
import { PagedList } from '../components/paged-view.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { OrderCard } from './order-card.tsx'
import { StatusFilter, useStatusFromSearch } from './status-filter.tsx'

/** A party's orders, newest first, filtered by status, with the whole list as CSV. */
export const OrderList = ({ role }: { role: 'buyer' | 'supplier' }) => {
  const { t } = useI18n()
  const status = useStatusFromSearch()
  const orders = usePaged(
    async (cursor) =>
      (
        await api.orders.api.orders.$get({
          query: { role, ...(status ? { status } : {}), ...pageQuery(20, cursor) },
        })
      ).json(),
    [role, status],
  )
  return (
    <>
      <PageHead title={t('orders.title')} lead={t(role === 'buyer' ? 'orders.intro.buyer' : 'orders.intro.supplier')}>
        <a
          href={`/api/orders/export.csv?role=${role}`}
          download={`orders-${role}.csv`}
          class="button button--secondary button--small"
        >
          {t('orders.export')}
        </a>
      </PageHead>
      <div class="filters">
        <StatusFilter id="orders-status" status={status ?? ''} base="/orders" allLabel={t('orders.filter.all')} />
      </div>
      <PagedList
        list={orders}
        empty={t(status ? 'orders.empty.filtered' : 'orders.empty')}
        class="order-list"
        moreLabel={t('market.loadMore')}
        item={(order) => <OrderCard order={order} role={role} />}
      />
    </>
  )
}
