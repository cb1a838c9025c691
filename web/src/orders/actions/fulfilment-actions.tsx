import { TextField } from '../../components/form.tsx'
import { unfilled, useForm } from '../../components/use-form.ts'
import { nextHourLocal } from '../../i18n/dates.ts'
import { useI18n } from '../../i18n/i18n.ts'
import { type ActionProps, orderRoute } from '../use-order.ts'
import { ActionBox, StepSubmit } from './action-box.tsx'

/** The supplier ships (carrier and tracking number) or, for a pickup, says when the goods wait at the stall. */
export const ShipAction = ({ order, step, busy }: ActionProps) => {
  const { t } = useI18n()
  const pickup = order.delivery.method === 'pickup'
  const form = useForm({ carrier: '', tracking: '', readyAt: nextHourLocal() })
  const { carrier, tracking, readyAt } = form.values
  const submit = form.submit({
    check: () =>
      unfilled(
        pickup
          ? { readyAt: !Number.isNaN(new Date(readyAt).getTime()) }
          : { carrier: Boolean(carrier.trim()), tracking: Boolean(tracking.trim()) },
      ),
    send: () => {
      const json = pickup
        ? { pickupReadyAt: new Date(readyAt).toISOString() }
        : { carrier: carrier.trim(), trackingNumber: tracking.trim() }
      return step(async () => (await orderRoute.ship.$post({ param: { id: order.id }, json })).json(), 'action.ship.done')
    },
  })
  return (
    <ActionBox id="ship" title={t(pickup ? 'action.ship.pickupTitle' : 'action.ship.title')}>
      {pickup && <p>{t('action.ship.pickupBody')}</p>}
      <form class="form" noValidate onSubmit={submit} ref={form.formRef}>
        {pickup ? (
          <TextField
            id="ship-ready-at"
            type="datetime-local"
            label={t('action.ship.pickupReadyAt')}
            value={readyAt}
            onInput={form.set('readyAt')}
            required
            error={form.errorFor('readyAt')}
          />
        ) : (
          <>
            <TextField
              id="ship-carrier"
              label={t('action.ship.carrier')}
              value={carrier}
              onInput={form.set('carrier')}
              required
              error={form.errorFor('carrier')}
            />
            <TextField
              id="ship-tracking"
              label={t('action.ship.tracking')}
              value={tracking}
              onInput={form.set('tracking')}
              required
              error={form.errorFor('tracking')}
            />
          </>
        )}
        <StepSubmit busy={busy} label={t(pickup ? 'action.ship.pickupSubmit' : 'action.ship.submit')} />
      </form>
    </ActionBox>
  )
}

/** The buyer confirms the goods arrived. */
export const ReceiveAction = ({ order, step, busy }: ActionProps) => {
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
