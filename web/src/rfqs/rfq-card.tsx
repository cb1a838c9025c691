import type { RfqInList } from '../api/types.ts'
import { StatusBadge } from '../components/status-badge.tsx'
import { fill, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import { formatFen } from '../listings/money.ts'
import { Deadline } from './deadline.tsx'
import { TenderMark } from './rfq-head.tsx'
import './rfqs.css'

/** One request in a list: what, how much, by when, and how many have answered (a tender tells suppliers no count). */
export const RfqCard = ({ rfq, forSupplier }: { rfq: RfqInList; forSupplier?: boolean }) => {
  const { t } = useI18n()
  const names = useNames()
  const unit = names.unit(rfq.unit)
  return (
    <li class="order-card rfq-card" data-rfq={rfq.id}>
      <div class="order-card__head">
        <h2 class="order-card__title">
          <a href={`/rfqs/${rfq.id}`}>{rfq.title}</a>
        </h2>
        <span class="rfq-card__badges">
          {rfq.sealedUntilDeadline && <TenderMark />}
          {!forSupplier && <StatusBadge kind="rfq" status={rfq.status} />}
          {'myBidStatus' in rfq && rfq.myBidStatus && <StatusBadge kind="bid" status={rfq.myBidStatus} />}
        </span>
      </div>
      <p class="order-card__line">
        {names.category(rfq.categoryId)} ·{' '}
        <strong class="rfq-card__quantity">
          {rfq.quantity} {unit}
        </strong>
        {rfq.targetUnitPriceFen && (
          <>
            {' · '}
            {fill(t('rfq.targetPerUnit'), { price: formatFen(rfq.targetUnitPriceFen), unit })}
          </>
        )}
      </p>
      <dl class="order-card__facts">
        <div>
          <dt>{t('rfq.bidDeadline')}</dt>
          <dd>
            <Deadline rfq={rfq} />
          </dd>
        </div>
        {rfq.bidCount !== undefined && (
          <div>
            <dt>{t('rfq.bids')}</dt>
            <dd data-bid-count={rfq.bidCount}>{fill(t('rfq.bidCount'), { n: rfq.bidCount })}</dd>
          </div>
        )}
        <div>
          <dt>{t('rfq.neededBy')}</dt>
          <dd>{rfq.neededBy}</dd>
        </div>
        {forSupplier && (
          <div>
            <dt>{t('rfq.deliveryPlace')}</dt>
            <dd>{rfq.deliveryPlace}</dd>
          </div>
        )}
      </dl>
    </li>
  )
}
