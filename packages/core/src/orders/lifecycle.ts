import type { Order, OrderFlag, OrderFlagKind, TimelineEvent } from '@market/contracts'
import { OrderStateError } from './errors.ts'

/**
 * Where an order stands: its status, and for an unpaid order whether a bank transfer is recorded
 * (then the supplier must confirm or decline it) and whether that has waited too long (then an
 * administrator settles it).
 */
export type Stage = Order['status'] | 'awaiting_confirmation' | 'transfer_overdue'

export const hasFlag = (order: Pick<Order, 'flags'>, kind: OrderFlagKind) =>
  (order.flags ?? []).some((flag) => flag.kind === kind)

export const stageOf = (order: Pick<Order, 'status' | 'payment' | 'flags'>): Stage => {
  if (order.status !== 'pending_payment' || !order.payment.transfer) return order.status
  return hasFlag(order, 'transfer_overdue') ? 'transfer_overdue' : 'awaiting_confirmation'
}

const unpaid = ['pending_payment', 'awaiting_confirmation', 'transfer_overdue'] as const satisfies Stage[]
const transferRecorded = ['awaiting_confirmation', 'transfer_overdue'] as const satisfies Stage[]
const anyStage = [...unpaid, 'paid', 'shipped', 'delivered', 'completed', 'cancelled', 'disputed', 'resolved'] as const

type Rule = {
  by: TimelineEvent['by']
  from: readonly Stage[]
  /** The status after the step; the same status when absent. */
  to?: Order['status']
  /** A flag the step needs, besides the stage (an administrator acknowledges only what was flagged). */
  flagged?: OrderFlagKind
}

/**
 * Who may take each step, and from which stages: the order lifecycle. Once the buyer has recorded
 * a bank transfer, only the supplier (confirm or decline) or, 72 hours on, an administrator
 * (confirm or cancel) moves the order on: the buyer can neither cancel nor record another.
 */
export const steps = {
  record_transfer: { by: 'buyer', from: ['pending_payment'], to: 'pending_payment' },
  start_checkout: { by: 'buyer', from: ['pending_payment'], to: 'pending_payment' },
  confirm_payment: { by: 'supplier', from: unpaid, to: 'paid' },
  decline_transfer: { by: 'supplier', from: transferRecorded, to: 'cancelled' },
  stripe_paid: { by: 'stripe', from: unpaid, to: 'paid' },
  ship: { by: 'supplier', from: ['paid'], to: 'shipped' },
  receive: { by: 'buyer', from: ['shipped'], to: 'delivered' },
  cancel: { by: 'buyer', from: ['pending_payment'], to: 'cancelled' },
  expire: { by: 'system', from: ['pending_payment'], to: 'cancelled' },
  flag_overdue: { by: 'system', from: ['awaiting_confirmation'] },
  confirm_overdue: { by: 'admin', from: ['transfer_overdue'], to: 'paid' },
  cancel_overdue: { by: 'admin', from: ['transfer_overdue'], to: 'cancelled' },
  complete: { by: 'system', from: ['delivered'], to: 'completed' },
  dispute: { by: 'buyer', from: ['paid', 'shipped', 'delivered'], to: 'disputed' },
  resolve: { by: 'admin', from: ['disputed'], to: 'resolved' },
  /** A full refund at Stripe before the goods left: the sale is undone. */
  stripe_refunded: { by: 'stripe', from: ['paid'], to: 'cancelled' },
  /** A payment event recorded and flagged, not applied. */
  payment_anomaly: { by: 'stripe', from: anyStage },
  acknowledge: { by: 'admin', from: anyStage, flagged: 'payment_anomaly' },
} as const satisfies Record<string, Rule>

export type Step = keyof typeof steps

export const paymentWindowMs = 24 * 3600 * 1000
export const completionDelayMs = 7 * 24 * 3600 * 1000
export const disputeWindowMs = 7 * 24 * 3600 * 1000
/** A recorded bank transfer neither confirmed nor declined by then is flagged for an administrator. */
export const transferConfirmationWindowMs = 72 * 3600 * 1000

const rule = (step: Step): Rule => steps[step]

export const canTake = (order: Pick<Order, 'status' | 'payment' | 'flags'>, step: Step) => {
  const { from, flagged } = rule(step)
  return from.includes(stageOf(order)) && (!flagged || hasFlag(order, flagged))
}

/** Refuses (409, naming the status and stage) a step the order cannot take now. */
export const ensureCanTake = (order: Order, step: Step) => {
  if (!canTake(order, step)) throw new OrderStateError(order.status, step.replaceAll('_', ' '), stageOf(order))
}

/** The flags an order has after raising one (kept as it was when already raised) or settling one. */
export const raiseFlag = (order: Order, kind: OrderFlagKind, at: Date): OrderFlag[] =>
  hasFlag(order, kind) ? (order.flags ?? []) : [...(order.flags ?? []), { kind, at: at.toISOString() }]
export const settleFlag = (order: Order, kind: OrderFlagKind): OrderFlag[] =>
  (order.flags ?? []).filter((flag) => flag.kind !== kind)

/**
 * The order after a step: new status, one more timeline entry, a new version. Throws (409) when
 * the step is not allowed from the order's stage; the repository's condition on status and
 * version makes the same check hold under concurrent requests.
 */
export const advance = (order: Order, step: Step, at: Date, changes: Partial<Order> = {}, note?: string): Order => {
  ensureCanTake(order, step)
  const time = at.toISOString()
  const next: Order = {
    ...order,
    ...changes,
    status: rule(step).to ?? order.status,
    version: order.version + 1,
    updatedAt: time,
    timeline: [...order.timeline, { at: time, by: steps[step].by, event: step, ...(note ? { note } : {}) }],
  }
  // An overdue transfer stops being an administrator's business once the order is paid or cancelled.
  return next.status === 'pending_payment' || !hasFlag(next, 'transfer_overdue')
    ? next
    : { ...next, flags: settleFlag(next, 'transfer_overdue') }
}

/** The steps a party can take now: the web shows exactly these as buttons. */
export const nextSteps = (order: Order, role: 'buyer' | 'supplier' | 'admin'): Step[] =>
  (Object.keys(steps) as Step[]).filter((step) => steps[step].by === role && canTake(order, step))
