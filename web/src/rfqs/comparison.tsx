import type { SupplierRfq } from '@market/contracts'
import { compareWeights } from '@market/contracts/values'
import { useEffect, useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import type { BidComparison } from '../api/types.ts'
import { SelectField } from '../components/select-field.tsx'
import { ErrorState, Loading } from '../components/states.tsx'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import { AwardedOrders, AwardPanel, useAward } from './award.tsx'
import { CompareTable, mayChoose, type SortKey, sortBids, sortKeys } from './compare-table.tsx'
import { WeightControls, type Weights } from './weight-controls.tsx'
import './compare.css'

/** The bids on a request, scored with the buyer's weights (the server scores; a short pause lets a slider settle). */
const useComparison = (rfq: SupplierRfq, weights: Weights) => {
  const [data, setData] = useState<BidComparison | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(true)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let current = true
    setBusy(true)
    const timer = setTimeout(
      () => {
        const query = { price: String(weights.price), leadTime: String(weights.leadTime), reputation: String(weights.reputation) }
        api.rfqs.api.rfqs[':id'].bids.$get({ param: { id: rfq.id }, query }).then(
          async (response) => {
            const body = await response.json()
            if (!current) return
            setData(body)
            setError(null)
            setBusy(false)
          },
          (failure) => {
            if (!current) return
            setError(failure)
            setBusy(false)
          },
        )
      },
      data ? 250 : 0,
    )
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [rfq.id, rfq.version, weights.price, weights.leadTime, weights.reputation, tick])
  return { data, error, busy, reload: () => setTick((n) => n + 1) }
}

/** The buyer's comparison of the bids: weights, sort, the table, and the award of up to three. */
export const Comparison = ({ rfq, onAwarded }: { rfq: SupplierRfq; onAwarded: () => void }) => {
  const { t, locale } = useI18n()
  const unit = useNames().unit(rfq.unit)
  const [weights, setWeights] = useState<Weights>(compareWeights)
  const [sort, setSort] = useState<SortKey>('score')
  const comparison = useComparison(rfq, weights)
  const { data } = comparison
  const award = useAward({
    rfq,
    bids: data?.bids ?? [],
    unit,
    onAwarded,
    onConflict: () => {
      comparison.reload()
      onAwarded()
    },
  })

  if (!data) return comparison.error ? <ErrorState error={comparison.error} onRetry={comparison.reload} /> : <Loading />

  const awardable =
    (rfq.status === 'open' || rfq.status === 'closed') && !data.sealed && Date.parse(rfq.awardDeadline) > Date.now()
  return (
    <section class="section compare" aria-labelledby="compare-title" aria-busy={comparison.busy ? 'true' : 'false'}>
      <h2 id="compare-title">{t('compare.title')}</h2>
      {award.orderIds.length > 0 && <AwardedOrders orderIds={award.orderIds} />}
      {data.sealed ? (
        <div class="notice" data-sealed>
          <p class="notice__title">
            {fill(t('compare.sealed'), { n: data.rfq.bidCount, deadline: formatDateTime(locale, rfq.bidDeadline) })}
          </p>
          <p>{t('compare.sealed.body')}</p>
        </div>
      ) : data.bids.length === 0 ? (
        <p class="state state--empty">{t(rfq.status === 'open' ? 'compare.empty.open' : 'compare.empty')}</p>
      ) : (
        <>
          <div class="compare__controls">
            <WeightControls weights={weights} onChange={setWeights} />
            <SelectField
              id="compare-sort"
              class="compare__sort"
              label={t('compare.sort')}
              value={sort}
              options={sortKeys}
              optionLabel={(key) => t(`compare.sort.${key}`)}
              onChange={(key) => setSort(key || 'score')}
            />
          </div>
          {awardable && <p class="field__hint">{t('award.hint')}</p>}
          <CompareTable
            rfq={rfq}
            bids={sortBids(data.bids, sort)}
            unit={unit}
            awardable={awardable}
            chosen={award.choices.map((choice) => choice.bidId)}
            onToggle={(bid, checked) => mayChoose(bid) && award.toggle(bid, checked)}
          />
          {awardable && award.choices.length > 0 && <AwardPanel award={award} rfq={rfq} unit={unit} />}
        </>
      )}
    </section>
  )
}
