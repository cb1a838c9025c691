import type { Order, OrderStatus } from '@market/contracts'
import { orderStatuses } from '@market/contracts/values'
import { api } from '../api/client.ts'
import { usePaged } from '../api/use-paged.ts'
import { LoadMore } from '../components/load-more.tsx'
import { PagedView } from '../components/paged-view.tsx'
import { Loading } from '../components/states.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, localized, useI18n } from '../i18n/i18n.ts'
import { useCatalog } from '../listings/catalog.ts'
import { formatFen } from '../listings/money.ts'
import { useNames } from '../listings/parts.tsx'
import { isOrderStatus, OrderNumber } from '../orders/parts.tsx'
import { navigate, useSearch } from '../router.ts'
import { useRequireSignIn } from '../session/session.ts'

type Role = 'buyer' | 'supplier'

/** One order in a list: what, from or for whom, how much, and where it stands. */
export const OrderCard = ({ order, role }: { order: Order; role: Role | 'admin' }) => {
  const { t, locale } = useI18n()
  const catalog = useCatalog()
  const names = useNames(catalog.state === 'ready' ? catalog.data : undefined)
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
        <StatusBadge kind="order" status={order.status} />
      </div>
      {line && (
        <p class="order-card__line">
          {fill(t('orders.line'), { qty: line.quantity, unit: names.unit(line.unit), price: formatFen(line.unitPriceFen) })}
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
            <dd>{order.supplier.company}</dd>
          </div>
        )}
        <div>
          <dt>{t('orders.placedAt')}</dt>
          <dd>{formatDateTime(locale, order.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('orders.number')}</dt>
          <dd>
            <OrderNumber id={order.id} />
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

/** The status filter lives in the URL, so a reload or a shared link shows the same list. */
export const StatusFilter = ({
  id,
  status,
  base,
  allLabel,
  options = orderStatuses,
}: {
  id: string
  status: OrderStatus | ''
  base: string
  allLabel: string
  options?: readonly OrderStatus[]
}) => {
  const { t } = useI18n()
  return (
    <div class="field order-filter">
      <label class="field__label" for={id}>
        {t('orders.filter.status')}
      </label>
      <select
        id={id}
        class="select"
        onChange={(event: Event) => {
          const value = (event.target as HTMLSelectElement).value
          navigate(value ? `${base}?status=${value}` : base, { keepScroll: true })
        }}
      >
        <option value="" selected={status === ''}>
          {allLabel}
        </option>
        {options.map((option) => (
          <option value={option} selected={status === option}>
            {t(`orderStatus.${option}`)}
          </option>
        ))}
      </select>
    </div>
  )
}

const OrderList = ({ role }: { role: Role }) => {
  const { t } = useI18n()
  const requested = new URLSearchParams(useSearch()).get('status')
  const status: OrderStatus | '' = isOrderStatus(requested) ? requested : ''
  const orders = usePaged<Order>(
    async (cursor) =>
      (
        await api.orders.api.orders.$get({
          query: { role, limit: '20', ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) },
        })
      ).json(),
    [role, status],
  )
  return (
    <>
      <div class="page-head">
        <h1>{t('orders.title')}</h1>
        <a
          href={`/api/orders/export.csv?role=${role}`}
          download={`orders-${role}.csv`}
          class="button button--secondary button--small"
        >
          {t('orders.export')}
        </a>
      </div>
      <p class="lead">{t(role === 'buyer' ? 'orders.intro.buyer' : 'orders.intro.supplier')}</p>
      <div class="filters">
        <StatusFilter id="orders-status" status={status} base="/orders" allLabel={t('orders.filter.all')} />
      </div>
      <PagedView list={orders} empty={t(status ? 'orders.empty.filtered' : 'orders.empty')}>
        {(orders) => (
          <>
            <ul class="order-list">
              {orders.items.map((order) => (
                <OrderCard order={order} role={role} />
              ))}
            </ul>
            <LoadMore list={orders} label={t('market.loadMore')} />
          </>
        )}
      </PagedView>
    </>
  )
}

export const OrdersPage = () => {
  const { t } = useI18n()
  const { me } = useRequireSignIn()
  if (!me) return <Loading />
  if (me.role === 'admin') {
    return (
      <div class="state state--empty" data-state="admin">
        <h1>{t('orders.title')}</h1>
        <p>{t('orders.adminHint')}</p>
        <a href="/admin/orders" class="button button--primary">
          {t('nav.adminOrders')}
        </a>
      </div>
    )
  }
  return <OrderList role={me.role} />
}
