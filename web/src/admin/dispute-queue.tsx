import type { ResolveDisputeInput } from '@market/contracts'
import { orderStatuses } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import type { DisputedOrder } from '../api/types.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { useRowAction } from '../api/use-row-action.ts'
import { describeError, FormError } from '../components/form.tsx'
import { PagedList } from '../components/paged-view.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, localized, useI18n } from '../i18n/i18n.ts'
import { formatFen } from '../listings/money.ts'
import { ResolveForm } from '../orders/actions/dispute-actions.tsx'
import { OrderNumber } from '../orders/order-number.tsx'
import { StatusFilter, useStatusFromSearch } from '../orders/status-filter.tsx'
import { disputeReasonText } from '../orders/timeline.tsx'
import '../orders/orders.css'

/** A disputed order as the administrator weighs it: the parties, the money, and what each side says. */
const DisputeCard = ({
  order,
  busy,
  failure,
  onResolve,
}: {
  order: DisputedOrder
  busy: boolean
  failure: unknown
  onResolve: (input: ResolveDisputeInput) => Promise<void>
}) => {
  const { t, locale } = useI18n()
  const { dispute } = order
  return (
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
        {dispute && (
          <>
            <dt>{t('order.dispute.reason')}</dt>
            <dd>{disputeReasonText(locale, dispute.reason)}</dd>
            <dt>{t('order.dispute.details')}</dt>
            <dd class="dispute-card__details">{dispute.details}</dd>
            <dt>{t('order.dispute.openedAt')}</dt>
            <dd>{formatDateTime(locale, dispute.openedAt)}</dd>
          </>
        )}
        {dispute?.resolution && (
          <>
            <dt>{t('order.resolution')}</dt>
            <dd>
              {t(`resolution.${dispute.resolution.outcome}`)} — {dispute.resolution.note}
            </dd>
          </>
        )}
      </dl>
      {failure !== undefined && <FormError>{describeError(locale, failure)}</FormError>}
      {order.status === 'disputed' && <ResolveForm orderId={order.id} busy={busy} onResolve={onResolve} />}
    </li>
  )
}

/** The disputes awaiting a decision (and, by status, the orders an administrator looks back on). */
export const DisputeQueue = () => {
  const { t } = useI18n()
  const status = useStatusFromSearch() ?? 'disputed'
  const [changes, setChanges] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  const { busy, failure, run } = useRowAction()
  const orders = usePaged(
    async (cursor) => (await api.admin.api.admin.orders.$get({ query: { status, ...pageQuery(25, cursor) } })).json(),
    [status, changes],
  )

  const resolve = (order: DisputedOrder, json: ResolveDisputeInput) =>
    run(order.id, async () => {
      await api.admin.api.admin.orders[':id'].resolve.$post({ param: { id: order.id }, json })
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
      <PagedList
        list={orders}
        empty={t(status === 'disputed' ? 'adminOrders.empty' : 'adminOrders.empty.status')}
        class="order-list"
        moreLabel={t('admin.loadMore')}
        item={(order) => (
          <DisputeCard
            order={order}
            busy={busy === order.id}
            failure={failure?.id === order.id ? failure.error : undefined}
            onResolve={(input) => resolve(order, input)}
          />
        )}
      />
    </>
  )
}
