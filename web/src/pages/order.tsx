import type { DisputeInput, Order, OrderStep } from '@market/contracts'
import { disputeOutcomes, disputeReasons } from '@market/contracts/values'
import type { Child } from 'hono/jsx'
import { useRef, useState } from 'hono/jsx/dom'
import { ApiError, api } from '../api/client.ts'
import type { OrderView } from '../api/types.ts'
import { useResource } from '../api/use-resource.ts'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { ErrorState, Loading } from '../components/states.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, localized, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { useCatalog } from '../listings/catalog.ts'
import { formatFen } from '../listings/money.ts'
import { useNames } from '../listings/parts.tsx'
import { disputeReasonText, OrderNumber, Timeline } from '../orders/parts.tsx'
import { useSearch } from '../router.ts'
import { useRequireSignIn } from '../session/session.ts'

const orderRoute = api.orders.api.orders[':id']

const fetchOrder = async (id: string) => (await orderRoute.$get({ param: { id } })).json()

/** Today in Lhasa (Beijing time), as a date input wants it. */
const todayInLhasa = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())

/** A datetime-local value for the next full hour on this device's clock. */
const nextHourLocal = () => {
  const date = new Date(Date.now() + 3600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:00`
}

type Step = (call: () => Promise<OrderView>, done: MessageKey) => Promise<boolean>

/** One step the caller may take, in its own box with its own error. */
const ActionBox = ({ id, title, children }: { id: string; title: string; children: Child }) => (
  <section class="order-action" aria-labelledby={`${id}-title`} data-action={id}>
    <h3 id={`${id}-title`} class="order-action__title">
      {title}
    </h3>
    {children}
  </section>
)

const TransferAction = ({ order, step, busy }: { order: OrderView; step: Step; busy: boolean }) => {
  const { t } = useI18n()
  const recorded = order.payment.transfer
  // Once a transfer is recorded the buyer may still correct it; the form then waits behind a button.
  const [editing, setEditing] = useState(false)
  const [reference, setReference] = useState(recorded?.reference ?? '')
  const [paidAt, setPaidAt] = useState(recorded?.paidAt.slice(0, 10) ?? todayInLhasa())
  const [missing, setMissing] = useState<{ reference?: boolean; paidAt?: boolean }>({})
  const submit = async (event: Event) => {
    event.preventDefault()
    const found = { reference: !reference.trim(), paidAt: !/^\d{4}-\d{2}-\d{2}$/.test(paidAt) }
    setMissing(found)
    if (found.reference || found.paidAt) {
      document.getElementById(found.reference ? 'transfer-reference' : 'transfer-paid-at')?.focus()
      return
    }
    const done = await step(
      async () =>
        (await orderRoute.transfer.$post({ param: { id: order.id }, json: { reference: reference.trim(), paidAt } })).json(),
      'action.transfer.done',
    )
    if (done) setEditing(false)
  }
  if (recorded && !editing) {
    return (
      <div class="order-action order-action--minor" data-action="record_transfer">
        <button
          type="button"
          class="button button--secondary"
          aria-expanded="false"
          disabled={busy}
          onClick={() => setEditing(true)}
        >
          {t('action.transfer.edit')}
        </button>
      </div>
    )
  }
  return (
    <ActionBox id="record_transfer" title={t('action.transfer.title')}>
      <p>{t('action.transfer.instructions')}</p>
      <dl class="details details--compact transfer-details">
        <dt>{t('action.transfer.payee')}</dt>
        <dd data-payee>
          {order.supplier.company}
          {order.supplier.phone && (
            <>
              <br />
              {fill(t('order.phone'), { phone: order.supplier.phone })}
            </>
          )}
        </dd>
        <dt>{t('action.transfer.amount')}</dt>
        <dd>
          <strong>{formatFen(order.totalFen)}</strong>
        </dd>
        <dt>{t('action.transfer.memo')}</dt>
        <dd>
          <OrderNumber id={order.id} />
        </dd>
      </dl>
      <p>{t('action.transfer.then')}</p>
      <form class="form" noValidate onSubmit={submit}>
        <TextField
          id="transfer-reference"
          label={t('action.transfer.reference')}
          hint={t('action.transfer.reference.hint')}
          value={reference}
          onInput={(value) => {
            setReference(value)
            setMissing((current) => ({ ...current, reference: false }))
          }}
          required
          error={missing.reference ? t('buy.required') : undefined}
        />
        <div class="field">
          <label class="field__label" for="transfer-paid-at">
            {t('action.transfer.paidAt')}
          </label>
          <input
            id="transfer-paid-at"
            class="input"
            type="date"
            required
            max={todayInLhasa()}
            value={paidAt}
            aria-invalid={missing.paidAt ? 'true' : undefined}
            aria-describedby={missing.paidAt ? 'transfer-paid-at-error' : undefined}
            onInput={(event: Event) => setPaidAt((event.target as HTMLInputElement).value)}
          />
          {missing.paidAt && (
            <p class="field__error" id="transfer-paid-at-error">
              {t('buy.required')}
            </p>
          )}
        </div>
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t('action.busy') : t('action.transfer.submit')}
          </button>
        </div>
      </form>
    </ActionBox>
  )
}

const CheckoutAction = ({ order, busy, setBusy }: { order: OrderView; busy: boolean; setBusy: (busy: boolean) => void }) => {
  const { t, locale } = useI18n()
  const [failure, setFailure] = useState<unknown>(null)
  const [leaving, setLeaving] = useState(false)
  // One key per press: pressing again after a network failure asks for the same Checkout Session.
  const key = useRef<string | null>(null)
  const start = async () => {
    setFailure(null)
    setBusy(true)
    key.current ??= crypto.randomUUID()
    try {
      const response = await orderRoute.checkout.$post(
        { param: { id: order.id } },
        { headers: { 'Idempotency-Key': key.current } },
      )
      const { url } = await response.json()
      setLeaving(true)
      window.location.assign(url)
    } catch (error) {
      setFailure(error)
      setBusy(false)
    }
  }
  return (
    <ActionBox id="start_checkout" title={t('action.checkout.title')}>
      <p>{t('action.checkout.body')}</p>
      {failure !== null && <FormError>{describeError(locale, failure)}</FormError>}
      <button type="button" class="button button--primary" disabled={busy} onClick={start}>
        {leaving ? t('action.checkout.redirecting') : fill(t('action.checkout.submit'), { total: formatFen(order.totalFen) })}
      </button>
    </ActionBox>
  )
}

const CancelAction = ({ order, step, busy }: { order: OrderView; step: Step; busy: boolean }) => {
  const { t } = useI18n()
  const [confirming, setConfirming] = useState(false)
  const [reason, setReason] = useState('')
  const cancel = async (event: Event) => {
    event.preventDefault()
    const json = reason.trim() ? { reason: reason.trim() } : {}
    await step(async () => (await orderRoute.cancel.$post({ param: { id: order.id }, json })).json(), 'action.cancel.done')
  }
  return (
    <div class="order-action order-action--minor" data-action="cancel">
      {!confirming ? (
        <button
          type="button"
          class="button button--secondary"
          aria-expanded="false"
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          {t('action.cancel')}
        </button>
      ) : (
        <form class="confirm" noValidate onSubmit={cancel}>
          <p>{t('action.cancel.body')}</p>
          <TextField id="cancel-reason" label={t('action.cancel.reason')} value={reason} onInput={setReason} />
          <div class="button-row">
            <button type="submit" class="button button--danger" disabled={busy}>
              {t('action.cancel.submit')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
              {t('action.cancel.keep')}
            </button>
          </div>
        </form>
      )}
    </div>
  )
}

const ConfirmPaymentAction = ({ order, step, busy }: { order: OrderView; step: Step; busy: boolean }) => {
  const { t, locale } = useI18n()
  const transfer = order.payment.transfer
  return (
    <ActionBox id="confirm_payment" title={t('action.confirmPayment.title')}>
      <p data-transfer-recorded={transfer ? 'true' : 'false'}>
        {transfer
          ? fill(t('action.confirmPayment.transfer'), {
              reference: transfer.reference,
              date: formatDateTime(locale, transfer.paidAt).split(' ')[0] ?? transfer.paidAt,
            })
          : t('action.confirmPayment.noTransfer')}
      </p>
      <button
        type="button"
        class="button button--primary"
        disabled={busy}
        onClick={() =>
          step(
            async () => (await orderRoute['confirm-payment'].$post({ param: { id: order.id } })).json(),
            'action.confirmPayment.done',
          )
        }
      >
        {t('action.confirmPayment.submit')}
      </button>
    </ActionBox>
  )
}

const ShipAction = ({ order, step, busy }: { order: OrderView; step: Step; busy: boolean }) => {
  const { t } = useI18n()
  const pickup = order.delivery.method === 'pickup'
  const [carrier, setCarrier] = useState('')
  const [tracking, setTracking] = useState('')
  const [readyAt, setReadyAt] = useState(nextHourLocal())
  const [missing, setMissing] = useState<Record<string, boolean>>({})
  const submit = async (event: Event) => {
    event.preventDefault()
    const found: Record<string, boolean> = pickup
      ? { 'ship-ready-at': Number.isNaN(new Date(readyAt).getTime()) }
      : { 'ship-carrier': !carrier.trim(), 'ship-tracking': !tracking.trim() }
    setMissing(found)
    const first = Object.entries(found).find(([, bad]) => bad)?.[0]
    if (first) {
      document.getElementById(first)?.focus()
      return
    }
    const json = pickup
      ? { pickupReadyAt: new Date(readyAt).toISOString() }
      : { carrier: carrier.trim(), trackingNumber: tracking.trim() }
    await step(async () => (await orderRoute.ship.$post({ param: { id: order.id }, json })).json(), 'action.ship.done')
  }
  return (
    <ActionBox id="ship" title={t(pickup ? 'action.ship.pickupTitle' : 'action.ship.title')}>
      {pickup && <p>{t('action.ship.pickupBody')}</p>}
      <form class="form" noValidate onSubmit={submit}>
        {pickup ? (
          <div class="field">
            <label class="field__label" for="ship-ready-at">
              {t('action.ship.pickupReadyAt')}
            </label>
            <input
              id="ship-ready-at"
              class="input"
              type="datetime-local"
              required
              value={readyAt}
              aria-invalid={missing['ship-ready-at'] ? 'true' : undefined}
              onInput={(event: Event) => setReadyAt((event.target as HTMLInputElement).value)}
            />
          </div>
        ) : (
          <>
            <TextField
              id="ship-carrier"
              label={t('action.ship.carrier')}
              value={carrier}
              onInput={setCarrier}
              required
              error={missing['ship-carrier'] ? t('buy.required') : undefined}
            />
            <TextField
              id="ship-tracking"
              label={t('action.ship.tracking')}
              value={tracking}
              onInput={setTracking}
              required
              error={missing['ship-tracking'] ? t('buy.required') : undefined}
            />
          </>
        )}
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t('action.busy') : t(pickup ? 'action.ship.pickupSubmit' : 'action.ship.submit')}
          </button>
        </div>
      </form>
    </ActionBox>
  )
}

const ReceiveAction = ({ order, step, busy }: { order: OrderView; step: Step; busy: boolean }) => {
  const { t } = useI18n()
  return (
    <ActionBox id="receive" title={t('action.receive.title')}>
      <p>{t('action.receive.body')}</p>
      <button
        type="button"
        class="button button--primary"
        disabled={busy}
        onClick={() =>
          step(async () => (await orderRoute.receive.$post({ param: { id: order.id } })).json(), 'action.receive.done')
        }
      >
        {t('action.receive.submit')}
      </button>
    </ActionBox>
  )
}

const DisputeAction = ({ order, step, busy }: { order: OrderView; step: Step; busy: boolean }) => {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState<DisputeInput['reason'] | ''>('')
  const [details, setDetails] = useState('')
  const [missing, setMissing] = useState<{ reason?: boolean; details?: boolean }>({})
  const submit = async (event: Event) => {
    event.preventDefault()
    const found = { reason: !reason, details: !details.trim() }
    setMissing(found)
    if (!reason || found.details) {
      document.getElementById(found.reason ? 'dispute-reason' : 'dispute-details')?.focus()
      return
    }
    await step(
      async () =>
        (
          await orderRoute.dispute.$post({
            param: { id: order.id },
            json: { reason, details: details.trim() },
          })
        ).json(),
      'action.dispute.done',
    )
  }
  if (!open) {
    return (
      <div class="order-action order-action--minor" data-action="dispute">
        <button
          type="button"
          class="button button--secondary"
          aria-expanded="false"
          disabled={busy}
          onClick={() => setOpen(true)}
        >
          {t('action.dispute.open')}
        </button>
      </div>
    )
  }
  return (
    <ActionBox id="dispute" title={t('action.dispute.open')}>
      <p>{t('action.dispute.body')}</p>
      <form class="form" noValidate onSubmit={submit}>
        <div class="field">
          <label class="field__label" for="dispute-reason">
            {t('action.dispute.reason')}
          </label>
          <select
            id="dispute-reason"
            class="select"
            required
            aria-invalid={missing.reason ? 'true' : undefined}
            aria-describedby={missing.reason ? 'dispute-reason-error' : undefined}
            onChange={(event: Event) => {
              const value = (event.target as HTMLSelectElement).value
              setReason(disputeReasons.find((option) => option === value) ?? '')
              setMissing((current) => ({ ...current, reason: false }))
            }}
          >
            <option value="" selected={reason === ''}>
              {t('action.dispute.reason.choose')}
            </option>
            {disputeReasons.map((option) => (
              <option value={option} selected={reason === option}>
                {t(`disputeReason.${option}`)}
              </option>
            ))}
          </select>
          {missing.reason && (
            <p class="field__error" id="dispute-reason-error">
              {t('buy.required')}
            </p>
          )}
        </div>
        <TextField
          id="dispute-details"
          label={t('action.dispute.details')}
          value={details}
          onInput={(value) => {
            setDetails(value)
            setMissing((current) => ({ ...current, details: false }))
          }}
          required
          multiline
          error={missing.details ? t('buy.required') : undefined}
        />
        <div class="button-row">
          <button type="submit" class="button button--danger" disabled={busy}>
            {busy ? t('action.busy') : t('action.dispute.submit')}
          </button>
          <button type="button" class="button button--secondary" onClick={() => setOpen(false)}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
    </ActionBox>
  )
}

/** The administrator's settlement: refund the buyer or release the money to the supplier, with a note for both. */
export const ResolveForm = ({
  order,
  busy,
  onResolve,
}: {
  order: Pick<Order, 'id'>
  busy: boolean
  onResolve: (input: { outcome: 'refund' | 'release'; note: string }) => void
}) => {
  const { t } = useI18n()
  const [outcome, setOutcome] = useState<'refund' | 'release'>('refund')
  const [note, setNote] = useState('')
  const [missing, setMissing] = useState(false)
  const noteId = `resolve-note-${order.id}`
  const submit = (event: Event) => {
    event.preventDefault()
    if (!note.trim()) {
      setMissing(true)
      document.getElementById(noteId)?.focus()
      return
    }
    onResolve({ outcome, note: note.trim() })
  }
  return (
    <form class="form resolve-form" noValidate onSubmit={submit} data-resolve={order.id}>
      <fieldset class="radio-cards">
        <legend class="field__label">{t('action.resolve.outcome')}</legend>
        {disputeOutcomes.map((option) => (
          <label class="radio-card">
            <input
              type="radio"
              name={`outcome-${order.id}`}
              value={option}
              class="radio-card__input"
              checked={outcome === option}
              onChange={() => setOutcome(option)}
            />
            <span class="radio-card__title">{t(`resolution.${option}`)}</span>
          </label>
        ))}
      </fieldset>
      <TextField
        id={noteId}
        label={t('action.resolve.note')}
        value={note}
        onInput={(value) => {
          setNote(value)
          setMissing(false)
        }}
        required
        multiline
        error={missing ? t('admin.reason.invalid') : undefined}
      />
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t('action.busy') : t('action.resolve.submit')}
        </button>
      </div>
    </form>
  )
}

const Actions = ({
  order,
  step,
  busy,
  setBusy,
}: {
  order: OrderView
  step: Step
  busy: boolean
  setBusy: (b: boolean) => void
}) => {
  const { t } = useI18n()
  const has = (action: OrderStep) => order.actions.includes(action)
  if (order.actions.length === 0) return null
  return (
    <section class="section order-actions" aria-labelledby="next-title" data-actions={order.actions.join(' ')}>
      <h2 id="next-title">{t('order.next')}</h2>
      {has('confirm_payment') && <ConfirmPaymentAction order={order} step={step} busy={busy} />}
      {has('ship') && <ShipAction order={order} step={step} busy={busy} />}
      {has('receive') && <ReceiveAction order={order} step={step} busy={busy} />}
      {has('record_transfer') && <TransferAction order={order} step={step} busy={busy} />}
      {has('start_checkout') && <CheckoutAction order={order} busy={busy} setBusy={setBusy} />}
      {has('resolve') && (
        <ActionBox id="resolve" title={t('action.resolve.title')}>
          <ResolveForm
            order={order}
            busy={busy}
            onResolve={(input) =>
              step(async () => {
                await api.admin.api.admin.orders[':id'].resolve.$post({ param: { id: order.id }, json: input })
                // The settlement answers with the bare order; the view (with the steps now open) is one more read.
                return fetchOrder(order.id)
              }, 'orderStatus.resolved')
            }
          />
        </ActionBox>
      )}
      {has('dispute') && <DisputeAction order={order} step={step} busy={busy} />}
      {has('cancel') && <CancelAction order={order} step={step} busy={busy} />}
    </section>
  )
}

const Facts = ({ rows }: { rows: [string, Child][] }) => (
  <dl class="details details--compact">
    {rows.map(([label, value]) => (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ))}
  </dl>
)

const OrderDetail = ({
  order,
  onChanged,
  reload,
}: {
  order: OrderView
  onChanged: (next: OrderView) => void
  reload: () => Promise<void>
}) => {
  const { t, locale } = useI18n()
  const catalog = useCatalog()
  const names = useNames(catalog.state === 'ready' ? catalog.data : undefined)
  const { me } = useRequireSignIn()
  const search = new URLSearchParams(useSearch())
  const [busy, setBusy] = useState(false)
  // Kept as a key, so switching language re-words it.
  const [announcement, setAnnouncement] = useState<MessageKey | null>(search.get('placed') ? 'order.placed' : null)
  const [failure, setFailure] = useState<unknown>(null)
  const payment = search.get('payment')
  const at = (iso: string) => formatDateTime(locale, iso)

  const step: Step = async (call, done) => {
    setBusy(true)
    setFailure(null)
    try {
      const next = await call()
      setAnnouncement(done)
      onChanged(next)
      return true
    } catch (error) {
      setFailure(error)
      setAnnouncement(null)
      // Someone else moved the order on meanwhile: show it as it is now, with the error above it.
      if (error instanceof ApiError && error.code === 'order.wrong_status') reload()
      return false
    } finally {
      setBusy(false)
    }
  }

  const shipment = order.shipment
  const dispute = order.dispute
  const refund = order.payment.refund
  return (
    <article class="order-page" data-order-page={order.id} data-status={order.status}>
      <p class="back-link">
        <a href={me?.role === 'admin' ? '/admin/orders' : '/orders'}>
          {t(me?.role === 'admin' ? 'nav.adminOrders' : 'order.backToOrders')}
        </a>
      </p>
      <div class="page-head">
        <h1>{t('order.title')}</h1>
        <StatusBadge kind="order" status={order.status} />
      </div>
      <p class="order-page__number">
        <span>{t('orders.number')}</span> <OrderNumber id={order.id} />
      </p>
      <p class="announcement" role="status">
        {announcement ? t(announcement) : ''}
      </p>
      {failure !== null && <FormError>{describeError(locale, failure)}</FormError>}
      {payment === 'done' && order.status === 'pending_payment' && (
        <p class="notice" data-notice="payment-done">
          {t('order.payment.done')}
        </p>
      )}
      {payment === 'cancelled' && order.status === 'pending_payment' && (
        <p class="notice" data-notice="payment-cancelled">
          {t('order.payment.cancelled')}
        </p>
      )}
      {order.status === 'pending_payment' &&
        (order.payment.transfer ? (
          <p class="notice" data-notice="awaiting-confirmation">
            {t('order.awaitingConfirmation')}
          </p>
        ) : (
          <p class="notice notice--due" data-notice="due">
            {fill(t('order.due'), { at: at(order.paymentDueAt) })}
          </p>
        ))}
      {order.status === 'delivered' && order.autoCompleteAt && (
        <p class="notice" data-notice="auto-complete">
          {fill(t('order.autoComplete'), { at: at(order.autoCompleteAt) })}
        </p>
      )}
      <div class="order-page__grid">
        <div class="order-page__main">
          <Actions order={order} step={step} busy={busy} setBusy={setBusy} />
          <section class="section" aria-labelledby="items-title">
            <h2 id="items-title">{t('order.items')}</h2>
            <div class="table-wrap table-wrap--stack">
              <table class="table table--stack" data-lines>
                <thead>
                  <tr>
                    <th scope="col">{t('order.item')}</th>
                    <th scope="col">{t('order.qty')}</th>
                    <th scope="col">{t('order.unitPrice')}</th>
                    <th scope="col">{t('order.amount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {order.lines.map((line) => (
                    <tr>
                      <td data-label={t('order.item')}>
                        {line.listingId ? (
                          <a href={`/listings/${line.listingId}`}>{localized(locale, line.title)}</a>
                        ) : (
                          localized(locale, line.title)
                        )}
                      </td>
                      <td data-label={t('order.qty')} class="numeric">
                        {fill(t('listing.qty'), { n: line.quantity, unit: names.unit(line.unit) })}
                      </td>
                      <td data-label={t('order.unitPrice')} class="numeric">
                        {fill(t('listing.tiers.perUnit'), { price: formatFen(line.unitPriceFen), unit: names.unit(line.unit) })}
                      </td>
                      <td data-label={t('order.amount')} class="numeric">
                        {formatFen(line.amountFen)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p class="order-total">
              <span>{t('order.total')}</span> <strong data-order-total>{formatFen(order.totalFen)}</strong>
            </p>
          </section>
          <section class="section" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('order.timeline')}</h2>
            <Timeline order={order} />
          </section>
        </div>
        <div class="order-page__side">
          <section class="card order-facts" aria-labelledby="parties-title">
            <h2 id="parties-title" class="card__title">
              {t('order.parties')}
            </h2>
            <Facts
              rows={(['buyer', 'supplier'] as const).map((party) => [
                t(party === 'buyer' ? 'orders.buyer' : 'orders.supplier'),
                <span class="who">
                  <span class="who__name">{order[party].company}</span>
                  <span class="who__meta">{order[party].name}</span>
                  {order[party].phone && <span class="who__meta">{fill(t('order.phone'), { phone: order[party].phone })}</span>}
                </span>,
              ])}
            />
          </section>
          <section class="card order-facts" aria-labelledby="delivery-title">
            <h2 id="delivery-title" class="card__title">
              {t('order.delivery')}
            </h2>
            <Facts
              rows={[
                [
                  t('order.delivery.method'),
                  t(order.delivery.method === 'pickup' ? 'order.delivery.pickup' : 'order.delivery.ship'),
                ],
                ...(order.delivery.method === 'ship'
                  ? ([
                      [t('buy.recipient'), order.delivery.address.name],
                      [t('buy.phone'), order.delivery.address.phone],
                      [t('buy.address'), order.delivery.address.address],
                    ] as [string, Child][])
                  : []),
                ...(order.note ? ([[t('order.note'), order.note]] as [string, Child][]) : []),
              ]}
            />
          </section>
          <section class="card order-facts" aria-labelledby="payment-title" data-payment>
            <h2 id="payment-title" class="card__title">
              {t('order.payment')}
            </h2>
            <Facts
              rows={[
                [
                  t('order.payment.method'),
                  order.payment.method ? t(`order.method.${order.payment.method}`) : t('order.payment.none'),
                ],
                ...(order.payment.transfer
                  ? ([
                      [t('order.transfer.reference'), <code data-transfer-reference>{order.payment.transfer.reference}</code>],
                      [t('order.transfer.paidAt'), order.payment.transfer.paidAt.slice(0, 10)],
                    ] as [string, Child][])
                  : []),
                ...(order.payment.paidAt ? ([[t('order.paidAt'), at(order.payment.paidAt)]] as [string, Child][]) : []),
                ...(refund
                  ? ([
                      [
                        t('order.refund'),
                        fill(t(refund.via === 'stripe' ? 'order.refund.stripe' : 'order.refund.offline'), {
                          amount: formatFen(refund.amountFen),
                          at: at(refund.at),
                        }),
                      ],
                    ] as [string, Child][])
                  : []),
              ]}
            />
          </section>
          {shipment && (
            <section class="card order-facts" aria-labelledby="shipment-title" data-shipment>
              <h2 id="shipment-title" class="card__title">
                {t('order.shipment')}
              </h2>
              <Facts
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
            </section>
          )}
          {dispute && (
            <section class="card order-facts" aria-labelledby="dispute-title" data-dispute>
              <h2 id="dispute-title" class="card__title">
                {t('order.dispute')}
              </h2>
              <Facts
                rows={[
                  [t('order.dispute.reason'), disputeReasonText(locale, dispute.reason)],
                  [t('order.dispute.details'), dispute.details],
                  [t('order.dispute.openedAt'), at(dispute.openedAt)],
                  ...(dispute.resolution
                    ? ([
                        [t('order.resolution'), t(`resolution.${dispute.resolution.outcome}`)],
                        [t('order.resolution.note'), dispute.resolution.note],
                      ] as [string, Child][])
                    : []),
                ]}
              />
            </section>
          )}
        </div>
      </div>
    </article>
  )
}

const OrderNotFound = () => {
  const { t } = useI18n()
  return (
    <div class="state state--empty" data-state="not-found">
      <h1>{t('order.notFound.title')}</h1>
      <p>{t('order.notFound.body')}</p>
      <a href="/orders" class="button button--primary">
        {t('order.backToOrders')}
      </a>
    </div>
  )
}

export const OrderPage = ({ id }: { id: string }) => {
  const { me } = useRequireSignIn()
  // A step answers with the order as it now is; that answer replaces the loaded one.
  const [latest, setLatest] = useState<OrderView | null>(null)
  const order = useResource(() => (me ? fetchOrder(id) : new Promise<OrderView>(() => {})), [id, me?.id])
  if (!me || order.state === 'loading') return <Loading />
  if (order.state === 'error') {
    if (order.error instanceof ApiError && order.error.status === 404) return <OrderNotFound />
    return <ErrorState error={order.error} onRetry={order.reload} />
  }
  const shown = latest?.id === id && latest.version >= order.data.version ? latest : order.data
  // Reads again without leaving the page, so what it says (an error, a confirmation) stays in view.
  const reload = () => fetchOrder(id).then(setLatest, () => {})
  return <OrderDetail order={shown} onChanged={setLatest} reload={reload} />
}
