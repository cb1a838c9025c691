import type { Delivery, InvoiceType, ListingWithSupplier, PlaceOrderInput } from '@market/contracts'
import { deliveryMethods, invoiceTypes, phonePattern, tierIndexFor } from '@market/contracts/values'
import { useRef } from 'hono/jsx/dom'
import { ApiError, api, fieldErrorPaths, numberIn, OfflineError } from '../api/client.ts'
import { useResource } from '../api/use-resource.ts'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { LocalizedTextView } from '../components/localized-text.tsx'
import { RadioCards } from '../components/radio-cards.tsx'
import { SelectField } from '../components/select-field.tsx'
import { type FieldErrors, useForm } from '../components/use-form.ts'
import { fill, useI18n } from '../i18n/i18n.ts'
import { formatFen } from '../listings/money.ts'
import { tierRange } from '../listings/tiers.ts'
import { navigate } from '../router.ts'
import { useSession } from '../session/session.ts'
import { InvoicePartyFields, invoicePartyErrors, normalTaxNumber } from './invoice-fields.tsx'
import './buy.css'

/** A bulk order of the goods, or the listing's sample (one, at its sample price). */
const kinds = ['bulk', 'sample'] as const

type Values = {
  kind: (typeof kinds)[number]
  quantity: string
  method: Delivery['method']
  name: string
  phone: string
  address: string
  note: string
  invoice: InvoiceType
  invoiceTitle: string
  taxNumber: string
}

/** A submission that may have reached the server keeps its key, so a retry cannot order twice. */
const keepsKey = (error: unknown) =>
  error instanceof OfflineError ||
  (error instanceof ApiError && (error.code === 'idempotency.in_progress' || error.status >= 500))

/** The server's field paths and what each field is told. */
const serverFields: [
  path: string,
  field: keyof Values,
  message: 'buy.quantity.invalid' | 'field.invalid' | 'field.phone.invalid' | 'invoice.taxNumber.invalid',
][] = [
  ['quantity', 'quantity', 'buy.quantity.invalid'],
  ['delivery.address.name', 'name', 'field.invalid'],
  ['delivery.address.phone', 'phone', 'field.phone.invalid'],
  ['delivery.address.address', 'address', 'field.invalid'],
  ['note', 'note', 'field.invalid'],
  ['invoice.title', 'invoiceTitle', 'field.invalid'],
  ['invoice.taxNumber', 'taxNumber', 'invoice.taxNumber.invalid'],
]

/** A buyer's order from a listing: how much (with the tier and total the server will charge), how it travels, a note. */
export const BuyForm = ({ listing, unit }: { listing: ListingWithSupplier; unit: string }) => {
  const { t, locale } = useI18n()
  const { me } = useSession()
  const form = useForm<Values>({
    kind: 'bulk',
    quantity: String(listing.moq),
    method: 'pickup',
    name: me?.name ?? '',
    phone: me?.company.phone ?? '',
    address: me?.company.address ?? '',
    note: '',
    invoice: 'none',
    // Invoices are made out to the buyer's company, as its account names it.
    invoiceTitle: me?.company.name ?? '',
    taxNumber: '',
  })
  const { values } = form
  const idempotencyKey = useRef<string | null>(null)
  const set =
    <K extends keyof Values>(field: K) =>
    (value: Values[K]) => {
      // A changed order is a new submission with a key of its own.
      idempotencyKey.current = null
      form.set(field)(value)
    }

  const sample = values.kind === 'sample' ? listing.sample : undefined
  // A paid sample of this listing comes off the bulk order: the buyer sees it before ordering.
  const credit = useResource(
    async () => (await api.orders.api.orders['sample-credit'].$get({ query: { listingId: listing.id } })).json(),
    [listing.id],
  )
  const creditFen = credit.state === 'ready' ? (credit.data.credit?.amountFen ?? 0) : 0
  const quantity = /^\d{1,8}$/.test(values.quantity.trim()) ? Number(values.quantity.trim()) : null
  // The server's own rule picks the tier, so the total shown is the total charged.
  const tierIndex = quantity ? tierIndexFor(listing.priceTiers, quantity) : -1
  const tier = listing.priceTiers[tierIndex]
  const belowMoq = (n: number) => ({ key: 'buy.quantity.belowMoq', values: { n, unit } }) as const
  const aboveStock = (n: number) => ({ key: 'buy.quantity.aboveStock', values: { n, unit } }) as const

  const check = () => {
    const found: FieldErrors = {}
    // A sample is one sample: no quantity to check.
    if (!sample) {
      if (quantity === null || quantity < 1) found.quantity = 'buy.quantity.invalid'
      else if (quantity < listing.moq) found.quantity = belowMoq(listing.moq)
      else if (quantity > listing.stock) found.quantity = aboveStock(listing.stock)
    }
    if (values.method === 'ship') {
      if (!values.name.trim()) found.name = 'buy.required'
      if (!phonePattern.test(values.phone.trim())) found.phone = 'field.phone.invalid'
      if (!values.address.trim()) found.address = 'buy.required'
    }
    if (values.invoice !== 'none') Object.assign(found, invoicePartyErrors(values.invoiceTitle, values.taxNumber))
    return found
  }

  const send = async () => {
    const body: PlaceOrderInput = {
      listingId: listing.id,
      ...(sample ? { quantity: 1, sample: true } : { quantity: quantity ?? 0 }),
      delivery:
        values.method === 'pickup'
          ? { method: 'pickup' }
          : { method: 'ship', address: { name: values.name.trim(), phone: values.phone.trim(), address: values.address.trim() } },
      ...(values.note.trim() ? { note: values.note.trim() } : {}),
      ...(values.invoice !== 'none'
        ? {
            invoice: {
              type: values.invoice,
              title: values.invoiceTitle.trim(),
              taxNumber: normalTaxNumber(values.taxNumber),
            },
          }
        : {}),
    }
    idempotencyKey.current ??= crypto.randomUUID()
    const response = await api.orders.api.orders.$post({ json: body }, { headers: { 'Idempotency-Key': idempotencyKey.current } })
    const order = await response.json()
    navigate(`/orders/${order.id}?placed=1`)
  }

  /** The server's answer, said beside the field it is about when there is one. */
  const refused = (error: unknown) => {
    if (!keepsKey(error)) idempotencyKey.current = null
    if (error instanceof ApiError && error.status === 401) {
      navigate(`/signin?next=${encodeURIComponent(`/listings/${listing.id}`)}`)
      return { failure: false }
    }
    if (error instanceof ApiError) {
      const available = error.code === 'listing.insufficient_stock' ? numberIn(error.details, 'available') : undefined
      if (available !== undefined) return { errors: { quantity: aboveStock(available) } }
      const moq = error.code === 'order.below_moq' ? numberIn(error.details, 'moq') : undefined
      if (moq !== undefined) return { errors: { quantity: belowMoq(moq) } }
    }
    const paths = fieldErrorPaths(error)
    return {
      errors: Object.fromEntries(serverFields.filter(([path]) => paths.has(path)).map(([, field, message]) => [field, message])),
    }
  }

  const quantityError = form.errorFor('quantity')
  const stall = listing.supplier.stall
  return (
    <form class="form buy-form" noValidate onSubmit={form.submit({ check, send, refused })} ref={form.formRef} data-buy-form>
      {form.failure !== null && !form.hasErrors && <FormError>{describeError(locale, form.failure)}</FormError>}
      {form.hasErrors && form.attempt > 0 && <FormError>{t('buy.invalid')}</FormError>}
      {listing.sample && (
        <RadioCards
          legend={t('buy.kind')}
          name="kind"
          options={kinds}
          value={values.kind}
          onChange={set('kind')}
          title={(kind) => t(`buy.kind.${kind}`)}
          body={(kind) =>
            kind === 'sample' && listing.sample
              ? fill(t('buy.kind.sample.body'), { price: formatFen(listing.sample.priceFen) })
              : ''
          }
        />
      )}
      {sample ? (
        <div class="buy-total" aria-live="polite" data-total data-sample-total>
          <p class="buy-total__tier">
            <LocalizedTextView text={sample.description} />
          </p>
          <p class="buy-total__sum">
            <span>{t('buy.total')}</span> <strong data-total-amount>{formatFen(sample.priceFen)}</strong>
          </p>
          <p class="buy-total__note">{t('buy.sample.note')}</p>
        </div>
      ) : (
        <>
          <div class="field">
            <label class="field__label" for="order-quantity">
              {fill(t('buy.quantity'), { unit })}
            </label>
            <input
              id="order-quantity"
              name="quantity"
              class="input input--quantity"
              type="number"
              inputMode="numeric"
              min={listing.moq}
              max={listing.stock}
              step={1}
              required
              value={values.quantity}
              aria-invalid={quantityError ? 'true' : undefined}
              aria-describedby={['order-quantity-hint', quantityError ? 'order-quantity-error' : ''].filter(Boolean).join(' ')}
              onInput={(event: Event) => set('quantity')((event.target as HTMLInputElement).value)}
            />
            <p class="field__hint" id="order-quantity-hint">
              {fill(t('buy.quantity.hint'), { moq: listing.moq, stock: listing.stock, unit })}
            </p>
            {quantityError && (
              <p class="field__error" id="order-quantity-error">
                {quantityError}
              </p>
            )}
          </div>
          <div class="buy-total" aria-live="polite" data-total>
            {tier && quantity ? (
              <>
                <p class="buy-total__tier" data-tier={tierIndex + 1}>
                  {fill(t('buy.tier'), {
                    n: tierIndex + 1,
                    range: tierRange(locale, listing.priceTiers, tierIndex, unit),
                    price: formatFen(tier.unitPriceFen),
                    unit,
                  })}
                </p>
                {creditFen > 0 && (
                  <p class="buy-total__tier" data-sample-credit>
                    {t('order.sampleCredit')} −{formatFen(Math.min(creditFen, tier.unitPriceFen * quantity))}
                  </p>
                )}
                <p class="buy-total__sum">
                  <span>{t('buy.total')}</span>{' '}
                  <strong data-total-amount>
                    {formatFen(tier.unitPriceFen * quantity - Math.min(creditFen, tier.unitPriceFen * quantity))}
                  </strong>
                </p>
                <p class="buy-total__note">{t('buy.total.note')}</p>
              </>
            ) : (
              <p class="buy-total__note">{fill(t('buy.quantity.belowMoq'), { n: listing.moq, unit })}</p>
            )}
          </div>
        </>
      )}
      <RadioCards
        legend={t('buy.delivery')}
        name="delivery"
        options={deliveryMethods}
        value={values.method}
        onChange={set('method')}
        title={(method) => t(`buy.${method}.title`)}
        body={(method) =>
          method === 'ship' ? t('buy.ship.body') : stall ? fill(t('buy.pickup.body'), { stall }) : t('buy.pickup.bodyNoStall')
        }
      />
      {values.method === 'ship' && (
        <>
          <TextField
            id="order-recipient"
            label={t('buy.recipient')}
            value={values.name}
            onInput={set('name')}
            autocomplete="name"
            required
            error={form.errorFor('name')}
          />
          <TextField
            id="order-phone"
            label={t('buy.phone')}
            type="tel"
            value={values.phone}
            onInput={set('phone')}
            autocomplete="tel"
            required
            error={form.errorFor('phone')}
          />
          <TextField
            id="order-address"
            label={t('buy.address')}
            value={values.address}
            onInput={set('address')}
            autocomplete="street-address"
            required
            multiline
            error={form.errorFor('address')}
          />
        </>
      )}
      <SelectField
        id="order-invoice"
        label={t('order.invoice.type')}
        value={values.invoice}
        options={invoiceTypes}
        optionLabel={(type) => t(`invoice.${type}`)}
        onChange={(type) => set('invoice')(type || 'none')}
      />
      {values.invoice !== 'none' && (
        <InvoicePartyFields
          idPrefix="order"
          title={values.invoiceTitle}
          taxNumber={values.taxNumber}
          onTitle={set('invoiceTitle')}
          onTaxNumber={set('taxNumber')}
          titleError={form.errorFor('invoiceTitle')}
          taxNumberError={form.errorFor('taxNumber')}
        />
      )}
      <TextField
        id="order-note"
        label={t('buy.note')}
        hint={t('buy.note.hint')}
        value={values.note}
        onInput={set('note')}
        multiline
        error={form.errorFor('note')}
      />
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={form.submitting}>
          {form.submitting ? t('buy.submitting') : t('buy.submit')}
        </button>
      </div>
    </form>
  )
}
