import { DisputeQueue } from '../admin/dispute-queue.tsx'
import { RoleGuard } from '../components/role-guard.tsx'

export const AdminOrdersPage = () => <RoleGuard only="admin">{() => <DisputeQueue />}</RoleGuard>
