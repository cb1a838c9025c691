import type { MeResponse } from '@market/contracts'
import { useState } from 'hono/jsx/dom'
import { ApiError } from '../api/client.ts'
import type { OrderView } from '../api/types.ts'
import { describeError, FormError } from '../components/form.tsx'
import { ErrorState, Loading } from '../components/states.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { OrderRating } from '../ratings/order-rating.tsx'
import { useSearch } from '../router.ts'
import { SubjectThreads } from '../threads/subject-threads.tsx'
import { OrderActions } from './actions/order-actions.tsx'
import { AttentionBadge } from './order-card.tsx'
import { OrderFacts, OrderLines } from './order-facts.tsx'
import { OrderNumber } from './order-number.tsx'
import { Timeline } from './timeline.tsx'
import { type Step, useOrder } from './use-order.ts'
import './order-page.css'

/**
 * Where the order stands that the reader should know now: back from paying, payment due, waiting
 * for an administrator, why it was cancelled, completing soon.
 */
const Notices = ({ order }: { order: OrderView }) => {
  const { t, locale } = useI18n()
  const payment = new URLSearchParams(useSearch()).get('payment')
  const unpaid = order.status === 'pending_payment'
  const flags = order.flags ?? []
  const overdue = flags.some((flag) => flag.kind === 'transfer_overdue')
  const { cancellation } = order
  return (
    <>
      {payment === 'done' && unpaid && (
        <p class="notice" data-notice="payment-done">
          {t('order.payment.done')}
        </p>
      )}
      {payment === 'cancelled' && unpaid && (
        <p class="notice" data-notice="payment-cancelled">
          {t('order.payment.cancelled')}
        </p>
      )}
      {flags.map((flag) => (
        <p class="notice notice--due" data-flag={flag.kind}>
          {t(`order.flag.${flag.kind}`)}
        </p>
      ))}
      {order.status === 'cancelled' && cancellation && (
        <p class="notice" data-cancellation={cancellation.reason}>
          {fill(t('order.cancelled.notice'), { reason: t(`cancellation.${cancellation.reason}`) })}
          {cancellation.note && (
            <>
              <br />
              {fill(t('order.cancelled.note'), { note: cancellation.note })}
            </>
          )}
        </p>
      )}
      {unpaid &&
        !overdue &&
        (order.payment.transfer ? (
          <p class="notice" data-notice="awaiting-confirmation">
            {t('order.awaitingConfirmation')}
          </p>
        ) : (
          <p class="notice notice--due" data-notice="due">
            {fill(t('order.due'), { at: formatDateTime(locale, order.paymentDueAt) })}
          </p>
        ))}
      {order.status === 'delivered' && order.autoCompleteAt && (
        <p class="notice" data-notice="auto-complete">
          {fill(t('order.autoComplete'), { at: formatDateTime(locale, order.autoCompleteAt) })}
        </p>
      )}
    </>
  )
}

const OrderDetail = ({
  order,
  me,
  onChanged,
  reload,
}: {
  order: OrderView
  me: MeResponse
  onChanged: (next: OrderView) => void
  reload: () => Promise<void>
}) => {
  const { t, locale } = useI18n()
  const [busy, setBusy] = useState(false)
  // Kept as a key, so switching language re-words it.
  const [announcement, setAnnouncement] = useState<MessageKey | null>(
    new URLSearchParams(useSearch()).get('placed') ? 'order.placed' : null,
  )
  const [failure, setFailure] = useState<unknown>(null)

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

  const admin = me.role === 'admin'
  return (
    <article class="order-page" data-order-page={order.id} data-status={order.status}>
      <p class="back-link">
        <a href={admin ? '/admin/orders' : '/orders'}>{t(admin ? 'nav.adminOrders' : 'order.backToOrders')}</a>
      </p>
      <div class="page-head">
        <h1>{t('order.title')}</h1>
        <AttentionBadge attention={order.attention} />
        <StatusBadge kind="order" status={order.status} />
      </div>
      <p class="order-page__number">
        <span>{t('orders.number')}</span> <OrderNumber order={order} />
      </p>
      <p class="announcement" role="status">
        {announcement ? t(announcement) : ''}
      </p>
      {failure !== null && <FormError>{describeError(locale, failure)}</FormError>}
      <Notices order={order} />
      <div class="order-page__grid">
        <div class="order-page__main">
          <OrderActions order={order} step={step} busy={busy} setBusy={setBusy} />
          <OrderRating order={order} me={me} />
          <OrderLines order={order} />
          <section class="section" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('order.timeline')}</h2>
            <Timeline order={order} />
          </section>
        </div>
        <OrderFacts order={order} />
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

/** One order for one of its parties or an administrator: what it is, where it stands, and the steps open now. */
export const OrderScreen = ({ id, me }: { id: string; me: MeResponse }) => {
  const { order, setLatest, reload } = useOrder(id)
  if (order.state === 'loading') return <Loading />
  if (order.state === 'error') {
    if (order.error instanceof ApiError && order.error.status === 404) return <OrderNotFound />
    return <ErrorState error={order.error} onRetry={order.reload} />
  }
  const party = order.data.buyer.id === me.id || order.data.supplier.id === me.id
  return (
    <>
      <OrderDetail order={order.data} me={me} onChanged={setLatest} reload={reload} />
      {/* An administrator sees the parties' thread here while the order is in dispute (the API decides). */}
      <SubjectThreads kind="order" id={id} me={me} {...(party ? { ask: { label: 'thread.ask.order' as const } } : {})} />
    </>
  )
}
