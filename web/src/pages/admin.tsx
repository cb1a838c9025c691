import { AdminConsole } from '../admin/admin-console.tsx'
import { RoleGuard } from '../components/role-guard.tsx'

export const AdminPage = () => <RoleGuard only="admin">{(me) => <AdminConsole me={me} />}</RoleGuard>
