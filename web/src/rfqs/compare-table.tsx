import type { SupplierRfq } from '@market/contracts'
import { maxAwardedBids } from '@market/contracts/values'
import type { ComparedBid } from '../api/types.ts'
import { CertificationBadges } from '../certifications/certification-badges.tsx'
import { StackedTable } from '../components/stacked-table.tsx'
import { Badge, StatusBadge } from '../components/status-badge.tsx'
import { lhasaToday } from '../i18n/dates.ts'
import { fill, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import { formatFen } from '../listings/money.ts'
import { VerifiedMark } from '../listings/supplier-line.tsx'
import { FreightAmount } from '../orders/freight.tsx'
import { formatMinutes, formatRate } from '../ratings/figures.ts'
import { RatingSummary } from '../ratings/stars.tsx'
import { SupplierLink } from '../ratings/supplier-link.tsx'
import { formatQuantity, isLive } from './use-rfq.ts'
import './compare.css'

export type SortKey = 'score' | 'price' | 'leadTime' | 'total'
export const sortKeys = ['score', 'price', 'leadTime', 'total'] as const satisfies SortKey[]

export const sortBids = (bids: ComparedBid[], key: SortKey) => {
  const missingLast = (value: number | undefined) => value ?? Number.POSITIVE_INFINITY
  return [...bids].sort((a, b) => {
    if (key === 'price') return missingLast(a.unitPriceInRfqUnitFen) - missingLast(b.unitPriceInRfqUnitFen)
    if (key === 'leadTime') return a.leadTimeDays - b.leadTimeDays
    if (key === 'total') return missingLast(a.totalFen) - missingLast(b.totalFen)
    return b.score - a.score
  })
}

/** A bid the buyer may still take: standing, valid today, and in a unit that compares. */
export const mayChoose = (bid: ComparedBid) =>
  isLive(bid) && bid.validUntil >= lhasaToday() && bid.unitPriceInRfqUnitFen !== undefined

/**
 * The bids that stand out among those the buyer may still take: the lowest price per unit of the
 * request and the shortest lead time (ties share the tag).
 */
const standouts = (bids: ComparedBid[]) => {
  const live = bids.filter(mayChoose)
  const lowest = Math.min(...live.map((bid) => bid.unitPriceInRfqUnitFen ?? Number.POSITIVE_INFINITY))
  const fastest = Math.min(...live.map((bid) => bid.leadTimeDays))
  return (bid: ComparedBid) => ({
    lowest: mayChoose(bid) && live.length > 1 && bid.unitPriceInRfqUnitFen === lowest,
    fastest: mayChoose(bid) && live.length > 1 && bid.leadTimeDays === fastest,
  })
}

/** Every bid side by side in the request's unit, with its score; while an award is possible, a box to choose it. */
export const CompareTable = ({
  rfq,
  bids,
  unit,
  awardable,
  chosen,
  onToggle,
}: {
  rfq: SupplierRfq
  bids: ComparedBid[]
  unit: string
  awardable: boolean
  chosen: string[]
  onToggle: (bid: ComparedBid, checked: boolean) => void
}) => {
  const { t, locale } = useI18n()
  const names = useNames()
  const today = lhasaToday()
  const standing = standouts(bids)
  const columns = {
    choose: t('compare.col.choose'),
    supplier: t('compare.col.supplier'),
    price: fill(t('compare.col.price'), { unit }),
    quote: t('compare.col.quote'),
    quantity: fill(t('compare.col.quantity'), { unit }),
    total: t('compare.col.total'),
    leadTime: t('compare.col.leadTime'),
    score: t('compare.col.score'),
    status: t('compare.col.status'),
  }
  return (
    <StackedTable
      columns={Object.entries(columns).map(([key, label]) => (key === 'choose' && !awardable ? null : label))}
      class="compare-table"
      caption={t('compare.title')}
      data={{ 'data-compare-table': true }}
    >
      {bids.map((bid) => {
        const isChosen = chosen.includes(bid.id)
        const { lowest, fastest } = standing(bid)
        return (
          <tr data-bid={bid.id} data-supplier={bid.supplier.company} data-score={bid.score}>
            {awardable && (
              <td data-label={columns.choose}>
                {mayChoose(bid) ? (
                  <label class="check compare__choose">
                    <input
                      type="checkbox"
                      checked={isChosen}
                      disabled={!isChosen && chosen.length >= maxAwardedBids}
                      onChange={(event: Event) => onToggle(bid, (event.target as HTMLInputElement).checked)}
                    />
                    <span class="visually-hidden">{fill(t('award.choose'), { company: bid.supplier.company })}</span>
                    <span aria-hidden="true">{t('award.chooseShort')}</span>
                  </label>
                ) : (
                  '—'
                )}
              </td>
            )}
            <td data-label={columns.supplier}>
              <span class="who">
                <span class="who__name">
                  <SupplierLink id={bid.supplier.id} company={bid.supplier.company} />{' '}
                  <VerifiedMark verified={bid.supplier.verified} /> <CertificationBadges kinds={bid.supplier.certifications} />
                </span>
                {bid.supplier.stall && <span class="who__meta">{bid.supplier.stall}</span>}
                <span class="who__meta" data-standing>
                  <RatingSummary rating={bid.standing.rating} />
                </span>
                {bid.standing.onTimeRate !== null && (
                  <span class="who__meta" data-on-time>
                    {fill(t('compare.onTime'), { rate: formatRate(locale, bid.standing.onTimeRate) })}
                  </span>
                )}
                {bid.standing.medianResponseMinutes !== null && (
                  <span class="who__meta" data-response>
                    {fill(t('compare.response'), { time: formatMinutes(locale, bid.standing.medianResponseMinutes) })}
                  </span>
                )}
                {bid.note && <span class="who__meta compare__note">{bid.note}</span>}
              </span>
            </td>
            <td data-label={columns.price} class="numeric">
              <span data-price-in-rfq-unit>
                {bid.unitPriceInRfqUnitFen !== undefined ? formatFen(bid.unitPriceInRfqUnitFen) : t('compare.noConversion')}
              </span>
              {lowest && (
                <>
                  {' '}
                  <Badge tone="success" data-tag="lowest">
                    {t('compare.tag.lowest')}
                  </Badge>
                </>
              )}
            </td>
            <td data-label={columns.quote}>
              {fill(t('rfq.perUnit'), { price: formatFen(bid.unitPriceFen), unit: names.unit(bid.unit) })}
              {bid.unit === 'bolt' && bid.metresPerBolt && (
                <span class="who__meta"> {fill(t('bid.metresPerBolt.value'), { n: bid.metresPerBolt })}</span>
              )}
            </td>
            <td data-label={columns.quantity} class="numeric">
              {bid.quantityInRfqUnit !== undefined ? formatQuantity(bid.quantityInRfqUnit) : '—'}
              {bid.unit !== rfq.unit && (
                <span class="who__meta">
                  {' '}
                  ({bid.quantity} {names.unit(bid.unit)})
                </span>
              )}
            </td>
            <td data-label={columns.total} class="numeric" data-bid-total>
              {bid.totalFen !== undefined ? formatFen(bid.totalFen) : '—'}
              <span class="who__meta" data-bid-freight>
                {' '}
                {t('order.freight')} <FreightAmount fen={bid.freightFen} />
              </span>
            </td>
            <td data-label={columns.leadTime}>
              {fill(t('compare.days'), { n: bid.leadTimeDays })}
              {fastest && (
                <>
                  {' '}
                  <Badge tone="success" data-tag="fastest">
                    {t('compare.tag.fastest')}
                  </Badge>
                </>
              )}
            </td>
            <td data-label={columns.score} class="numeric">
              <span data-bid-score>{bid.score.toFixed(1)}</span>
              <span class="who__meta compare__parts" data-score-parts>
                {fill(t('compare.scoreParts'), {
                  price: bid.scoreParts.price.toFixed(1),
                  leadTime: bid.scoreParts.leadTime.toFixed(1),
                  reputation: bid.scoreParts.reputation.toFixed(1),
                })}
              </span>
            </td>
            <td data-label={columns.status}>
              <StatusBadge kind="bid" status={bid.status} />
              {bid.validUntil < today && isLive(bid) && <span class="who__meta"> {t('compare.expired')}</span>}
              {bid.orderId && (
                <>
                  {' '}
                  <a href={`/orders/${bid.orderId}`}>{t('notifications.openOrder')}</a>
                </>
              )}
            </td>
          </tr>
        )
      })}
    </StackedTable>
  )
}
