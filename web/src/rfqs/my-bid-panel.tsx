import type { Bid, SupplierRfq, UnitId } from '@market/contracts'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { describeError, FormError } from '../components/form.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import { formatFen } from '../listings/money.ts'
import { FreightAmount } from '../orders/freight.tsx'
import { biddingOpen, isLive } from './use-rfq.ts'
import './my-bid.css'

/** A bid's terms in one line: price per unit, quantity, lead time. */
export const useQuoteLine = () => {
  const { t } = useI18n()
  const names = useNames()
  return (entry: { unitPriceFen: number; unit: UnitId; quantity: number; leadTimeDays: number }) =>
    fill(t('bid.quoteLine'), {
      price: formatFen(entry.unitPriceFen),
      unit: names.unit(entry.unit),
      qty: entry.quantity,
      days: entry.leadTimeDays,
    })
}

/** The supplier's own bid: its terms, where it stands, its earlier versions, and a way to withdraw while bidding is open. */
export const MyBidPanel = ({ rfq, bid, onWithdrawn }: { rfq: SupplierRfq; bid: Bid; onWithdrawn: () => void }) => {
  const { t, locale } = useI18n()
  const quote = useQuoteLine()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const withdraw = async () => {
    setBusy(true)
    setFailure(null)
    try {
      await api.rfqs.api.rfqs[':id'].bids.mine.withdraw.$post({ param: { id: rfq.id } })
      setConfirming(false)
      onWithdrawn()
    } catch (caught) {
      setFailure(caught)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="section my-bid" aria-labelledby="my-bid-title" data-my-bid={bid.id} data-bid-status={bid.status}>
      <div class="page-head">
        <h2 id="my-bid-title">{t('bid.mine')}</h2>
        <StatusBadge kind="bid" status={bid.status} />
      </div>
      <p class="my-bid__quote" data-my-quote>
        {quote(bid)}
        {bid.unit === 'bolt' && bid.metresPerBolt && ` · ${fill(t('bid.metresPerBolt.value'), { n: bid.metresPerBolt })}`}
      </p>
      <dl class="details details--compact">
        <dt>{t('order.freight')}</dt>
        <dd data-my-freight>
          <FreightAmount fen={bid.freightFen} />
        </dd>
        <dt>{t('bid.validUntil')}</dt>
        <dd>{bid.validUntil}</dd>
        <dt>{t('bid.updatedAt')}</dt>
        <dd>{formatDateTime(locale, bid.updatedAt)}</dd>
        {bid.note && (
          <>
            <dt>{t('bid.note')}</dt>
            <dd>{bid.note}</dd>
          </>
        )}
      </dl>
      {bid.status === 'accepted' && bid.orderId && (
        <div class="notice notice--success">
          <p class="notice__title">{t('bid.accepted')}</p>
          <a href={`/orders/${bid.orderId}`} class="button button--primary" data-bid-order>
            {t('notifications.openOrder')}
          </a>
        </div>
      )}
      {bid.history.length > 0 && (
        <details class="my-bid__history" data-bid-history>
          <summary>{fill(t('bid.history'), { n: bid.history.length })}</summary>
          <ol class="my-bid__versions">
            {bid.history.map((entry) => (
              <li>
                <time dateTime={entry.at}>{formatDateTime(locale, entry.at)}</time>: {quote(entry)}
              </li>
            ))}
          </ol>
        </details>
      )}
      {isLive(bid) && biddingOpen(rfq) && (
        <div class="my-bid__withdraw">
          {failure !== null && <FormError>{describeError(locale, failure)}</FormError>}
          {confirming ? (
            <div class="confirm">
              <p>{t('bid.withdraw.confirm')}</p>
              <div class="button-row">
                <button type="button" class="button button--danger" disabled={busy} onClick={withdraw}>
                  {t('bid.withdraw.yes')}
                </button>
                <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
                  {t('bid.withdraw.no')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" class="button button--secondary" onClick={() => setConfirming(true)}>
              {t('bid.withdraw')}
            </button>
          )}
        </div>
      )}
    </section>
  )
}
