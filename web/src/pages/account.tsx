import { useEffect } from 'hono/jsx/dom'
import { NotificationPreferencesSection } from '../accounts/notification-preferences.tsx'
import { AccountOverview } from '../accounts/profile.tsx'
import { RoleGuard } from '../components/role-guard.tsx'
import { useSession } from '../session/session.ts'

export const AccountPage = () => {
  const session = useSession()
  // The status may have changed since the session was loaded (an administrator's decision).
  useEffect(() => {
    session.refresh()
  }, [])
  return (
    <RoleGuard>
      {(me) => (
        <>
          <AccountOverview me={me} />
          <NotificationPreferencesSection me={me} />
        </>
      )}
    </RoleGuard>
  )
}
