import type { DisputeInput, ResolveDisputeInput } from '@market/contracts'
import { disputeOutcomes, disputeReasons } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { TextField } from '../../components/form.tsx'
import { RadioCards } from '../../components/radio-cards.tsx'
import { SelectField } from '../../components/select-field.tsx'
import { unfilled, useForm } from '../../components/use-form.ts'
import { useI18n } from '../../i18n/i18n.ts'
import { type ActionProps, orderRoute } from '../use-order.ts'
import { ActionBox, MinorAction, OpenButton, StepSubmit } from './action-box.tsx'
import './actions.css'

/** Either party opens a dispute, with a reason and what happened. */
export const DisputeAction = ({ order, step, busy }: ActionProps) => {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const form = useForm<{ reason: DisputeInput['reason'] | ''; details: string }>({ reason: '', details: '' })
  if (!open) {
    return (
      <MinorAction id="dispute">
        <OpenButton label={t('action.dispute.open')} busy={busy} onOpen={() => setOpen(true)} />
      </MinorAction>
    )
  }
  const { reason, details } = form.values
  const submit = form.submit({
    check: () => unfilled({ reason: reason !== '', details: Boolean(details.trim()) }),
    send: async () => {
      if (!reason) return
      const json = { reason, details: details.trim() }
      await step(async () => (await orderRoute.dispute.$post({ param: { id: order.id }, json })).json(), 'action.dispute.done')
    },
  })
  return (
    <ActionBox id="dispute" title={t('action.dispute.open')}>
      <p>{t('action.dispute.body')}</p>
      <form class="form" noValidate onSubmit={submit} ref={form.formRef}>
        <SelectField
          id="dispute-reason"
          label={t('action.dispute.reason')}
          value={reason}
          options={disputeReasons}
          optionLabel={(option) => t(`disputeReason.${option}`)}
          onChange={form.set('reason')}
          blank={t('action.dispute.reason.choose')}
          required
          error={form.errorFor('reason')}
        />
        <TextField
          id="dispute-details"
          label={t('action.dispute.details')}
          value={details}
          onInput={form.set('details')}
          required
          multiline
          error={form.errorFor('details')}
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
  orderId,
  busy,
  onResolve,
}: {
  orderId: string
  busy: boolean
  onResolve: (input: ResolveDisputeInput) => Promise<unknown>
}) => {
  const { t } = useI18n()
  const form = useForm<ResolveDisputeInput>({ outcome: 'refund', note: '' })
  const { outcome, note } = form.values
  const submit = form.submit({
    check: () => unfilled({ note: Boolean(note.trim()) }, 'admin.reason.invalid'),
    send: () => onResolve({ outcome, note: note.trim() }),
  })
  return (
    <form class="form resolve-form" noValidate onSubmit={submit} ref={form.formRef} data-resolve={orderId}>
      <RadioCards
        legend={t('action.resolve.outcome')}
        name={`outcome-${orderId}`}
        options={disputeOutcomes}
        value={outcome}
        onChange={form.set('outcome')}
        title={(option) => t(`resolution.${option}`)}
      />
      <TextField
        id={`resolve-note-${orderId}`}
        label={t('action.resolve.note')}
        value={note}
        onInput={form.set('note')}
        required
        multiline
        error={form.errorFor('note')}
      />
      <StepSubmit busy={busy} label={t('action.resolve.submit')} />
    </form>
  )
}

/** The buyer (before payment) may cancel, with an optional reason. */
export const CancelAction = ({ order, step, busy }: ActionProps) => {
  const { t } = useI18n()
  const [confirming, setConfirming] = useState(false)
  const [reason, setReason] = useState('')
  const cancel = async (event: Event) => {
    event.preventDefault()
    const json = reason.trim() ? { reason: reason.trim() } : {}
    await step(async () => (await orderRoute.cancel.$post({ param: { id: order.id }, json })).json(), 'action.cancel.done')
  }
  return (
    <MinorAction id="cancel">
      {!confirming ? (
        <OpenButton label={t('action.cancel')} busy={busy} onOpen={() => setConfirming(true)} />
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
    </MinorAction>
  )
}
