import type { Order, OrderAttention, Role } from '@market/contracts'
import { Badge, StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, localized, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import { formatFen } from '../listings/money.ts'
import { SupplierLink } from '../ratings/supplier-link.tsx'
import { FreightAmount } from './freight.tsx'
import { OrderNumber } from './order-number.tsx'
import './orders.css'

/** What the order waits for from its reader (待发货, 待确认收款 …): the reader's to-do, beside the status. */
export const AttentionBadge = ({ attention }: { attention: OrderAttention | null | undefined }) => {
  const { t } = useI18n()
  return attention ? (
    <Badge tone="brand" data-attention={attention}>
      {t(`orderAttention.${attention}`)}
    </Badge>
  ) : null
}

/** One order in a list: what, from or for whom, how much, where it stands and what it waits for from the reader. */
export const OrderCard = ({ order, role }: { order: Order & { attention?: OrderAttention | null }; role: Role }) => {
  const { t, locale } = useI18n()
  const names = useNames()
  const line = order.lines[0]
  const title = line ? localized(locale, line.title) : ''
  return (
    <li class="order-card" data-order={order.id}>
      <div class="order-card__head">
        <h2 class="order-card__title">
          <a href={`/orders/${order.id}`}>{title}</a>
          {order.lines.length > 1 && (
            <span class="order-card__more"> {fill(t('orders.moreLines'), { n: order.lines.length - 1 })}</span>
          )}
        </h2>
        <span class="order-card__badges">
          <AttentionBadge attention={order.attention} />
          <StatusBadge kind="order" status={order.status} />
        </span>
      </div>
      {line && (
        <p class="order-card__line">
          {order.sample
            ? `${t('order.sample')} · ${formatFen(line.unitPriceFen)}`
            : fill(t('orders.line'), { qty: line.quantity, unit: names.unit(line.unit), price: formatFen(line.unitPriceFen) })}
        </p>
      )}
      <dl class="order-card__facts">
        {role !== 'buyer' && (
          <div>
            <dt>{t('orders.buyer')}</dt>
            <dd>{order.buyer.company}</dd>
          </div>
        )}
        {role !== 'supplier' && (
          <div>
            <dt>{t('orders.supplier')}</dt>
            <dd>
              <SupplierLink id={order.supplier.id} company={order.supplier.company} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t('orders.placedAt')}</dt>
          <dd>{formatDateTime(locale, order.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('orders.number')}</dt>
          <dd>
            <OrderNumber order={order} />
          </dd>
        </div>
        <div>
          <dt>{t('order.freight')}</dt>
          <dd>
            <FreightAmount fen={order.freightFen} />
          </dd>
        </div>
        <div class="order-card__total">
          <dt>{t('orders.total')}</dt>
          <dd data-order-total>{formatFen(order.totalFen)}</dd>
        </div>
      </dl>
    </li>
  )
}
