import type { SupplierRfq } from '@market/contracts'
import { Badge, StatusBadge } from '../components/status-badge.tsx'
import { fill, useI18n } from '../i18n/i18n.ts'
import './rfqs.css'

/** A tender is marked in words wherever the request appears. */
export const TenderMark = () => {
  const { t } = useI18n()
  return (
    <Badge tone="brand" data-tender>
      {t('rfq.tender')}
    </Badge>
  )
}

/** The request's title, whether it is a tender, where it stands, and why it ended if it did. */
export const RfqHead = ({ rfq }: { rfq: SupplierRfq }) => {
  const { t } = useI18n()
  return (
    <>
      <div class="page-head rfq-head">
        <h1>{rfq.title}</h1>
        <span class="rfq-card__badges">
          {rfq.sealedUntilDeadline && <TenderMark />}
          <StatusBadge kind="rfq" status={rfq.status} />
        </span>
      </div>
      {rfq.status === 'cancelled' && (
        <div class="notice notice--danger" data-notice="cancelled">
          <p class="notice__title">{t('rfq.cancelled')}</p>
          {rfq.cancelReason && <p>{fill(t('notification.reason'), { reason: rfq.cancelReason })}</p>}
        </div>
      )}
      {rfq.status === 'expired' && (
        <div class="notice" data-notice="expired">
          <p class="notice__title">{t('rfq.expired')}</p>
        </div>
      )}
    </>
  )
}
