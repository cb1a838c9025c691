import type { OrderStep } from '@market/contracts'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.ts'
import type { ActionProps } from '../use-order.ts'
import { ActionBox } from './action-box.tsx'
import { AdminStepActions, adminStep } from './admin-actions.tsx'
import { CancelAction, DisputeAction, ResolveForm } from './dispute-actions.tsx'
import { ReceiveAction, ShipAction } from './fulfilment-actions.tsx'
import { CheckoutAction, ConfirmPaymentAction, DeclineTransferAction, TransferAction } from './payment-actions.tsx'

/** The steps this reader may take now, as the API lists them for the order; the commonest first, the ones that undo last. */
export const OrderActions = ({ order, step, busy, setBusy }: ActionProps & { setBusy: (busy: boolean) => void }) => {
  const { t } = useI18n()
  const has = (action: OrderStep) => order.actions.includes(action)
  if (order.actions.length === 0) return null
  const props = { order, step, busy }
  return (
    <section class="section order-actions" aria-labelledby="next-title" data-actions={order.actions.join(' ')}>
      <h2 id="next-title">{t('order.next')}</h2>
      {has('confirm_payment') && <ConfirmPaymentAction {...props} />}
      {has('decline_transfer') && <DeclineTransferAction {...props} />}
      <AdminStepActions
        order={order}
        busy={busy}
        onTake={(taken, note) => {
          const { call, done } = adminStep(taken, order.id, note)
          step(call, done)
        }}
      />
      {has('ship') && <ShipAction {...props} />}
      {has('receive') && <ReceiveAction {...props} />}
      {has('record_transfer') && <TransferAction {...props} />}
      {has('start_checkout') && <CheckoutAction order={order} busy={busy} setBusy={setBusy} />}
      {has('resolve') && (
        <ActionBox id="resolve" title={t('action.resolve.title')}>
          <ResolveForm
            orderId={order.id}
            busy={busy}
            onResolve={(json) =>
              step(
                async () => (await api.admin.api.admin.orders[':id'].resolve.$post({ param: { id: order.id }, json })).json(),
                'orderStatus.resolved',
              )
            }
          />
        </ActionBox>
      )}
      {has('dispute') && <DisputeAction {...props} />}
      {has('cancel') && <CancelAction {...props} />}
    </section>
  )
}
