import type { SupplierCard } from '@market/contracts'
import { CertificationBadges } from '../certifications/certification-badges.tsx'
import { Badge } from '../components/status-badge.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { RatingSummary } from '../ratings/stars.tsx'
import { SupplierLink } from '../ratings/supplier-link.tsx'
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

/** A supplier in a list: the company (the way to its page), whether it is verified, its stars and its certifications. */
export const SupplierLine = ({ supplier }: { supplier: SupplierCard }) => (
  <span class="supplier-line">
    <span class="supplier-line__company">
      <SupplierLink id={supplier.id} company={supplier.company} />
    </span>{' '}
    <VerifiedMark verified={supplier.verified} /> <RatingSummary rating={supplier.rating} />{' '}
    <CertificationBadges kinds={supplier.certifications} />
  </span>
)
