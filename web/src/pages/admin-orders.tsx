import { OrderDesk } from '../admin/order-desk.tsx'
import { RoleGuard } from '../components/role-guard.tsx'

export const AdminOrdersPage = () => <RoleGuard only="admin">{() => <OrderDesk />}</RoleGuard>
