import type { SupplierCard } from '@market/contracts'
import { Badge } from '../components/status-badge.tsx'
import { useI18n } from '../i18n/i18n.ts'
import './supplier-line.css'

/** A verified supplier says so in words, not only with a tick. */
export const VerifiedMark = ({ verified }: { verified: boolean }) => {
  const { t } = useI18n()
  return verified ? (
    <Badge tone="success" data-verified>
      {t('verification.verified')}
    </Badge>
  ) : null
}

/** A supplier in a list: the company, and whether it is verified. */
export const SupplierLine = ({ supplier }: { supplier: SupplierCard }) => (
  <span class="supplier-line">
    <span class="supplier-line__company">{supplier.company}</span> <VerifiedMark verified={supplier.verified} />
  </span>
)
