import { RoleGuard } from '../components/role-guard.tsx'
import { RfqFeed } from '../rfqs/rfq-feed.tsx'

export const RfqFeedPage = () => <RoleGuard only="supplier">{() => <RfqFeed />}</RoleGuard>
