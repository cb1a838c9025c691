import { RoleGuard } from '../components/role-guard.tsx'
import { RfqScreen } from '../rfqs/rfq-screen.tsx'

export const RfqPage = ({ id }: { id: string }) => <RoleGuard>{(me) => <RfqScreen id={id} me={me} />}</RoleGuard>
