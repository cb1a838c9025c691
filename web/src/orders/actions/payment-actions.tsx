import { useRef, useState } from 'hono/jsx/dom'
import { photoUrl } from '../../api/client.ts'
import type { OrderView } from '../../api/types.ts'
import { CopyButton } from '../../components/copy-button.tsx'
import { describeError, FormError, TextField } from '../../components/form.tsx'
import { unfilled, useForm } from '../../components/use-form.ts'
import { lhasaDateOf, lhasaToday } from '../../i18n/dates.ts'
import { fill, formatDateTime, useI18n } from '../../i18n/i18n.ts'
import { formatFen } from '../../listings/money.ts'
import { OrderNumber } from '../order-number.tsx'
import { type ActionProps, orderRoute } from '../use-order.ts'
import { ActionBox, StepSubmit } from './action-box.tsx'
import { NoteAction } from './note-action.tsx'

/** One line of the transfer box: its label, its value and a button that copies what the bank's app needs. */
const PayeeLine = ({
  label,
  value,
  copy = value,
  children,
}: {
  label: string
  value: string
  copy?: string
  children?: unknown
}) => (
  <>
    <dt>{label}</dt>
    <dd>
      {children ?? value}
      <CopyButton text={copy} label={label} />
    </dd>
  </>
)

/** An account number in groups of four, as printed on bank cards; copied without the spaces. */
const grouped = (number: string) => number.replace(/(\d{4})(?=\d)/g, '$1 ')

/**
 * Where to send the money: the supplier's approved account (户名, 开户行, 账号), the amount and the
 * memo (the short order number), each copied with one tap; the supplier's phone to call.
 */
export const TransferPayee = ({ order }: { order: OrderView }) => {
  const { t } = useI18n()
  const { payee } = order
  const phone = payee?.phone ?? order.supplier.phone
  const memo = order.orderNumber ?? order.id
  return (
    <dl class="details details--compact transfer-details" data-transfer-box>
      {payee ? (
        <>
          <PayeeLine label={t('action.transfer.holder')} value={payee.holder}>
            <span data-payee-holder>{payee.holder}</span>
          </PayeeLine>
          <PayeeLine label={t('action.transfer.bank')} value={payee.bank}>
            <span data-payee-bank>{payee.bank}</span>
          </PayeeLine>
          <PayeeLine label={t('action.transfer.number')} value={payee.number}>
            <code class="account-number" data-payee-number>
              {grouped(payee.number)}
            </code>
          </PayeeLine>
        </>
      ) : (
        <>
          <dt>{t('action.transfer.payee')}</dt>
          <dd data-payee>
            {order.supplier.company}
            <br />
            <small>{t('action.transfer.noAccount')}</small>
          </dd>
        </>
      )}
      <PayeeLine label={t('action.transfer.amount')} value={formatFen(order.totalFen)} copy={(order.totalFen / 100).toFixed(2)}>
        <strong>{formatFen(order.totalFen)}</strong>
      </PayeeLine>
      <PayeeLine label={t('action.transfer.memo')} value={memo}>
        <OrderNumber order={order} />
      </PayeeLine>
      {phone && (
        <>
          <dt>{t('action.transfer.phone')}</dt>
          <dd>
            <a href={`tel:${phone.replace(/[\s-]/g, '')}`} data-payee-phone>
              {phone}
            </a>
          </dd>
        </>
      )}
      {payee?.collectionQr && (
        <>
          <dt>{t('action.transfer.qr')}</dt>
          <dd>
            <img
              class="collection-qr"
              src={photoUrl(payee.collectionQr)}
              alt={t('action.transfer.qr')}
              width={180}
              height={180}
            />
          </dd>
        </>
      )}
    </dl>
  )
}

/**
 * The buyer's bank transfer: where to send how much with which reference, then what was sent, once
 * (a date between the day of the order and today); from then on it is the supplier's to confirm.
 */
export const TransferAction = ({ order, step, busy }: ActionProps) => {
  const { t } = useI18n()
  const form = useForm({ reference: '', paidAt: lhasaToday() })
  const { reference, paidAt } = form.values
  const submit = form.submit({
    check: () => unfilled({ reference: Boolean(reference.trim()), paidAt: /^\d{4}-\d{2}-\d{2}$/.test(paidAt) }),
    send: () => {
      const json = { reference: reference.trim(), paidAt }
      return step(async () => (await orderRoute.transfer.$post({ param: { id: order.id }, json })).json(), 'action.transfer.done')
    },
  })
  return (
    <ActionBox id="record_transfer" title={t('action.transfer.title')}>
      <p>{t('action.transfer.instructions')}</p>
      <TransferPayee order={order} />
      <p>{t('action.transfer.then')}</p>
      <form class="form" noValidate onSubmit={submit} ref={form.formRef}>
        <TextField
          id="transfer-reference"
          label={t('action.transfer.reference')}
          hint={t('action.transfer.reference.hint')}
          value={reference}
          onInput={form.set('reference')}
          required
          error={form.errorFor('reference')}
        />
        <TextField
          id="transfer-paid-at"
          type="date"
          label={t('action.transfer.paidAt')}
          min={lhasaDateOf(order.createdAt)}
          max={lhasaToday()}
          value={paidAt}
          onInput={form.set('paidAt')}
          required
          error={form.errorFor('paidAt')}
        />
        <StepSubmit busy={busy} label={t('action.transfer.submit')} />
      </form>
    </ActionBox>
  )
}

/** Card, Alipay or WeChat Pay: off to Stripe Checkout and back. */
export const CheckoutAction = ({ order, busy, setBusy }: Omit<ActionProps, 'step'> & { setBusy: (busy: boolean) => void }) => {
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

/** The supplier confirms the transfer arrived. */
export const ConfirmPaymentAction = ({ order, step, busy }: ActionProps) => {
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

/** The supplier says the recorded transfer never arrived: the order is cancelled, with its words to the buyer. */
export const DeclineTransferAction = ({ order, step, busy }: ActionProps) => (
  <NoteAction
    id="decline_transfer"
    labels={{
      open: 'action.declineTransfer.open',
      note: 'action.declineTransfer.reason',
      submit: 'action.declineTransfer.submit',
    }}
    busy={busy}
    onConfirm={(reason) =>
      step(
        async () => (await orderRoute['decline-transfer'].$post({ param: { id: order.id }, json: { reason } })).json(),
        'action.declineTransfer.done',
      )
    }
  />
)
