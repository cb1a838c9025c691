import { RoleGuard } from '../components/role-guard.tsx'
import { MyBids } from '../rfqs/my-bids.tsx'

export const MyBidsPage = () => <RoleGuard only="supplier">{() => <MyBids />}</RoleGuard>
