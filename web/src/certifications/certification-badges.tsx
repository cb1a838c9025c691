import type { SupplierCard } from '@market/contracts'
import { Badge } from '../components/status-badge.tsx'
import { useI18n } from '../i18n/i18n.ts'
import './certifications.css'

/** A supplier's valid certifications, each named in words (绿色工厂, 专精特新…), never by colour alone. */
export const CertificationBadges = ({ kinds }: { kinds: SupplierCard['certifications'] }) => {
  const { t } = useI18n()
  if (!kinds?.length) return null
  return (
    <span class="certification-badges" data-certifications>
      <span class="visually-hidden">{t('certification.badges')}: </span>
      {kinds.map((kind) => (
        <Badge tone={kind === 'specialised' ? 'info' : 'success'} data-certification={kind}>
          {t(`certification.kind.${kind}`)}
        </Badge>
      ))}
    </span>
  )
}
