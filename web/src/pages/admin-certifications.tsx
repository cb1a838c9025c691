import { ConsolePage } from '../admin/console-layout.tsx'
import { CertificationQueue } from '../certifications/certification-queue.tsx'

export const AdminCertificationsPage = () => <ConsolePage>{() => <CertificationQueue />}</ConsolePage>
