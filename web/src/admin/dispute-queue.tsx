import type { ResolveDisputeInput } from '@market/contracts'
import { orderStatuses } from '@market/contracts/values'
import { api } from '../api/client.ts'
import type { AdminOrder } from '../api/types.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { useRowAction } from '../api/use-row-action.ts'
import { PagedList } from '../components/paged-view.tsx'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import { ResolveForm } from '../orders/actions/dispute-actions.tsx'
import { StatusFilter, useStatusFromSearch } from '../orders/status-filter.tsx'
import { disputeReasonText } from '../orders/timeline.tsx'
import { AdminOrderCard, type CardRow } from './admin-order-card.tsx'

/** What each side says of a disputed order, and how it was settled. */
const useDisputeRows = () => {
  const { t, locale } = useI18n()
  return ({ dispute }: AdminOrder): CardRow[] => [
    ...(dispute
      ? ([
          [t('order.dispute.reason'), disputeReasonText(locale, dispute.reason)],
          [t('order.dispute.details'), <span class="dispute-card__details">{dispute.details}</span>],
          [t('order.dispute.openedAt'), formatDateTime(locale, dispute.openedAt)],
        ] satisfies CardRow[])
      : []),
    ...(dispute?.resolution
      ? ([
          [t('order.resolution'), `${t(`resolution.${dispute.resolution.outcome}`)} — ${dispute.resolution.note}`],
        ] satisfies CardRow[])
      : []),
  ]
}

/** The disputes awaiting a decision (and, by status, the orders an administrator looks back on). */
export const DisputeQueue = ({ changes, onChanged }: { changes: number; onChanged: (message: string) => void }) => {
  const { t } = useI18n()
  const status = useStatusFromSearch() ?? 'disputed'
  const rowsOf = useDisputeRows()
  const { busy, failure, run } = useRowAction()
  const orders = usePaged(
    async (cursor) => (await api.admin.api.admin.orders.$get({ query: { status, ...pageQuery(25, cursor) } })).json(),
    [status, changes],
  )

  const resolve = (order: AdminOrder, json: ResolveDisputeInput) =>
    run(order.id, async () => {
      await api.admin.api.admin.orders[':id'].resolve.$post({ param: { id: order.id }, json })
      onChanged(fill(t('action.resolve.done'), { number: order.id }))
    })

  return (
    <section class="section" aria-labelledby="disputes-title" data-disputes>
      <h2 id="disputes-title">{t('adminOrders.disputes.title')}</h2>
      <div class="filters">
        <StatusFilter
          id="admin-orders-status"
          status={status === 'disputed' ? '' : status}
          base="/admin/orders"
          allLabel={t('orderStatus.disputed')}
          options={orderStatuses.filter((option) => option !== 'disputed')}
        />
      </div>
      <PagedList
        list={orders}
        empty={t(status === 'disputed' ? 'adminOrders.empty' : 'adminOrders.empty.status')}
        class="order-list"
        moreLabel={t('admin.loadMore')}
        item={(order) => (
          <AdminOrderCard order={order} rows={rowsOf(order)} failure={failure?.id === order.id ? failure.error : undefined}>
            {order.actions.includes('resolve') && (
              <ResolveForm orderId={order.id} busy={busy === order.id} onResolve={(input) => resolve(order, input)} />
            )}
          </AdminOrderCard>
        )}
      />
    </section>
  )
}
