import { RoleGuard } from '../components/role-guard.tsx'
import { MyRfqs } from '../rfqs/my-rfqs.tsx'

export const MyRfqsPage = () => <RoleGuard only="buyer">{() => <MyRfqs />}</RoleGuard>
