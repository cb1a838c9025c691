import type { SupplierRfq } from '@market/contracts'
import { maxAwardedBids } from '@market/contracts/values'
import { useEffect, useRef, useState } from 'hono/jsx/dom'
import { ApiError, api } from '../api/client.ts'
import type { ComparedBid } from '../api/types.ts'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { Badge } from '../components/status-badge.tsx'
import { type FieldErrors, type FieldMessage, say } from '../components/use-form.ts'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import { formatFen } from '../listings/money.ts'
import { FreightAmount } from '../orders/freight.tsx'
import { InvoicePartyFields, invoicePartyErrors, normalTaxNumber } from '../orders/invoice-fields.tsx'
import { useSession } from '../session/session.ts'
import { timeLeft, useNow } from './deadline.tsx'
import './compare.css'

type Choice = { bidId: string; quantity: string }

/** The whole units a bid offers in the request's unit. */
const offered = (bid: ComparedBid) => Math.floor(bid.quantityInRfqUnit ?? 0)
const chosenQuantity = (choice: Choice) => (/^\d{1,8}$/.test(choice.quantity.trim()) ? Number(choice.quantity) : Number.NaN)

/**
 * The buyer's award: up to three bids, each with a quantity (suggested from what is still needed),
 * checked against what each bid offers and what the request asked for, sent once per choice.
 */
export const useAward = ({
  rfq,
  bids,
  unit,
  onAwarded,
  onConflict,
}: {
  rfq: SupplierRfq
  bids: ComparedBid[]
  unit: string
  onAwarded: () => void
  onConflict: () => void
}) => {
  const [choices, setChoices] = useState<Choice[]>([])
  const [awarding, setAwarding] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [problem, setProblem] = useState<FieldMessage | null>(null)
  const [orderIds, setOrderIds] = useState<string[]>([])
  const idempotency = useRef<{ body: string; key: string } | null>(null)
  const bidById = new Map(bids.map((bid) => [bid.id, bid]))
  const totalQuantity = choices.reduce((sum, choice) => sum + (chosenQuantity(choice) || 0), 0)
  const goodsAmount = choices.reduce(
    (sum, choice) => sum + (chosenQuantity(choice) || 0) * (bidById.get(choice.bidId)?.unitPriceInRfqUnitFen ?? 0),
    0,
  )
  // Each order carries its bid's freight on top of the goods.
  const freightAmount = choices.reduce((sum, choice) => sum + (bidById.get(choice.bidId)?.freightFen ?? 0), 0)
  const totalAmount = goodsAmount + freightAmount
  // A request that asks for an invoice: whom to make it out to, given with the award (prefilled with the buyer's company).
  const wantsInvoice = (rfq.invoice ?? 'none') !== 'none'
  const { me } = useSession()
  const [invoice, setInvoice] = useState({ title: me?.company.name ?? '', taxNumber: '' })
  const [invoiceErrors, setInvoiceErrors] = useState<FieldErrors>({})

  const toggle = (bid: ComparedBid, checked: boolean) => {
    setFailure(null)
    setProblem(null)
    setChoices((current) => {
      if (!checked) return current.filter((choice) => choice.bidId !== bid.id)
      if (current.length >= maxAwardedBids || current.some((choice) => choice.bidId === bid.id)) return current
      const taken = current.reduce((sum, choice) => sum + (chosenQuantity(choice) || 0), 0)
      const suggested = Math.max(1, Math.min(offered(bid), rfq.quantity - taken))
      return [...current, { bidId: bid.id, quantity: String(suggested) }]
    })
  }
  const setQuantity = (bidId: string, quantity: string) =>
    setChoices((current) => current.map((choice) => (choice.bidId === bidId ? { ...choice, quantity } : choice)))

  const [confirming, setConfirming] = useState(false)

  /** Checks the choices; when they hold, asks the buyer to confirm (an award cannot be undone). */
  const review = () => {
    setFailure(null)
    setProblem(null)
    for (const choice of choices) {
      const bid = bidById.get(choice.bidId)
      const quantity = chosenQuantity(choice)
      if (!bid || !(quantity >= 1) || quantity > offered(bid)) {
        const values = { company: bid?.supplier.company ?? '', max: bid ? offered(bid) : 0, unit }
        setProblem({ key: 'award.quantity.invalid', values })
        return
      }
    }
    if (totalQuantity > rfq.quantity) {
      setProblem({ key: 'award.tooMuch', values: { requested: rfq.quantity, unit } })
      return
    }
    setConfirming(true)
  }

  /** Sends the award the buyer confirmed. */
  const award = async () => {
    const errors = wantsInvoice ? invoicePartyErrors(invoice.title, invoice.taxNumber) : {}
    setInvoiceErrors(errors)
    if (Object.keys(errors).length > 0) return
    setConfirming(false)
    const body = {
      awards: choices.map((choice) => ({ bidId: choice.bidId, quantity: chosenQuantity(choice) })),
      ...(wantsInvoice ? { invoice: { title: invoice.title.trim(), taxNumber: normalTaxNumber(invoice.taxNumber) } } : {}),
    }
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
    } catch (caught) {
      setFailure(caught)
      // Someone (another tab) changed the request or a bid: show what stands now.
      if (caught instanceof ApiError && caught.status === 409) onConflict()
    } finally {
      setAwarding(false)
    }
  }

  return {
    choices,
    toggle,
    setQuantity,
    review,
    confirming,
    cancel: () => setConfirming(false),
    award,
    awarding,
    failure,
    problem,
    orderIds,
    totalQuantity,
    goodsAmount,
    freightAmount,
    totalAmount,
    bidById,
    wantsInvoice,
    invoice,
    setInvoice,
    invoiceErrors,
  }
}

type Award = ReturnType<typeof useAward>

/** The chosen bids with their quantities, what they come to, and the button that awards them. */
export const AwardPanel = ({ award, rfq, unit }: { award: Award; rfq: SupplierRfq; unit: string }) => {
  const { t, locale } = useI18n()
  const { choices, bidById, totalQuantity, totalAmount } = award
  return (
    <div class="award-panel" data-award-panel>
      <h3>{t('award.title')}</h3>
      {award.failure !== null && <FormError>{describeError(locale, award.failure)}</FormError>}
      {award.problem && <FormError>{say(t, award.problem)}</FormError>}
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
              onInput={(value) => award.setQuantity(choice.bidId, value)}
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
      {totalQuantity > rfq.quantity && <p class="field__error">{fill(t('award.tooMuch'), { requested: rfq.quantity, unit })}</p>}
      {totalQuantity < rfq.quantity && <p class="field__hint">{t('award.partial')}</p>}
      <p class="field__hint">{t('award.effect')}</p>
      <button type="button" class="button button--primary" disabled={award.awarding} onClick={award.review} data-award-submit>
        {award.awarding ? t('award.submitting') : fill(t('award.submit'), { n: choices.length })}
      </button>
      {award.confirming && <ConfirmAward award={award} rfq={rfq} unit={unit} />}
    </div>
  )
}

const percent = (locale: string, share: number) =>
  new Intl.NumberFormat(locale === 'bo' ? 'en' : locale, { style: 'percent', maximumFractionDigits: 1 }).format(share)

/** The award against the request's target price: the amount and share above or below, flagged when above. */
const TargetDifference = ({ rfq, award, unit }: { rfq: SupplierRfq; award: Award; unit: string }) => {
  const { t, locale } = useI18n()
  if (rfq.targetUnitPriceFen === undefined) return <dd data-target-difference="none">{t('award.confirm.noTarget')}</dd>
  const target = rfq.targetUnitPriceFen * award.totalQuantity
  // The target is a price for the goods: freight is not part of it.
  const difference = award.goodsAmount - target
  const values = { amount: formatFen(Math.abs(difference)), pct: percent(locale, target ? Math.abs(difference) / target : 0) }
  const verdict = difference > 0 ? 'above' : difference < 0 ? 'below' : 'equal'
  return (
    <dd data-target-difference={verdict}>
      <span class={verdict === 'above' ? 'award-confirm__above' : undefined} data-difference>
        {verdict === 'equal' ? t('award.confirm.equal') : fill(t(`award.confirm.${verdict}`), values)}
      </span>
      <span class="who__meta">
        {' '}
        {fill(t('award.confirm.targetTotal'), {
          price: `${formatFen(rfq.targetUnitPriceFen)} / ${unit}`,
          amount: formatFen(target),
        })}
      </span>
    </dd>
  )
}

/**
 * The last look before an award, which cannot be undone: what each supplier gets and for how
 * much, the total against the target price, and how long bidding still runs. Cancelling sends
 * nothing.
 */
const ConfirmAward = ({ award, rfq, unit }: { award: Award; rfq: SupplierRfq; unit: string }) => {
  const { t, locale } = useI18n()
  const now = useNow()
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    element.showModal()
    // Escape closes a modal dialog by itself: the award is then cancelled, as with the button.
    element.addEventListener('close', award.cancel)
    return () => element.removeEventListener('close', award.cancel)
  }, [])
  const open = rfq.status === 'open' && Date.parse(rfq.bidDeadline) > now
  return (
    <dialog ref={dialog} class="award-confirm" aria-labelledby="award-confirm-title" data-award-confirm>
      <h3 id="award-confirm-title">{t('award.confirm.title')}</h3>
      <p>{fill(t('award.confirm.lead'), { n: award.choices.length })}</p>
      <ul class="award-confirm__lines">
        {award.choices.map((choice) => {
          const bid = award.bidById.get(choice.bidId)
          if (!bid) return null
          const price = bid.unitPriceInRfqUnitFen ?? 0
          const quantity = Number(choice.quantity)
          const aboveTarget = rfq.targetUnitPriceFen !== undefined && price > rfq.targetUnitPriceFen
          return (
            <li data-confirm-line={bid.id}>
              <span class="who__name">{bid.supplier.company}</span>
              <span>{fill(t('award.confirm.line'), { qty: quantity, unit, price: formatFen(price) })}</span>
              <span class="numeric" data-confirm-line-total>
                {formatFen(quantity * price + (bid.freightFen ?? 0))}
              </span>
              <span class="who__meta" data-confirm-line-freight>
                {t('order.freight')} <FreightAmount fen={bid.freightFen} />
              </span>
              {aboveTarget && <Badge tone="warning">{t('award.confirm.lineAbove')}</Badge>}
            </li>
          )
        })}
      </ul>
      <dl class="award-confirm__facts">
        <div>
          <dt>{t('award.confirm.total')}</dt>
          <dd data-confirm-total>{formatFen(award.totalAmount)}</dd>
        </div>
        <div>
          <dt>{t('award.confirm.target')}</dt>
          <TargetDifference rfq={rfq} award={award} unit={unit} />
        </div>
        <div>
          <dt>{t('award.confirm.deadline')}</dt>
          <dd data-deadline-open={open ? 'true' : 'false'}>
            <time dateTime={rfq.bidDeadline}>{formatDateTime(locale, rfq.bidDeadline)}</time>{' '}
            <span class={open ? 'award-confirm__above' : undefined} data-time-left>
              {open
                ? fill(t('award.confirm.deadlineOpen'), { left: timeLeft(locale, rfq.bidDeadline, now) })
                : t('award.confirm.deadlinePassed')}
            </span>
          </dd>
        </div>
      </dl>
      {award.wantsInvoice && (
        <fieldset class="award-confirm__invoice" data-award-invoice>
          <legend>{fill(t('award.confirm.invoice'), { type: t(`invoice.${rfq.invoice ?? 'none'}`) })}</legend>
          <InvoicePartyFields
            idPrefix="award"
            title={award.invoice.title}
            taxNumber={award.invoice.taxNumber}
            onTitle={(title) => award.setInvoice((current) => ({ ...current, title }))}
            onTaxNumber={(taxNumber) => award.setInvoice((current) => ({ ...current, taxNumber }))}
            titleError={award.invoiceErrors.invoiceTitle && say(t, award.invoiceErrors.invoiceTitle)}
            taxNumberError={award.invoiceErrors.taxNumber && say(t, award.invoiceErrors.taxNumber)}
          />
        </fieldset>
      )}
      <div class="button-row">
        <button type="button" class="button button--primary" onClick={award.award} data-award-confirm-submit>
          {t('award.confirm.submit')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => dialog.current?.close()} data-award-cancel>
          {t('award.confirm.cancel')}
        </button>
      </div>
    </dialog>
  )
}

/** After an award: the orders it made, and that they await payment. */
export const AwardedOrders = ({ orderIds }: { orderIds: string[] }) => {
  const { t } = useI18n()
  return (
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
  )
}
