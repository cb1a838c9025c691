import { RoleGuard } from '../components/role-guard.tsx'
import { MyReviews } from '../ratings/my-reviews.tsx'

export const SupplierReviewsPage = () => <RoleGuard only="supplier">{(me) => <MyReviews me={me} />}</RoleGuard>
