import { ConsolePage } from '../admin/console-layout.tsx'
import { ModerationQueue } from '../admin/moderation-queue.tsx'

export const AdminListingsPage = () => <ConsolePage>{() => <ModerationQueue />}</ConsolePage>
