import type { Child } from 'hono/jsx'
import type { OrderView } from '../api/types.ts'
import { LocalizedTextView } from '../components/localized-text.tsx'
import { StackedTable } from '../components/stacked-table.tsx'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import { formatFen } from '../listings/money.ts'
import { SupplierLink } from '../ratings/supplier-link.tsx'
import { AnomalyText } from './anomaly-text.tsx'
import { FreightAmount } from './freight.tsx'
import { disputeReasonText } from './timeline.tsx'
import './order-page.css'

type Row = [string, Child]

/** A card of label–value lines beside the order. */
const FactsCard = ({ id, title, rows, data }: { id: string; title: string; rows: Row[]; data?: string }) => (
  <section class="card order-facts" aria-labelledby={`${id}-title`} {...(data ? { [data]: true } : {})}>
    <h2 id={`${id}-title`} class="card__title">
      {title}
    </h2>
    <dl class="details details--compact">
      {rows.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  </section>
)

/** What was ordered, at which price, and the total. */
export const OrderLines = ({ order }: { order: OrderView }) => {
  const { t } = useI18n()
  const names = useNames()
  const columns = [t('order.item'), t('order.qty'), t('order.unitPrice'), t('order.amount')]
  return (
    <section class="section" aria-labelledby="items-title">
      <h2 id="items-title">{t('order.items')}</h2>
      <StackedTable columns={columns} data={{ 'data-lines': true }}>
        {order.lines.map((line) => {
          const unit = names.unit(line.unit)
          return (
            <tr>
              <td data-label={columns[0]}>
                {line.listingId ? (
                  <a href={`/listings/${line.listingId}`}>
                    <LocalizedTextView text={line.title} />
                  </a>
                ) : (
                  <LocalizedTextView text={line.title} />
                )}
              </td>
              <td data-label={columns[1]} class="numeric">
                {order.sample ? (
                  <span data-sample-line>{t('order.sample')}</span>
                ) : (
                  fill(t('listing.qty'), { n: line.quantity, unit })
                )}
              </td>
              <td data-label={columns[2]} class="numeric">
                {order.sample
                  ? formatFen(line.unitPriceFen)
                  : fill(t('listing.tiers.perUnit'), { price: formatFen(line.unitPriceFen), unit })}
              </td>
              <td data-label={columns[3]} class="numeric">
                {formatFen(line.amountFen)}
              </td>
            </tr>
          )
        })}
      </StackedTable>
      {order.sampleCredit && (
        <p class="order-total order-total--freight" data-order-sample-credit>
          <span>
            {t('order.sampleCredit')}
            {order.sampleCredit.orderNumber && (
              <>
                {' '}
                <a href={`/orders/${order.sampleCredit.orderId}`}>{order.sampleCredit.orderNumber}</a>
              </>
            )}
          </span>{' '}
          <span>−{formatFen(order.sampleCredit.amountFen)}</span>
        </p>
      )}
      <p class="order-total order-total--freight" data-order-freight>
        <span>{t('order.freight')}</span> <FreightAmount fen={order.freightFen} />
      </p>
      <p class="order-total">
        <span>{t('order.total')}</span> <strong data-order-total>{formatFen(order.totalFen)}</strong>
      </p>
    </section>
  )
}

/** The side column: who, how it travels, how it is paid, how it shipped, and any dispute. */
export const OrderFacts = ({ order }: { order: OrderView }) => {
  const { t, locale } = useI18n()
  const at = (iso: string) => formatDateTime(locale, iso)
  const { delivery, payment, shipment, dispute } = order
  const refund = payment.refund
  const when = (condition: unknown, rows: Row[]) => (condition ? rows : [])
  return (
    <div class="order-page__side">
      <FactsCard
        id="parties"
        title={t('order.parties')}
        rows={(['buyer', 'supplier'] as const).map((party) => [
          t(party === 'buyer' ? 'orders.buyer' : 'orders.supplier'),
          <span class="who">
            <span class="who__name">
              {party === 'supplier' ? (
                <SupplierLink id={order.supplier.id} company={order.supplier.company} />
              ) : (
                order.buyer.company
              )}
            </span>
            <span class="who__meta">{order[party].name}</span>
            {order[party].phone && <span class="who__meta">{fill(t('order.phone'), { phone: order[party].phone })}</span>}
          </span>,
        ])}
      />
      <FactsCard
        id="delivery"
        title={t('order.delivery')}
        rows={[
          [t('order.delivery.method'), t(delivery.method === 'pickup' ? 'order.delivery.pickup' : 'order.delivery.ship')],
          ...(delivery.method === 'ship'
            ? ([
                [t('buy.recipient'), delivery.address.name],
                [t('buy.phone'), delivery.address.phone],
                [t('buy.address'), delivery.address.address],
              ] satisfies Row[])
            : []),
          ...when(order.note, [[t('order.note'), order.note]]),
        ]}
      />
      {order.invoice && order.invoice.type !== 'none' && (
        <FactsCard
          id="invoice"
          data="data-invoice"
          title={t('order.invoice')}
          rows={[
            [t('order.invoice.type'), t(`invoice.${order.invoice.type}`)],
            [t('order.invoice.title'), order.invoice.title],
            [t('order.invoice.taxNumber'), <code data-tax-number>{order.invoice.taxNumber}</code>],
          ]}
        />
      )}
      <FactsCard
        id="payment"
        data="data-payment"
        title={t('order.payment')}
        rows={[
          [t('order.payment.method'), payment.method ? t(`order.method.${payment.method}`) : t('order.payment.none')],
          ...(payment.transfer
            ? ([
                [t('order.transfer.reference'), <code data-transfer-reference>{payment.transfer.reference}</code>],
                [t('order.transfer.paidAt'), payment.transfer.paidAt.slice(0, 10)],
              ] satisfies Row[])
            : []),
          ...(payment.paidAt ? ([[t('order.paidAt'), at(payment.paidAt)]] satisfies Row[]) : []),
          ...(refund
            ? ([
                [
                  t('order.refund'),
                  fill(t(refund.via === 'stripe' ? 'order.refund.stripe' : 'order.refund.offline'), {
                    amount: formatFen(refund.amountFen),
                    at: at(refund.at),
                  }),
                ],
              ] satisfies Row[])
            : []),
          ...(payment.anomalies ?? []).map((anomaly): Row => [t(`anomaly.${anomaly.kind}`), <AnomalyText anomaly={anomaly} />]),
        ]}
      />
      {shipment && (
        <FactsCard
          id="shipment"
          data="data-shipment"
          title={t('order.shipment')}
          rows={
            'carrier' in shipment
              ? [
                  [t('order.carrier'), shipment.carrier],
                  [t('order.tracking'), <code>{shipment.trackingNumber}</code>],
                  [t('order.shippedAt'), at(shipment.shippedAt)],
                ]
              : [[t('order.pickupReadyAt'), at(shipment.pickupReadyAt)]]
          }
        />
      )}
      {dispute && (
        <FactsCard
          id="dispute"
          data="data-dispute"
          title={t('order.dispute')}
          rows={[
            [t('order.dispute.reason'), disputeReasonText(locale, dispute.reason)],
            [t('order.dispute.details'), dispute.details],
            [t('order.dispute.openedAt'), at(dispute.openedAt)],
            ...(dispute.resolution
              ? ([
                  [t('order.resolution'), t(`resolution.${dispute.resolution.outcome}`)],
                  [t('order.resolution.note'), dispute.resolution.note],
                ] satisfies Row[])
              : []),
          ]}
        />
      )}
    </div>
  )
}
