import type { SupplierRfq } from '@market/contracts'
import { photoUrl } from '../api/client.ts'
import { fill, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import { formatFen } from '../listings/money.ts'
import { Deadline } from './deadline.tsx'
import './rfqs.css'

/** What a request asks for, the same for the buyer and the suppliers. */
export const RfqFacts = ({ rfq }: { rfq: SupplierRfq }) => {
  const { t } = useI18n()
  const names = useNames()
  return (
    <dl class="details rfq-facts">
      <dt>{t('listing.category')}</dt>
      <dd>{names.category(rfq.categoryId)}</dd>
      <dt>{t('rfq.quantity')}</dt>
      <dd data-rfq-quantity>
        {rfq.quantity} {names.unit(rfq.unit)}
      </dd>
      <dt>{t('rfq.targetPrice')}</dt>
      <dd>
        {rfq.targetUnitPriceFen
          ? fill(t('rfq.perUnit'), { price: formatFen(rfq.targetUnitPriceFen), unit: names.unit(rfq.unit) })
          : t('rfq.targetPrice.none')}
      </dd>
      <dt>{t('rfq.bidDeadline')}</dt>
      <dd>
        <Deadline rfq={rfq} />
      </dd>
      <dt>{t('rfq.neededBy')}</dt>
      <dd>{rfq.neededBy}</dd>
      <dt>{t('rfq.deliveryPlace')}</dt>
      <dd>{rfq.deliveryPlace}</dd>
      {rfq.invoice && (
        <>
          <dt>{t('rfq.invoice')}</dt>
          <dd data-rfq-invoice={rfq.invoice}>{t(`invoice.${rfq.invoice}`)}</dd>
        </>
      )}
      {rfq.freightTerms && (
        <>
          <dt>{t('rfq.freight')}</dt>
          <dd data-rfq-freight={rfq.freightTerms}>{t(`freight.${rfq.freightTerms}`)}</dd>
        </>
      )}
      {rfq.sampleRequired !== undefined && (
        <>
          <dt>{t('rfq.sample')}</dt>
          <dd data-rfq-sample={String(rfq.sampleRequired)}>
            {t(rfq.sampleRequired ? 'rfq.sample.required' : 'rfq.sample.notRequired')}
          </dd>
        </>
      )}
      <dt>{t('rfq.buyer')}</dt>
      <dd>{rfq.buyer.company}</dd>
      <dt>{t('rfq.specs')}</dt>
      <dd class="rfq-facts__specs">{rfq.specs}</dd>
      {rfq.photos.length > 0 && (
        <>
          <dt>{t('rfq.photos')}</dt>
          <dd>
            <ul class="photo-list">
              {rfq.photos.map((key, index) => (
                <li class="photo-item">
                  <img
                    src={photoUrl(key)}
                    alt={fill(t('listing.photoN'), { n: index + 1 })}
                    width={160}
                    height={120}
                    loading="lazy"
                  />
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  )
}
