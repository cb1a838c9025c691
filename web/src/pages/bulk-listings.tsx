import { RoleGuard } from '../components/role-guard.tsx'
import { BulkUpload } from '../listings/bulk-upload.tsx'

export const BulkListingsPage = () => <RoleGuard only="supplier">{() => <BulkUpload />}</RoleGuard>
