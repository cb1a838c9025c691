import { CertificationQueue } from '../certifications/certification-queue.tsx'
import { RoleGuard } from '../components/role-guard.tsx'

export const AdminCertificationsPage = () => <RoleGuard only="admin">{() => <CertificationQueue />}</RoleGuard>
