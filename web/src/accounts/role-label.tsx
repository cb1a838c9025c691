import type { Role } from '@market/contracts'
import { useI18n } from '../i18n/i18n.ts'

/** A role in words. */
export const RoleLabel = ({ role }: { role: Role }) => {
  const { t } = useI18n()
  return <span data-role={role}>{t(`role.${role}`)}</span>
}
