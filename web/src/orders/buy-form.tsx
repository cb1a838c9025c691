import type { ListingWithSupplier, PlaceOrderInput, PriceTier } from '@market/contracts'
import { phonePattern, tierIndexFor } from '@market/contracts/values'
import { useRef, useState } from 'hono/jsx/dom'
import { ApiError, api, fieldErrorPaths, OfflineError } from '../api/client.ts'
import { describeError, FormError, TextField, useFocusFirstInvalid } from '../components/form.tsx'
import { fill, useI18n } from '../i18n/i18n.ts'
import { formatFen } from '../listings/money.ts'
import { navigate } from '../router.ts'
import { useSession } from '../session/session.ts'

type Values = { quantity: string; method: 'pickup' | 'ship'; name: string; phone: string; address: string; note: string }
type Field = 'quantity' | 'name' | 'phone' | 'address' | 'note'

/** A submission that may have reached the server keeps its key, so a retry cannot order twice. */
const keepsKey = (error: unknown) =>
  error instanceof OfflineError ||
  (error instanceof ApiError && (error.code === 'idempotency.in_progress' || error.status >= 500))

const BuyForm = ({ listing, unit }: { listing: ListingWithSupplier; unit: string }) => {
  const { t, locale } = useI18n()
  const { me } = useSession()
  const [values, setValues] = useState<Values>({
    quantity: String(listing.moq),
    method: 'pickup',
    name: me?.name ?? '',
    phone: me?.company.phone ?? '',
    address: me?.company.address ?? '',
    note: '',
  })
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const formRef = useFocusFirstInvalid(attempt)
  const idempotencyKey = useRef<string | null>(null)

  const set = (field: keyof Values) => (value: string) => {
    // A changed order is a new submission with a key of its own.
    idempotencyKey.current = null
    setValues((current) => ({ ...current, [field]: value }))
    setErrors((current) => ({ ...current, [field]: undefined }))
  }

  const quantity = /^\d{1,8}$/.test(values.quantity.trim()) ? Number(values.quantity.trim()) : null
  // The server's own rule picks the tier, so the total shown is the total charged.
  const tierIndex = quantity ? tierIndexFor(listing.priceTiers, quantity) : -1
  const tier = listing.priceTiers[tierIndex]
  const tierRange = (index: number) => {
    const tier = listing.priceTiers[index] as PriceTier
    const next = listing.priceTiers[index + 1]
    return next
      ? fill(t('listing.tiers.range'), { from: tier.minQty, to: next.minQty - 1, unit })
      : fill(t('listing.tiers.from'), { from: tier.minQty, unit })
  }

  const validate = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {}
    if (quantity === null || quantity < 1) found.quantity = t('buy.quantity.invalid')
    else if (quantity < listing.moq) found.quantity = fill(t('buy.quantity.belowMoq'), { n: listing.moq, unit })
    else if (quantity > listing.stock) found.quantity = fill(t('buy.quantity.aboveStock'), { n: listing.stock, unit })
    if (values.method === 'ship') {
      if (!values.name.trim()) found.name = t('buy.required')
      if (!phonePattern.test(values.phone.trim())) found.phone = t('field.phone.invalid')
      if (!values.address.trim()) found.address = t('buy.required')
    }
    return found
  }

  /** The server's answer, said beside the field it is about when there is one. */
  const showFailure = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401) {
      navigate(`/signin?next=${encodeURIComponent(`/listings/${listing.id}`)}`)
      return
    }
    const details = (error instanceof ApiError ? error.details : undefined) as { available?: number; moq?: number } | undefined
    if (error instanceof ApiError && error.code === 'listing.insufficient_stock' && details?.available !== undefined) {
      setErrors({ quantity: fill(t('buy.quantity.aboveStock'), { n: details.available, unit }) })
    } else if (error instanceof ApiError && error.code === 'order.below_moq' && details?.moq !== undefined) {
      setErrors({ quantity: fill(t('buy.quantity.belowMoq'), { n: details.moq, unit }) })
    } else {
      const paths = fieldErrorPaths(error)
      const fromServer: Partial<Record<Field, string>> = {}
      if (paths.has('quantity')) fromServer.quantity = t('buy.quantity.invalid')
      if (paths.has('delivery.address.name')) fromServer.name = t('field.invalid')
      if (paths.has('delivery.address.phone')) fromServer.phone = t('field.phone.invalid')
      if (paths.has('delivery.address.address')) fromServer.address = t('field.invalid')
      if (paths.has('note')) fromServer.note = t('field.invalid')
      setErrors(fromServer)
    }
    setFailure(error)
    setAttempt((n) => n + 1)
  }

  const submit = async (event: Event) => {
    event.preventDefault()
    if (busy) return
    setFailure(null)
    const found = validate()
    setErrors(found)
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1)
      return
    }
    const body: PlaceOrderInput = {
      listingId: listing.id,
      quantity: quantity as number,
      delivery:
        values.method === 'pickup'
          ? { method: 'pickup' }
          : {
              method: 'ship',
              address: { name: values.name.trim(), phone: values.phone.trim(), address: values.address.trim() },
            },
      ...(values.note.trim() ? { note: values.note.trim() } : {}),
    }
    idempotencyKey.current ??= crypto.randomUUID()
    setBusy(true)
    try {
      const response = await api.orders.api.orders.$post(
        { json: body },
        { headers: { 'Idempotency-Key': idempotencyKey.current } },
      )
      const order = await response.json()
      navigate(`/orders/${order.id}?placed=1`)
    } catch (error) {
      if (!keepsKey(error)) idempotencyKey.current = null
      showFailure(error)
    } finally {
      setBusy(false)
    }
  }

  const hasFieldErrors = Object.values(errors).some(Boolean)
  const stall = listing.supplier.stall
  return (
    <form class="form buy-form" noValidate onSubmit={submit} ref={formRef} data-buy-form>
      {failure !== null && !hasFieldErrors && <FormError>{describeError(locale, failure)}</FormError>}
      {hasFieldErrors && attempt > 0 && <FormError>{t('buy.invalid')}</FormError>}
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
          aria-invalid={errors.quantity ? 'true' : undefined}
          aria-describedby={['order-quantity-hint', errors.quantity ? 'order-quantity-error' : ''].filter(Boolean).join(' ')}
          onInput={(event: Event) => set('quantity')((event.target as HTMLInputElement).value)}
        />
        <p class="field__hint" id="order-quantity-hint">
          {fill(t('buy.quantity.hint'), { moq: listing.moq, stock: listing.stock, unit })}
        </p>
        {errors.quantity && (
          <p class="field__error" id="order-quantity-error">
            {errors.quantity}
          </p>
        )}
      </div>
      <div class="buy-total" aria-live="polite" data-total>
        {tier && quantity ? (
          <>
            <p class="buy-total__tier" data-tier={tierIndex + 1}>
              {fill(t('buy.tier'), {
                n: tierIndex + 1,
                range: tierRange(tierIndex),
                price: formatFen(tier.unitPriceFen),
                unit,
              })}
            </p>
            <p class="buy-total__sum">
              <span>{t('buy.total')}</span> <strong data-total-amount>{formatFen(tier.unitPriceFen * quantity)}</strong>
            </p>
            <p class="buy-total__note">{t('buy.total.note')}</p>
          </>
        ) : (
          <p class="buy-total__note">{fill(t('buy.quantity.belowMoq'), { n: listing.moq, unit })}</p>
        )}
      </div>
      <fieldset class="radio-cards">
        <legend class="field__label">{t('buy.delivery')}</legend>
        <label class="radio-card">
          <input
            type="radio"
            name="delivery"
            value="pickup"
            class="radio-card__input"
            checked={values.method === 'pickup'}
            onChange={() => set('method')('pickup')}
          />
          <span class="radio-card__title">{t('buy.pickup.title')}</span>
          <span class="radio-card__body">{stall ? fill(t('buy.pickup.body'), { stall }) : t('buy.pickup.bodyNoStall')}</span>
        </label>
        <label class="radio-card">
          <input
            type="radio"
            name="delivery"
            value="ship"
            class="radio-card__input"
            checked={values.method === 'ship'}
            onChange={() => set('method')('ship')}
          />
          <span class="radio-card__title">{t('buy.ship.title')}</span>
          <span class="radio-card__body">{t('buy.ship.body')}</span>
        </label>
      </fieldset>
      {values.method === 'ship' && (
        <>
          <TextField
            id="order-recipient"
            label={t('buy.recipient')}
            value={values.name}
            onInput={set('name')}
            autocomplete="name"
            required
            error={errors.name}
          />
          <TextField
            id="order-phone"
            label={t('buy.phone')}
            type="tel"
            value={values.phone}
            onInput={set('phone')}
            autocomplete="tel"
            required
            error={errors.phone}
          />
          <TextField
            id="order-address"
            label={t('buy.address')}
            value={values.address}
            onInput={set('address')}
            autocomplete="street-address"
            required
            multiline
            error={errors.address}
          />
        </>
      )}
      <TextField
        id="order-note"
        label={t('buy.note')}
        hint={t('buy.note.hint')}
        value={values.note}
        onInput={set('note')}
        multiline
        error={errors.note}
      />
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t('buy.submitting') : t('buy.submit')}
        </button>
      </div>
    </form>
  )
}

/**
 * Ordering from a listing: buyers get the form, visitors a way to sign in, other suppliers a word
 * that only buyers order; the owner and administrators see nothing to buy.
 */
export const BuyPanel = ({ listing, unit }: { listing: ListingWithSupplier; unit: string }) => {
  const { t } = useI18n()
  const session = useSession()
  const me = session.me
  if (session.state === 'loading' || me?.id === listing.supplierId || me?.role === 'admin') return null
  if (listing.status !== 'active') return null
  return (
    <section class="card buy-panel" aria-labelledby="buy-title" data-buy>
      <h2 id="buy-title" class="card__title">
        {t('buy.title')}
      </h2>
      {!me ? (
        <>
          <p>{t('buy.signInBody')}</p>
          <a
            href={`/signin?next=${encodeURIComponent(`/listings/${listing.id}`)}`}
            class="button button--primary"
            data-sign-in-to-order
          >
            {t('buy.signIn')}
          </a>
        </>
      ) : me.role !== 'buyer' ? (
        <p data-buyers-only>{t('buy.buyersOnly')}</p>
      ) : listing.stock < listing.moq ? (
        <p data-out-of-stock>{t('buy.outOfStock')}</p>
      ) : (
        <BuyForm listing={listing} unit={unit} />
      )}
    </section>
  )
}
