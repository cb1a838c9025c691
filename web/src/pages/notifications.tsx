import { RoleGuard } from '../components/role-guard.tsx'
import { NotificationList } from '../notifications/notification-list.tsx'

export const NotificationsPage = () => <RoleGuard>{() => <NotificationList />}</RoleGuard>
