import { ConsolePage } from '../admin/console-layout.tsx'
import { UsersSection } from '../admin/users-section.tsx'

export const AdminUsersPage = () => <ConsolePage>{(me) => <UsersSection me={me} />}</ConsolePage>
