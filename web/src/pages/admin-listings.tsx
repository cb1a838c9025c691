import { ModerationQueue } from '../admin/moderation-queue.tsx'
import { RoleGuard } from '../components/role-guard.tsx'

export const AdminListingsPage = () => <RoleGuard only="admin">{() => <ModerationQueue />}</RoleGuard>
