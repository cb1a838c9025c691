import type { Child } from 'hono/jsx'
import type { AdminOrder } from '../api/types.ts'
import { describeError, FormError } from '../components/form.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { localized, useI18n } from '../i18n/i18n.ts'
import { formatFen } from '../listings/money.ts'
import { OrderNumber } from '../orders/order-number.tsx'
import '../orders/orders.css'

/** A label and what it says, as the card's details list shows them. */
export type CardRow = [label: string, value: Child]

/**
 * An order as an administrator weighs it: the parties and the money, what the queue it sits in is
 * about (`rows`), why the last decision on it failed, and the decisions open now (`children`).
 */
export const AdminOrderCard = ({
  order,
  rows,
  failure,
  children,
}: {
  order: AdminOrder
  rows: CardRow[]
  failure: unknown
  children: Child
}) => {
  const { t, locale } = useI18n()
  const facts: CardRow[] = [
    [t('orders.number'), <OrderNumber order={order} />],
    [t('orders.buyer'), `${order.buyer.company} · ${order.buyer.name}`],
    [t('orders.supplier'), `${order.supplier.company} · ${order.supplier.name}`],
    [t('orders.total'), formatFen(order.totalFen)],
    ...(order.payment.method
      ? ([[t('order.payment.method'), t(`order.method.${order.payment.method}`)]] satisfies CardRow[])
      : []),
    ...rows,
  ]
  return (
    <li class="order-card card dispute-card" data-admin-order={order.id}>
      <div class="order-card__head">
        <h3 class="order-card__title">
          <a href={`/orders/${order.id}`}>{order.lines[0] ? localized(locale, order.lines[0].title) : order.id}</a>
        </h3>
        <StatusBadge kind="order" status={order.status} />
      </div>
      <dl class="details details--compact">
        {facts.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      {failure !== undefined && <FormError>{describeError(locale, failure)}</FormError>}
      {children}
    </li>
  )
}
