import type { Order, OrderStatus } from '@market/contracts'
import { orderStatuses } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { usePaged } from '../api/use-paged.ts'
import { useRowAction } from '../api/use-row-action.ts'
import { AdminOnly } from '../components/admin-only.tsx'
import { describeError, FormError } from '../components/form.tsx'
import { PagedView } from '../components/paged-view.tsx'
import { ErrorState, Loading } from '../components/states.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, localized, useI18n } from '../i18n/i18n.ts'
import { formatFen } from '../listings/money.ts'
import { disputeReasonText, isOrderStatus, OrderNumber } from '../orders/parts.tsx'
import { useSearch } from '../router.ts'
import { useRequireSignIn } from '../session/session.ts'
import { ResolveForm } from './order.tsx'
import { StatusFilter } from './orders.tsx'

const DisputeQueue = () => {
  const { t, locale } = useI18n()
  const requested = new URLSearchParams(useSearch()).get('status')
  const status: OrderStatus = isOrderStatus(requested) ? requested : 'disputed'
  const [changes, setChanges] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  const { busy, failure, run } = useRowAction()
  const orders = usePaged<Order>(
    async (cursor) =>
      (await api.admin.api.admin.orders.$get({ query: { status, limit: '25', ...(cursor ? { cursor } : {}) } })).json(),
    [status, changes],
  )

  const resolve = (order: Order, input: { outcome: 'refund' | 'release'; note: string }) =>
    run(order.id, async () => {
      await api.admin.api.admin.orders[':id'].resolve.$post({ param: { id: order.id }, json: input })
      setAnnouncement(fill(t('action.resolve.done'), { number: order.id }))
      setChanges((n) => n + 1)
    })

  return (
    <>
      <h1>{t('adminOrders.title')}</h1>
      <p class="lead">{t('adminOrders.intro')}</p>
      <div class="filters">
        <StatusFilter
          id="admin-orders-status"
          status={status === 'disputed' ? '' : status}
          base="/admin/orders"
          allLabel={t('orderStatus.disputed')}
          options={orderStatuses.filter((option) => option !== 'disputed')}
        />
      </div>
      <p class="announcement" role="status">
        {announcement}
      </p>
      <PagedView list={orders} empty={t(status === 'disputed' ? 'adminOrders.empty' : 'adminOrders.empty.status')}>
        {(orders) => (
          <ul class="order-list">
            {orders.items.map((order) => (
              <li class="order-card card dispute-card" data-admin-order={order.id}>
                <div class="order-card__head">
                  <h2 class="order-card__title">
                    <a href={`/orders/${order.id}`}>{order.lines[0] ? localized(locale, order.lines[0].title) : order.id}</a>
                  </h2>
                  <StatusBadge kind="order" status={order.status} />
                </div>
                <dl class="details details--compact">
                  <dt>{t('orders.number')}</dt>
                  <dd>
                    <OrderNumber id={order.id} />
                  </dd>
                  <dt>{t('orders.buyer')}</dt>
                  <dd>
                    {order.buyer.company} · {order.buyer.name}
                  </dd>
                  <dt>{t('orders.supplier')}</dt>
                  <dd>
                    {order.supplier.company} · {order.supplier.name}
                  </dd>
                  <dt>{t('orders.total')}</dt>
                  <dd>{formatFen(order.totalFen)}</dd>
                  {order.payment.method && (
                    <>
                      <dt>{t('order.payment.method')}</dt>
                      <dd>{t(`order.method.${order.payment.method}`)}</dd>
                    </>
                  )}
                  {order.dispute && (
                    <>
                      <dt>{t('order.dispute.reason')}</dt>
                      <dd>{disputeReasonText(locale, order.dispute.reason)}</dd>
                      <dt>{t('order.dispute.details')}</dt>
                      <dd class="dispute-card__details">{order.dispute.details}</dd>
                      <dt>{t('order.dispute.openedAt')}</dt>
                      <dd>{formatDateTime(locale, order.dispute.openedAt)}</dd>
                    </>
                  )}
                  {order.dispute?.resolution && (
                    <>
                      <dt>{t('order.resolution')}</dt>
                      <dd>
                        {t(`resolution.${order.dispute.resolution.outcome}`)} — {order.dispute.resolution.note}
                      </dd>
                    </>
                  )}
                </dl>
                {failure?.id === order.id && <FormError>{describeError(locale, failure.error)}</FormError>}
                {order.status === 'disputed' && (
                  <ResolveForm order={order} busy={busy === order.id} onResolve={(input) => resolve(order, input)} />
                )}
              </li>
            ))}
          </ul>
        )}
      </PagedView>
      {orders.state === 'ready' && orders.hasMore && (
        <button type="button" class="button button--secondary load-more" disabled={orders.loadingMore} onClick={orders.loadMore}>
          {orders.loadingMore ? t('state.loading') : t('admin.loadMore')}
        </button>
      )}
      {orders.state === 'ready' && orders.moreError !== null && <ErrorState error={orders.moreError} />}
    </>
  )
}

export const AdminOrdersPage = () => {
  const { me } = useRequireSignIn()
  if (!me) return <Loading />
  if (me.role !== 'admin') return <AdminOnly />
  return <DisputeQueue />
}
