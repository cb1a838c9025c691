import { RoleGuard } from '../components/role-guard.tsx'
import { Inbox, ThreadScreen } from '../threads/inbox.tsx'

export const InboxPage = () => <RoleGuard>{(me) => <Inbox me={me} />}</RoleGuard>
export const ThreadPage = ({ id }: { id: string }) => <RoleGuard>{(me) => <ThreadScreen id={id} me={me} />}</RoleGuard>
