import type { Bid, BidInput, SupplierRfq, UnitId } from '@market/contracts'
// The zod-free modules alone: the contracts' barrel would bring zod into the page.
import { compatibleUnits, conversionFactor, inRequestUnit, totalFen } from '@market/contracts/units'
import { isWithin, limits, maxMetresPerBolt } from '@market/contracts/values'
import { ApiError, api, fieldErrorPaths } from '../api/client.ts'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { SelectField } from '../components/select-field.tsx'
import { type FieldErrors, useForm } from '../components/use-form.ts'
import { addDays, lhasaDateOf } from '../i18n/dates.ts'
import { fill, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import { fenToYuanInput, formatFen, parseYuan } from '../listings/money.ts'
import { formatQuantity, isLive } from './use-rfq.ts'

type Values = {
  price: string
  unit: UnitId
  metresPerBolt: string
  quantity: string
  leadTimeDays: string
  validUntil: string
  note: string
  /** Yuan for the whole quantity; empty: included in the price. */
  freight: string
}

/** A new bid starts from the request; a revision from the standing bid (valid at least until the deadline). */
const initialValues = (rfq: SupplierRfq, myBid: Bid | undefined, deadlineDate: string): Values =>
  myBid
    ? {
        price: fenToYuanInput(myBid.unitPriceFen),
        unit: myBid.unit,
        metresPerBolt: myBid.metresPerBolt ? String(myBid.metresPerBolt) : '',
        quantity: String(myBid.quantity),
        leadTimeDays: String(myBid.leadTimeDays),
        validUntil: myBid.validUntil < deadlineDate ? addDays(deadlineDate, 14) : myBid.validUntil,
        note: myBid.note ?? '',
        freight: myBid.freightFen ? fenToYuanInput(myBid.freightFen) : '',
      }
    : {
        price: '',
        unit: rfq.unit,
        metresPerBolt: '',
        quantity: String(rfq.quantity),
        leadTimeDays: '',
        validUntil: addDays(deadlineDate, 14),
        note: '',
        freight: '',
      }

/** A supplier's bid, or a revision of its standing one, with a preview in the request's unit as the buyer will compare it. */
export const BidForm = ({
  rfq,
  myBid,
  onSaved,
}: {
  rfq: SupplierRfq
  myBid: Bid | undefined
  onSaved: (revised: boolean) => void
}) => {
  const { t, locale } = useI18n()
  const names = useNames()
  const deadlineDate = lhasaDateOf(rfq.bidDeadline)
  const live = Boolean(myBid && isLive(myBid))
  const form = useForm(() => initialValues(rfq, myBid, deadlineDate))
  const { values } = form
  const units = compatibleUnits(rfq.unit)
  const rfqUnit = names.unit(rfq.unit)

  const priceFen = parseYuan(values.price)
  // Empty (or 0) freight is included in the price.
  const freightFen = values.freight.trim() ? parseYuan(values.freight) : 0
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
  const tooMuch = { key: 'bid.quantity.tooMuch', values: { max: rfq.quantity, unit: rfqUnit } } as const
  const validFrom = { key: 'bid.validUntil.invalid', values: { date: deadlineDate } } as const

  const check = () => {
    const found: FieldErrors = {}
    if (!priceFen) found.price = 'bid.price.invalid'
    if (values.unit === 'bolt' && !(mpb && mpb > 0 && mpb <= maxMetresPerBolt)) found.metresPerBolt = 'bid.metresPerBolt.invalid'
    if (!(quantity >= 1)) found.quantity = 'bid.quantity.invalid'
    else if (factor && quantity * factor > rfq.quantity + 1e-9) found.quantity = tooMuch
    if (!/^\d{1,3}$/.test(values.leadTimeDays.trim()) || !isWithin(Number(values.leadTimeDays), limits.leadTimeDays))
      found.leadTimeDays = 'bid.leadTime.invalid'
    if (!values.validUntil || values.validUntil < deadlineDate) found.validUntil = validFrom
    if (freightFen === null || !isWithin(freightFen, limits.freightFen)) found.freight = 'bid.freight.invalid'
    return found
  }

  const send = async () => {
    const body: BidInput = {
      unitPriceFen: priceFen ?? 0,
      unit: values.unit,
      ...(values.unit === 'bolt' && mpb ? { metresPerBolt: mpb } : {}),
      quantity,
      leadTimeDays: Number(values.leadTimeDays),
      validUntil: values.validUntil,
      ...(values.note.trim() ? { note: values.note.trim() } : {}),
      ...(freightFen ? { freightFen } : {}),
    }
    await api.rfqs.api.rfqs[':id'].bids.$post({ param: { id: rfq.id }, json: body })
    onSaved(live)
  }

  const refused = (caught: unknown) => {
    const paths = fieldErrorPaths(caught)
    const named: FieldErrors = {}
    if (paths.has('quantity')) named.quantity = tooMuch
    if (paths.has('validUntil')) named.validUntil = validFrom
    if (paths.has('unitPriceFen')) named.price = 'bid.price.invalid'
    if (paths.has('leadTimeDays')) named.leadTimeDays = 'bid.leadTime.invalid'
    if (paths.has('freightFen')) named.freight = 'bid.freight.invalid'
    if (caught instanceof ApiError && caught.code === 'bid.unit_mismatch') named.unit = 'error.bid.unit_mismatch'
    return { errors: named, failure: Object.keys(named).length === 0 }
  }

  const { failure } = form
  return (
    <section class="section bid-section" aria-labelledby="bid-form-title">
      <h2 id="bid-form-title">{t(live ? 'bid.form.revise' : 'bid.form.title')}</h2>
      <form
        class="form form--wide bid-form"
        ref={form.formRef}
        onSubmit={form.submit({ check, send, refused })}
        noValidate
        data-bid-form
      >
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
            onInput={form.set('price')}
            error={form.errorFor('price')}
            inputmode="decimal"
            required
          />
          <SelectField
            id="bid-unit"
            label={t('bid.unit')}
            value={values.unit}
            options={units}
            optionLabel={names.unit}
            onChange={(unit) => unit && form.set('unit')(unit)}
            hint={units.length > 1 ? t('bid.unit.hint') : t('bid.unit.only')}
            error={form.errorFor('unit')}
          />
        </div>
        {values.unit === 'bolt' && (
          <TextField
            id="bid-metres-per-bolt"
            label={t('bid.metresPerBolt')}
            hint={t('bid.metresPerBolt.hint')}
            value={values.metresPerBolt}
            onInput={form.set('metresPerBolt')}
            error={form.errorFor('metresPerBolt')}
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
            onInput={form.set('quantity')}
            error={form.errorFor('quantity')}
            inputmode="numeric"
            required
          />
          <TextField
            id="bid-lead-time"
            label={t('listingForm.leadTime')}
            value={values.leadTimeDays}
            onInput={form.set('leadTimeDays')}
            error={form.errorFor('leadTimeDays')}
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
          onInput={form.set('validUntil')}
          error={form.errorFor('validUntil')}
          min={deadlineDate}
          required
        />
        <TextField
          id="bid-freight"
          label={t('bid.freight')}
          hint={t('bid.freight.hint')}
          value={values.freight}
          onInput={form.set('freight')}
          error={form.errorFor('freight')}
          inputmode="decimal"
        />
        <TextField
          id="bid-note"
          label={t('bid.note')}
          hint={t('bid.note.hint')}
          value={values.note}
          onInput={form.set('note')}
          multiline
        />
        <div class="buy-total" aria-live="polite" data-bid-preview>
          {converted ? (
            <>
              <p>{fill(t('bid.preview.price'), { price: formatFen(converted.unitPriceFen), unit: rfqUnit })}</p>
              <p class="buy-total__sum">
                <span>{fill(t('bid.preview.total'), { qty: formatQuantity(converted.quantity), unit: rfqUnit })}</span>
                <strong>{formatFen(totalFen(converted))}</strong>
              </p>
              {freightFen ? <p>{fill(t('bid.preview.freight'), { amount: formatFen(freightFen) })}</p> : null}
            </>
          ) : (
            <p class="buy-total__note">{t('bid.preview.none')}</p>
          )}
        </div>
        <p class="field__hint">{t(rfq.sealedUntilDeadline ? 'bid.sealedHint.tender' : 'bid.sealedHint')}</p>
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={form.submitting}>
            {form.submitting ? t('bid.submitting') : t(live ? 'bid.revise' : 'bid.submit')}
          </button>
        </div>
      </form>
    </section>
  )
}
