import type { AccountStatus, Role, VerificationStatus } from '@market/contracts'
import { useI18n } from '../i18n/i18n.ts'

/** Status is always written out as text; colour only repeats what the words say. */
export const VerificationBadge = ({ status }: { status: VerificationStatus }) => {
  const { t } = useI18n()
  return (
    <span class={`badge badge--${status}`} data-verification={status}>
      {t(`verification.${status}`)}
    </span>
  )
}

export const StatusBadge = ({ status }: { status: AccountStatus }) => {
  const { t } = useI18n()
  return (
    <span class={`badge badge--${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  )
}

export const RoleLabel = ({ role }: { role: Role }) => {
  const { t } = useI18n()
  return <span data-role={role}>{t(`role.${role}`)}</span>
}
