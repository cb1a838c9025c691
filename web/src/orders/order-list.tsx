import { api } from '../api/client.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { PageHead } from '../components/page-head.tsx'
import { PagedList } from '../components/paged-view.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { navigate, useSearch } from '../router.ts'
import { OrderCard } from './order-card.tsx'
import { StatusFilter, useStatusFromSearch, withParam } from './status-filter.tsx'

/**
 * A party's orders, newest first, filtered by status and to those waiting for the party's next step
 * (`?needs=action`), with the whole list as CSV.
 */
export const OrderList = ({ role }: { role: 'buyer' | 'supplier' }) => {
  const { t } = useI18n()
  const status = useStatusFromSearch()
  const needsAction = new URLSearchParams(useSearch()).get('needs') === 'action'
  const here = `/orders${status ? `?status=${status}` : ''}`
  const orders = usePaged(
    async (cursor) =>
      (
        await api.orders.api.orders.$get({
          query: { role, ...(status ? { status } : {}), ...(needsAction ? { needs: 'action' } : {}), ...pageQuery(20, cursor) },
        })
      ).json(),
    [role, status, needsAction],
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
        <StatusFilter
          id="orders-status"
          status={status ?? ''}
          base={needsAction ? '/orders?needs=action' : '/orders'}
          allLabel={t('orders.filter.all')}
        />
        <label class="check">
          <input
            type="checkbox"
            data-needs-action
            checked={needsAction}
            onChange={(event: Event) =>
              navigate(withParam(here, 'needs', (event.target as HTMLInputElement).checked ? 'action' : ''), {
                keepScroll: true,
              })
            }
          />
          {t('orders.filter.needsAction')}
        </label>
      </div>
      <PagedList
        list={orders}
        empty={t(needsAction ? 'orders.empty.needsAction' : status ? 'orders.empty.filtered' : 'orders.empty')}
        class="order-list"
        moreLabel={t('market.loadMore')}
        item={(order) => <OrderCard order={order} role={role} />}
      />
    </>
  )
}
