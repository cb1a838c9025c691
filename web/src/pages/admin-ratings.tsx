import { RoleGuard } from '../components/role-guard.tsx'
import { RatingQueue } from '../ratings/rating-queue.tsx'

export const AdminRatingsPage = () => <RoleGuard only="admin">{() => <RatingQueue />}</RoleGuard>
