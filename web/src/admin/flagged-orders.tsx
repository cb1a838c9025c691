import type { OrderFlagKind } from '@market/contracts'
import { api } from '../api/client.ts'
import type { AdminOrder } from '../api/types.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { useRowAction } from '../api/use-row-action.ts'
import { PagedList } from '../components/paged-view.tsx'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import { AdminStepActions, adminStep } from '../orders/actions/admin-actions.tsx'
import { AnomalyText } from '../orders/anomaly-text.tsx'
import { AdminOrderCard, type CardRow } from './admin-order-card.tsx'

const titles = {
  transfer_overdue: { title: 'adminOrders.overdue.title', empty: 'adminOrders.overdue.empty' },
  payment_anomaly: { title: 'adminOrders.anomalies.title', empty: 'adminOrders.anomalies.empty' },
} as const satisfies Record<OrderFlagKind, { title: string; empty: string }>

/** What the flag is about: the transfer the buyer recorded, or what the payment platform reported. */
const useFlagRows = () => {
  const { t, locale } = useI18n()
  const at = (iso: string) => formatDateTime(locale, iso)
  return (order: AdminOrder, kind: OrderFlagKind): CardRow[] => {
    const flaggedAt = order.flags?.find((flag) => flag.kind === kind)?.at
    const transfer = order.payment.transfer
    return [
      ...(flaggedAt ? ([[t('adminOrders.flaggedAt'), at(flaggedAt)]] satisfies CardRow[]) : []),
      ...(kind === 'transfer_overdue' && transfer
        ? ([
            [
              t('adminOrders.transfer'),
              fill(t('adminOrders.transfer.value'), {
                reference: transfer.reference,
                date: transfer.paidAt.slice(0, 10),
                at: at(transfer.recordedAt),
              }),
            ],
          ] satisfies CardRow[])
        : []),
      ...(kind === 'payment_anomaly'
        ? (order.payment.anomalies ?? []).map(
            (anomaly): CardRow => [t(`anomaly.${anomaly.kind}`), <AnomalyText anomaly={anomaly} />],
          )
        : []),
    ]
  }
}

/**
 * The orders flagged `kind`, oldest first, each with the steps the API offers the administrator
 * on it (confirm or cancel an overdue transfer; acknowledge anomalies), taken with a note.
 */
export const FlaggedOrders = ({
  kind,
  changes,
  onChanged,
}: {
  kind: OrderFlagKind
  changes: number
  onChanged: (message: string) => void
}) => {
  const { t } = useI18n()
  const rowsOf = useFlagRows()
  const { busy, failure, run } = useRowAction()
  const orders = usePaged(
    async (cursor) => (await api.admin.api.admin.orders.$get({ query: { flag: kind, ...pageQuery(25, cursor) } })).json(),
    [kind, changes],
  )
  return (
    <section class="section" aria-labelledby={`${kind}-title`} data-flagged={kind}>
      <h2 id={`${kind}-title`}>{t(titles[kind].title)}</h2>
      <PagedList
        list={orders}
        empty={t(titles[kind].empty)}
        class="order-list"
        moreLabel={t('admin.loadMore')}
        item={(order) => (
          <AdminOrderCard order={order} rows={rowsOf(order, kind)} failure={failure?.id === order.id ? failure.error : undefined}>
            <AdminStepActions
              order={order}
              busy={busy === order.id}
              onTake={(step, note) =>
                run(order.id, async () => {
                  await adminStep(step, order.id, note).call()
                  onChanged(fill(t('adminOrders.done'), { number: order.id }))
                })
              }
            />
          </AdminOrderCard>
        )}
      />
    </section>
  )
}
