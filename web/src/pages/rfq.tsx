import type { Bid, BidInput, CategoriesResponse, ComparedBid, Rfq, UnitId } from '@market/contracts'
// The units module alone: the contracts' barrel would bring zod into the page.
import { compatibleUnits, conversionFactor, inRequestUnit, totalFen } from '@market/contracts/units'
import { useEffect, useRef, useState } from 'hono/jsx/dom'
import { ApiError, api, fieldErrorPaths } from '../api/client.ts'
import { describeError, FormError, TextField, useFocusFirstInvalid } from '../components/form.tsx'
import { ErrorState, Loading } from '../components/states.tsx'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { useCatalog } from '../listings/catalog.ts'
import { fenToYuanInput, formatFen, parseYuan } from '../listings/money.ts'
import { useNames, VerifiedMark } from '../listings/parts.tsx'
import { addDays, BidStatusBadge, lhasaDateOf, lhasaToday, RfqFacts, RfqStatusBadge, TenderMark } from '../rfqs/parts.tsx'
import { useSearch } from '../router.ts'
import { useRequireSignIn } from '../session/session.ts'

type RfqView = Rfq & { myBid?: Bid }
type Compared = { rfq: Rfq; sealed: boolean; bids: ComparedBid[] }
type Weights = { price: number; leadTime: number; reputation: number }
type SortKey = 'score' | 'price' | 'leadTime' | 'total'

const isLive = (bid: Pick<Bid, 'status'>) => bid.status === 'submitted' || bid.status === 'revised'
const biddingOpen = (rfq: Rfq) => rfq.status === 'open' && Date.parse(rfq.bidDeadline) > Date.now()

/** Quantities in a request's unit may have decimals after conversion (码 → 米); shown as people write them. */
const formatQuantity = (value: number) => String(Math.round(value * 100) / 100)

/** The request, kept on screen while it is fetched again after a change (no flash of "loading"). */
const useRfq = (id: string) => {
  const [rfq, setRfq] = useState<RfqView | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let current = true
    api.rfqs.api.rfqs[':id'].$get({ param: { id } }).then(
      async (response) => {
        const body = (await response.json()) as RfqView
        if (!current) return
        setRfq(body)
        setError(null)
      },
      (failure) => current && setError(failure),
    )
    return () => {
      current = false
    }
  }, [id, tick])
  return { rfq, error, refresh: () => setTick((n) => n + 1) }
}

const Announcement = ({ message }: { message: string }) => (
  <p class="announcement" role="status">
    {message}
  </p>
)

/* ───────────────────────────── The buyer: compare, award, cancel ───────────────────────────── */

const WeightControls = ({ weights, onChange }: { weights: Weights; onChange: (weights: Weights) => void }) => {
  const { t } = useI18n()
  const items: { key: keyof Weights; label: MessageKey }[] = [
    { key: 'price', label: 'compare.weight.price' },
    { key: 'leadTime', label: 'compare.weight.leadTime' },
    { key: 'reputation', label: 'compare.weight.reputation' },
  ]
  return (
    <fieldset class="fieldset fieldset--plain weights" data-weights>
      <legend class="fieldset__title">{t('compare.weights')}</legend>
      <p class="field__hint">{t('compare.weights.hint')}</p>
      <div class="weights__grid">
        {items.map((item) => (
          <div class="field weights__item">
            <label class="field__label" for={`weight-${item.key}`}>
              {t(item.label)} <output for={`weight-${item.key}`}>{weights[item.key]}</output>
            </label>
            <input
              id={`weight-${item.key}`}
              type="range"
              class="range"
              min="0"
              max="100"
              step="5"
              value={String(weights[item.key])}
              onInput={(event: Event) => onChange({ ...weights, [item.key]: Number((event.target as HTMLInputElement).value) })}
            />
          </div>
        ))}
      </div>
    </fieldset>
  )
}

const sortBids = (bids: ComparedBid[], key: SortKey) => {
  const missingLast = (value: number | undefined) => value ?? Number.POSITIVE_INFINITY
  return [...bids].sort((a, b) => {
    if (key === 'price') return missingLast(a.unitPriceInRfqUnitFen) - missingLast(b.unitPriceInRfqUnitFen)
    if (key === 'leadTime') return a.leadTimeDays - b.leadTimeDays
    if (key === 'total') return missingLast(a.totalFen) - missingLast(b.totalFen)
    return b.score - a.score
  })
}

type Choice = { bidId: string; quantity: string }

const Comparison = ({ rfq, onAwarded }: { rfq: Rfq; onAwarded: () => void }) => {
  const { t, locale } = useI18n()
  const catalog = useCatalog()
  const names = useNames(catalog.state === 'ready' ? catalog.data : undefined)
  const unit = names.unit(rfq.unit)
  const [weights, setWeights] = useState<Weights>({ price: 50, leadTime: 30, reputation: 20 })
  const [sort, setSort] = useState<SortKey>('score')
  const [data, setData] = useState<Compared | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [busy, setBusy] = useState(true)
  const [tick, setTick] = useState(0)
  const [choices, setChoices] = useState<Choice[]>([])
  const [awarding, setAwarding] = useState(false)
  const [awardError, setAwardError] = useState<unknown>(null)
  const [quantityError, setQuantityError] = useState<string | null>(null)
  const [orderIds, setOrderIds] = useState<string[]>([])
  const idempotency = useRef<{ body: string; key: string } | null>(null)

  // The weights re-score on the server; a short pause lets a slider settle before asking.
  useEffect(() => {
    let current = true
    setBusy(true)
    const timer = setTimeout(
      () => {
        api.rfqs.api.rfqs[':id'].bids
          .$get({
            param: { id: rfq.id },
            query: { price: String(weights.price), leadTime: String(weights.leadTime), reputation: String(weights.reputation) },
          })
          .then(
            async (response) => {
              const body = (await response.json()) as Compared
              if (!current) return
              setData(body)
              setLoadError(null)
              setBusy(false)
            },
            (failure) => {
              if (!current) return
              setLoadError(failure)
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

  if (!data) {
    if (loadError) return <ErrorState error={loadError} onRetry={() => setTick((n) => n + 1)} />
    return <Loading />
  }

  const today = lhasaToday()
  const awardable =
    (rfq.status === 'open' || rfq.status === 'closed') && !data.sealed && Date.parse(rfq.awardDeadline) > Date.now()
  const mayChoose = (bid: ComparedBid) =>
    awardable && isLive(bid) && bid.validUntil >= today && bid.unitPriceInRfqUnitFen !== undefined
  const bidById = new Map(data.bids.map((bid) => [bid.id, bid]))
  const offered = (bid: ComparedBid) => Math.floor(bid.quantityInRfqUnit ?? 0)
  const chosenQuantity = (choice: Choice) => (/^\d{1,8}$/.test(choice.quantity.trim()) ? Number(choice.quantity) : Number.NaN)
  const totalQuantity = choices.reduce((sum, choice) => sum + (chosenQuantity(choice) || 0), 0)
  const totalAmount = choices.reduce(
    (sum, choice) => sum + (chosenQuantity(choice) || 0) * (bidById.get(choice.bidId)?.unitPriceInRfqUnitFen ?? 0),
    0,
  )

  const toggle = (bid: ComparedBid, checked: boolean) => {
    setAwardError(null)
    setQuantityError(null)
    setChoices((current) => {
      if (!checked) return current.filter((choice) => choice.bidId !== bid.id)
      if (current.length >= 3 || current.some((choice) => choice.bidId === bid.id)) return current
      const taken = current.reduce((sum, choice) => sum + (chosenQuantity(choice) || 0), 0)
      const suggested = Math.max(1, Math.min(offered(bid), rfq.quantity - taken))
      return [...current, { bidId: bid.id, quantity: String(suggested) }]
    })
  }

  const award = async () => {
    setAwardError(null)
    setQuantityError(null)
    for (const choice of choices) {
      const bid = bidById.get(choice.bidId)
      const quantity = chosenQuantity(choice)
      if (!bid || !(quantity >= 1) || quantity > offered(bid)) {
        setQuantityError(
          fill(t('award.quantity.invalid'), { company: bid?.supplier.company ?? '', max: bid ? offered(bid) : 0, unit }),
        )
        return
      }
    }
    if (totalQuantity > rfq.quantity) {
      setQuantityError(fill(t('award.tooMuch'), { requested: rfq.quantity, unit }))
      return
    }
    const body = { awards: choices.map((choice) => ({ bidId: choice.bidId, quantity: chosenQuantity(choice) })) }
    const serialized = JSON.stringify(body)
    // The same award sent again (a retry after a lost answer) carries the same key; a changed one a new key.
    if (idempotency.current?.body !== serialized) idempotency.current = { body: serialized, key: crypto.randomUUID() }
    setAwarding(true)
    try {
      const response = await api.rfqs.api.rfqs[':id'].award.$post(
        { param: { id: rfq.id }, json: body },
        { headers: { 'Idempotency-Key': idempotency.current.key } },
      )
      const result = await response.json()
      setOrderIds(result.orderIds)
      setChoices([])
      onAwarded()
    } catch (failure) {
      setAwardError(failure)
      // Someone (another tab) changed the request or a bid: show what stands now.
      if (failure instanceof ApiError && failure.status === 409) {
        setTick((n) => n + 1)
        onAwarded()
      }
    } finally {
      setAwarding(false)
    }
  }

  const sorted = sortBids(data.bids, sort)
  return (
    <section class="section compare" aria-labelledby="compare-title" aria-busy={busy ? 'true' : 'false'}>
      <h2 id="compare-title">{t('compare.title')}</h2>
      {orderIds.length > 0 && (
        <div class="notice notice--success" data-award-orders>
          <p class="notice__title" role="status">
            {fill(t('award.done'), { n: orderIds.length })}
          </p>
          <ul class="award-orders">
            {orderIds.map((orderId, index) => (
              <li>
                <a href={`/orders/${orderId}`} data-award-order={orderId}>
                  {fill(t('award.order'), { n: index + 1 })}
                </a>
              </li>
            ))}
          </ul>
          <p>{t('award.payHint')}</p>
        </div>
      )}
      {data.sealed ? (
        <div class="notice" data-sealed>
          <p class="notice__title">
            {fill(t('compare.sealed'), { n: rfq.bidCount, deadline: formatDateTime(locale, rfq.bidDeadline) })}
          </p>
          <p>{t('compare.sealed.body')}</p>
        </div>
      ) : data.bids.length === 0 ? (
        <p class="state state--empty">{t(rfq.status === 'open' ? 'compare.empty.open' : 'compare.empty')}</p>
      ) : (
        <>
          <div class="compare__controls">
            <WeightControls weights={weights} onChange={setWeights} />
            <div class="field compare__sort">
              <label class="field__label" for="compare-sort">
                {t('compare.sort')}
              </label>
              <select
                id="compare-sort"
                class="select"
                onChange={(event: Event) => setSort((event.target as HTMLSelectElement).value as SortKey)}
              >
                {(['score', 'price', 'leadTime', 'total'] as const).map((key) => (
                  <option value={key} selected={sort === key}>
                    {t(`compare.sort.${key}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {awardable && <p class="field__hint">{t('award.hint')}</p>}
          <div class="table-wrap table-wrap--stack">
            <table class="table table--stack compare-table" data-compare-table>
              <caption class="visually-hidden">{t('compare.title')}</caption>
              <thead>
                <tr>
                  {awardable && <th scope="col">{t('compare.col.choose')}</th>}
                  <th scope="col">{t('compare.col.supplier')}</th>
                  <th scope="col">{fill(t('compare.col.price'), { unit })}</th>
                  <th scope="col">{t('compare.col.quote')}</th>
                  <th scope="col">{fill(t('compare.col.quantity'), { unit })}</th>
                  <th scope="col">{t('compare.col.total')}</th>
                  <th scope="col">{t('compare.col.leadTime')}</th>
                  <th scope="col">{t('compare.col.score')}</th>
                  <th scope="col">{t('compare.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((bid) => {
                  const chosen = choices.some((choice) => choice.bidId === bid.id)
                  return (
                    <tr data-bid={bid.id} data-supplier={bid.supplier.company} data-score={bid.score}>
                      {awardable && (
                        <td data-label={t('compare.col.choose')}>
                          {mayChoose(bid) ? (
                            <label class="check compare__choose">
                              <input
                                type="checkbox"
                                checked={chosen}
                                disabled={!chosen && choices.length >= 3}
                                onChange={(event: Event) => toggle(bid, (event.target as HTMLInputElement).checked)}
                              />
                              <span class="visually-hidden">{fill(t('award.choose'), { company: bid.supplier.company })}</span>
                              <span aria-hidden="true">{t('award.chooseShort')}</span>
                            </label>
                          ) : (
                            '—'
                          )}
                        </td>
                      )}
                      <td data-label={t('compare.col.supplier')}>
                        <span class="who">
                          <span class="who__name">
                            {bid.supplier.company} <VerifiedMark verified={bid.supplier.verified} />
                          </span>
                          {bid.supplier.stall && <span class="who__meta">{bid.supplier.stall}</span>}
                          {bid.rating && bid.rating.count > 0 && (
                            <span class="who__meta">
                              {fill(t('compare.rating'), { average: bid.rating.average.toFixed(1), count: bid.rating.count })}
                            </span>
                          )}
                          {bid.note && <span class="who__meta compare__note">{bid.note}</span>}
                        </span>
                      </td>
                      <td data-label={fill(t('compare.col.price'), { unit })} class="numeric" data-price-in-rfq-unit>
                        {bid.unitPriceInRfqUnitFen !== undefined
                          ? formatFen(bid.unitPriceInRfqUnitFen)
                          : t('compare.noConversion')}
                      </td>
                      <td data-label={t('compare.col.quote')}>
                        {fill(t('rfq.perUnit'), { price: formatFen(bid.unitPriceFen), unit: names.unit(bid.unit) })}
                        {bid.unit === 'bolt' && bid.metresPerBolt && (
                          <span class="who__meta"> {fill(t('bid.metresPerBolt.value'), { n: bid.metresPerBolt })}</span>
                        )}
                      </td>
                      <td data-label={fill(t('compare.col.quantity'), { unit })} class="numeric">
                        {bid.quantityInRfqUnit !== undefined ? formatQuantity(bid.quantityInRfqUnit) : '—'}
                        {bid.unit !== rfq.unit && (
                          <span class="who__meta">
                            {' '}
                            ({bid.quantity} {names.unit(bid.unit)})
                          </span>
                        )}
                      </td>
                      <td data-label={t('compare.col.total')} class="numeric" data-bid-total>
                        {bid.totalFen !== undefined ? formatFen(bid.totalFen) : '—'}
                      </td>
                      <td data-label={t('compare.col.leadTime')}>{fill(t('compare.days'), { n: bid.leadTimeDays })}</td>
                      <td data-label={t('compare.col.score')} class="numeric" data-bid-score>
                        {bid.score.toFixed(1)}
                      </td>
                      <td data-label={t('compare.col.status')}>
                        <BidStatusBadge status={bid.status} />
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
              </tbody>
            </table>
          </div>
          {awardable && choices.length > 0 && (
            <div class="award-panel" data-award-panel>
              <h3>{t('award.title')}</h3>
              {awardError !== null && <FormError>{describeError(locale, awardError)}</FormError>}
              {quantityError && <FormError>{quantityError}</FormError>}
              <div class="award-panel__lines">
                {choices.map((choice) => {
                  const bid = bidById.get(choice.bidId)
                  if (!bid) return null
                  return (
                    <TextField
                      id={`award-${bid.id}`}
                      label={fill(t('award.quantityFor'), { company: bid.supplier.company, unit })}
                      hint={fill(t('award.quantityHint'), {
                        max: offered(bid),
                        unit,
                        price: formatFen(bid.unitPriceInRfqUnitFen ?? 0),
                      })}
                      value={choice.quantity}
                      inputmode="numeric"
                      required
                      onInput={(value) =>
                        setChoices((current) =>
                          current.map((candidate) =>
                            candidate.bidId === choice.bidId ? { ...candidate, quantity: value } : candidate,
                          ),
                        )
                      }
                    />
                  )
                })}
              </div>
              <dl class="award-panel__sum">
                <div>
                  <dt class="award-panel__term">{t('award.totalQuantity')}</dt>
                  <dd class="award-panel__value" data-award-quantity data-over={totalQuantity > rfq.quantity ? 'true' : 'false'}>
                    {fill(t('award.ofRequested'), { qty: totalQuantity, requested: rfq.quantity, unit })}
                  </dd>
                </div>
                <div>
                  <dt class="award-panel__term">{t('award.totalAmount')}</dt>
                  <dd class="award-panel__value" data-award-total>
                    {formatFen(totalAmount)}
                  </dd>
                </div>
              </dl>
              {totalQuantity > rfq.quantity && (
                <p class="field__error">{fill(t('award.tooMuch'), { requested: rfq.quantity, unit })}</p>
              )}
              {totalQuantity < rfq.quantity && <p class="field__hint">{t('award.partial')}</p>}
              <p class="field__hint">{t('award.effect')}</p>
              <button type="button" class="button button--primary" disabled={awarding} onClick={award} data-award-submit>
                {awarding ? t('award.submitting') : fill(t('award.submit'), { n: choices.length })}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  )
}

const CancelRfq = ({ rfq, onCancelled }: { rfq: Rfq; onCancelled: () => void }) => {
  const { t, locale } = useI18n()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (event: Event) => {
    event.preventDefault()
    setFailure(null)
    if (!reason.trim()) {
      setError(t('rfq.cancel.reason.invalid'))
      return
    }
    setError(undefined)
    setBusy(true)
    try {
      await api.rfqs.api.rfqs[':id'].cancel.$post({ param: { id: rfq.id }, json: { reason: reason.trim() } })
      onCancelled()
    } catch (caught) {
      setFailure(caught)
    } finally {
      setBusy(false)
    }
  }
  return (
    <details class="section rfq-cancel">
      <summary>{t('rfq.cancel')}</summary>
      <form class="reason-form" onSubmit={submit} noValidate>
        <p class="field__hint">{t('rfq.cancel.hint')}</p>
        {failure !== null && <FormError>{describeError(locale, failure)}</FormError>}
        <TextField
          id="rfq-cancel-reason"
          label={t('rfq.cancel.reason')}
          value={reason}
          onInput={setReason}
          error={error}
          required
          multiline
        />
        <div>
          <button type="submit" class="button button--danger" disabled={busy}>
            {t('rfq.cancel.submit')}
          </button>
        </div>
      </form>
    </details>
  )
}

const RfqHead = ({ rfq }: { rfq: Rfq }) => {
  const { t } = useI18n()
  return (
    <>
      <div class="page-head rfq-head">
        <h1>{rfq.title}</h1>
        <span class="rfq-card__badges">
          {rfq.sealedUntilDeadline && <TenderMark />}
          <RfqStatusBadge status={rfq.status} />
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

const BuyerRfq = ({ rfq, refresh, catalog }: { rfq: Rfq; refresh: () => void; catalog: CategoriesResponse | undefined }) => {
  const { t, locale } = useI18n()
  const posted = new URLSearchParams(useSearch()).get('posted') === '1'
  return (
    <article class="rfq-page" data-rfq-page={rfq.id} data-status={rfq.status}>
      <p class="back-link">
        <a href="/rfqs">{t('rfqs.back')}</a>
      </p>
      {posted && <Announcement message={t('rfq.posted')} />}
      <RfqHead rfq={rfq} />
      {rfq.status === 'closed' && (
        <div class="notice" data-notice="closed">
          <p>{fill(t('rfq.closedAwardBy'), { date: formatDateTime(locale, rfq.awardDeadline) })}</p>
        </div>
      )}
      <RfqFacts rfq={rfq} catalog={catalog} />
      {rfq.sealedUntilDeadline && rfq.status === 'open' && <p class="field__hint">{t('rfq.tender.buyerHint')}</p>}
      <Comparison rfq={rfq} onAwarded={refresh} />
      {(rfq.status === 'open' || rfq.status === 'closed') && <CancelRfq rfq={rfq} onCancelled={refresh} />}
    </article>
  )
}

/* ───────────────────────────── The supplier: its own bid only ───────────────────────────── */

type BidValues = {
  price: string
  unit: UnitId
  metresPerBolt: string
  quantity: string
  leadTimeDays: string
  validUntil: string
  note: string
}
type BidField = 'price' | 'unit' | 'metresPerBolt' | 'quantity' | 'leadTimeDays' | 'validUntil' | 'note'

const BidForm = ({ rfq, myBid, onSaved }: { rfq: Rfq; myBid: Bid | undefined; onSaved: (revised: boolean) => void }) => {
  const { t, locale } = useI18n()
  const catalog = useCatalog()
  const names = useNames(catalog.state === 'ready' ? catalog.data : undefined)
  const deadlineDate = lhasaDateOf(rfq.bidDeadline)
  const live = myBid && isLive(myBid)
  const [values, setValues] = useState<BidValues>(
    myBid
      ? {
          price: fenToYuanInput(myBid.unitPriceFen),
          unit: myBid.unit,
          metresPerBolt: myBid.metresPerBolt ? String(myBid.metresPerBolt) : '',
          quantity: String(myBid.quantity),
          leadTimeDays: String(myBid.leadTimeDays),
          validUntil: myBid.validUntil < deadlineDate ? addDays(deadlineDate, 14) : myBid.validUntil,
          note: myBid.note ?? '',
        }
      : {
          price: '',
          unit: rfq.unit,
          metresPerBolt: '',
          quantity: String(rfq.quantity),
          leadTimeDays: '',
          validUntil: addDays(deadlineDate, 14),
          note: '',
        },
  )
  const [errors, setErrors] = useState<Partial<Record<BidField, string>>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const form = useFocusFirstInvalid(attempt)
  const set = (field: keyof BidValues) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }))
    setErrors((current) => ({ ...current, [field]: undefined }))
  }
  const units = compatibleUnits(rfq.unit)
  const rfqUnit = names.unit(rfq.unit)

  const priceFen = parseYuan(values.price)
  const mpb = values.unit === 'bolt' ? Number(values.metresPerBolt) : undefined
  const factor = conversionFactor(values.unit, rfq.unit, mpb && mpb > 0 ? mpb : undefined)
  const quantity = /^\d{1,8}$/.test(values.quantity.trim()) ? Number(values.quantity) : Number.NaN
  // The same conversion and rounding as the buyer's comparison.
  const converted =
    priceFen && quantity > 0
      ? inRequestUnit(
          { unitPriceFen: priceFen, quantity, unit: values.unit, ...(mpb && mpb > 0 ? { metresPerBolt: mpb } : {}) },
          rfq.unit,
        )
      : undefined
  const preview = converted
    ? { price: formatFen(converted.unitPriceFen), qty: formatQuantity(converted.quantity), total: formatFen(totalFen(converted)) }
    : null

  const submit = async (event: Event) => {
    event.preventDefault()
    if (busy) return
    setFailure(null)
    const found: Partial<Record<BidField, string>> = {}
    if (!priceFen) found.price = t('bid.price.invalid')
    if (values.unit === 'bolt' && !(mpb && mpb > 0 && mpb <= 1000)) found.metresPerBolt = t('bid.metresPerBolt.invalid')
    if (!(quantity >= 1)) found.quantity = t('bid.quantity.invalid')
    else if (factor && quantity * factor > rfq.quantity + 1e-9)
      found.quantity = fill(t('bid.quantity.tooMuch'), { max: rfq.quantity, unit: rfqUnit })
    if (!/^\d{1,3}$/.test(values.leadTimeDays.trim()) || Number(values.leadTimeDays) > 365)
      found.leadTimeDays = t('bid.leadTime.invalid')
    if (!values.validUntil || values.validUntil < deadlineDate)
      found.validUntil = fill(t('bid.validUntil.invalid'), { date: deadlineDate })
    setErrors(found)
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1)
      return
    }
    const body: BidInput = {
      unitPriceFen: priceFen as number,
      unit: values.unit,
      ...(values.unit === 'bolt' && mpb ? { metresPerBolt: mpb } : {}),
      quantity,
      leadTimeDays: Number(values.leadTimeDays),
      validUntil: values.validUntil,
      ...(values.note.trim() ? { note: values.note.trim() } : {}),
    }
    setBusy(true)
    try {
      await api.rfqs.api.rfqs[':id'].bids.$post({ param: { id: rfq.id }, json: body })
      onSaved(Boolean(live))
    } catch (caught) {
      const paths = fieldErrorPaths(caught)
      const named: Partial<Record<BidField, string>> = {}
      if (paths.has('quantity')) named.quantity = fill(t('bid.quantity.tooMuch'), { max: rfq.quantity, unit: rfqUnit })
      if (paths.has('validUntil')) named.validUntil = fill(t('bid.validUntil.invalid'), { date: deadlineDate })
      if (paths.has('unitPriceFen')) named.price = t('bid.price.invalid')
      if (paths.has('leadTimeDays')) named.leadTimeDays = t('bid.leadTime.invalid')
      if (caught instanceof ApiError && caught.code === 'bid.unit_mismatch') named.unit = t('error.bid.unit_mismatch')
      setErrors(named)
      if (Object.keys(named).length === 0) setFailure(caught)
      setAttempt((n) => n + 1)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="section bid-section" aria-labelledby="bid-form-title">
      <h2 id="bid-form-title">{t(live ? 'bid.form.revise' : 'bid.form.title')}</h2>
      <form class="form form--wide bid-form" ref={form} onSubmit={submit} noValidate data-bid-form>
        {failure !== null &&
          (failure instanceof ApiError && failure.code === 'supplier.not_verified' ? (
            <FormError>
              <p>{t('error.supplier.not_verified.bid')}</p>
              <a href="/account">{t('supplier.getVerified')}</a>
            </FormError>
          ) : (
            <FormError>{describeError(locale, failure)}</FormError>
          ))}
        <div class="form-pair">
          <TextField
            id="bid-price"
            label={fill(t('bid.price'), { unit: names.unit(values.unit) })}
            value={values.price}
            onInput={set('price')}
            error={errors.price}
            inputmode="decimal"
            required
          />
          <div class="field">
            <label class="field__label" for="bid-unit">
              {t('bid.unit')}
            </label>
            <select
              id="bid-unit"
              class="select"
              aria-describedby="bid-unit-hint"
              aria-invalid={errors.unit ? 'true' : undefined}
              onChange={(event: Event) => set('unit')((event.target as HTMLSelectElement).value)}
            >
              {units.map((unit) => (
                <option value={unit} selected={values.unit === unit}>
                  {names.unit(unit)}
                </option>
              ))}
            </select>
            <p class="field__hint" id="bid-unit-hint">
              {units.length > 1 ? t('bid.unit.hint') : t('bid.unit.only')}
            </p>
            {errors.unit && <p class="field__error">{errors.unit}</p>}
          </div>
        </div>
        {values.unit === 'bolt' && (
          <TextField
            id="bid-metres-per-bolt"
            label={t('bid.metresPerBolt')}
            hint={t('bid.metresPerBolt.hint')}
            value={values.metresPerBolt}
            onInput={set('metresPerBolt')}
            error={errors.metresPerBolt}
            inputmode="decimal"
            required
          />
        )}
        <div class="form-pair">
          <TextField
            id="bid-quantity"
            label={fill(t('bid.quantity'), { unit: names.unit(values.unit) })}
            hint={fill(t('bid.quantity.hint'), { max: rfq.quantity, unit: rfqUnit })}
            value={values.quantity}
            onInput={set('quantity')}
            error={errors.quantity}
            inputmode="numeric"
            required
          />
          <TextField
            id="bid-lead-time"
            label={t('listingForm.leadTime')}
            value={values.leadTimeDays}
            onInput={set('leadTimeDays')}
            error={errors.leadTimeDays}
            inputmode="numeric"
            required
          />
        </div>
        <TextField
          id="bid-valid-until"
          type="date"
          label={t('bid.validUntil')}
          hint={fill(t('bid.validUntil.hint'), { date: deadlineDate })}
          value={values.validUntil}
          onInput={set('validUntil')}
          error={errors.validUntil}
          min={deadlineDate}
          required
        />
        <TextField
          id="bid-note"
          label={t('bid.note')}
          hint={t('bid.note.hint')}
          value={values.note}
          onInput={set('note')}
          multiline
        />
        <div class="buy-total" aria-live="polite" data-bid-preview>
          {preview ? (
            <>
              <p>{fill(t('bid.preview.price'), { price: preview.price, unit: rfqUnit })}</p>
              <p class="buy-total__sum">
                <span>{fill(t('bid.preview.total'), { qty: preview.qty, unit: rfqUnit })}</span>
                <strong>{preview.total}</strong>
              </p>
            </>
          ) : (
            <p class="buy-total__note">{t('bid.preview.none')}</p>
          )}
        </div>
        <p class="field__hint">{t(rfq.sealedUntilDeadline ? 'bid.sealedHint.tender' : 'bid.sealedHint')}</p>
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t('bid.submitting') : t(live ? 'bid.revise' : 'bid.submit')}
          </button>
        </div>
      </form>
    </section>
  )
}

const MyBidPanel = ({ rfq, bid, onWithdrawn }: { rfq: Rfq; bid: Bid; onWithdrawn: () => void }) => {
  const { t, locale } = useI18n()
  const catalog = useCatalog()
  const names = useNames(catalog.state === 'ready' ? catalog.data : undefined)
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
  const quote = (entry: { unitPriceFen: number; unit: UnitId; quantity: number; leadTimeDays: number }) =>
    fill(t('bid.quoteLine'), {
      price: formatFen(entry.unitPriceFen),
      unit: names.unit(entry.unit),
      qty: entry.quantity,
      days: entry.leadTimeDays,
    })
  return (
    <section class="section my-bid" aria-labelledby="my-bid-title" data-my-bid={bid.id} data-bid-status={bid.status}>
      <div class="page-head">
        <h2 id="my-bid-title">{t('bid.mine')}</h2>
        <BidStatusBadge status={bid.status} />
      </div>
      <p class="my-bid__quote" data-my-quote>
        {quote(bid)}
        {bid.unit === 'bolt' && bid.metresPerBolt && ` · ${fill(t('bid.metresPerBolt.value'), { n: bid.metresPerBolt })}`}
      </p>
      <dl class="details details--compact">
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

const SupplierRfq = ({
  rfq,
  refresh,
  catalog,
}: {
  rfq: RfqView
  refresh: () => void
  catalog: CategoriesResponse | undefined
}) => {
  const { t } = useI18n()
  const [message, setMessage] = useState('')
  const [formKey, setFormKey] = useState(0)
  const open = biddingOpen(rfq)
  const saved = (revised: boolean) => {
    setMessage(t(revised ? 'bid.revised' : 'bid.submitted'))
    setFormKey((n) => n + 1)
    refresh()
  }
  return (
    <article class="rfq-page" data-rfq-page={rfq.id} data-status={rfq.status}>
      <p class="back-link">
        <a href="/rfqs/feed">{t('feed.back')}</a>
      </p>
      {message && <Announcement message={message} />}
      <RfqHead rfq={rfq} />
      <RfqFacts rfq={rfq} catalog={catalog} />
      {/* A tender tells suppliers nothing of its bids, not even their number, until its deadline. */}
      {rfq.bidCount !== undefined && (
        <p class="rfq-count" data-bid-count={rfq.bidCount}>
          {fill(t('rfq.bidCount.others'), { n: rfq.bidCount })}
        </p>
      )}
      {rfq.sealedUntilDeadline && <p class="field__hint">{t('rfq.tender.supplierHint')}</p>}
      {rfq.myBid && (
        <MyBidPanel
          rfq={rfq}
          bid={rfq.myBid}
          onWithdrawn={() => {
            setMessage(t('bid.withdrawn'))
            setFormKey((n) => n + 1)
            refresh()
          }}
        />
      )}
      {open ? (
        <BidForm key={`${formKey}-${rfq.myBid?.version ?? 0}`} rfq={rfq} myBid={rfq.myBid} onSaved={saved} />
      ) : (
        !rfq.myBid && (
          <div class="notice" data-notice="closed">
            <p>{t('bid.closed')}</p>
          </div>
        )
      )}
    </article>
  )
}

export const RfqPage = ({ id }: { id: string }) => {
  const { me } = useRequireSignIn()
  const catalog = useCatalog()
  const { rfq, error, refresh } = useRfq(id)
  if (!me) return <Loading />
  if (!rfq) return error ? <ErrorState error={error} onRetry={refresh} /> : <Loading />
  const taxonomy = catalog.state === 'ready' ? catalog.data : undefined
  if (me.role === 'buyer') return <BuyerRfq rfq={rfq} refresh={refresh} catalog={taxonomy} />
  if (me.role === 'supplier') return <SupplierRfq rfq={rfq} refresh={refresh} catalog={taxonomy} />
  return (
    <article class="rfq-page" data-rfq-page={rfq.id} data-status={rfq.status}>
      <RfqHead rfq={rfq} />
      <RfqFacts rfq={rfq} catalog={taxonomy} />
    </article>
  )
}
