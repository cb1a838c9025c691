import { AdminConsole } from '../admin/admin-console.tsx'
import { ConsolePage } from '../admin/console-layout.tsx'

export const AdminPage = () => <ConsolePage>{() => <AdminConsole />}</ConsolePage>
