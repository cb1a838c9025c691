import { RoleGuard } from '../components/role-guard.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { OrderList } from '../orders/order-list.tsx'

/** Administrators have no orders of their own: they are shown the way to the disputes. */
const AdminHint = () => {
  const { t } = useI18n()
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

export const OrdersPage = () => (
  <RoleGuard>{(me) => (me.role === 'admin' ? <AdminHint /> : <OrderList role={me.role} />)}</RoleGuard>
)
