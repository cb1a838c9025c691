import type { Order, TimelineEvent } from '@market/contracts'
import { OrderStateError } from './errors.ts'

/** Who may take each step, and from which statuses: the order lifecycle. */
export const steps = {
  record_transfer: { by: 'buyer', from: ['pending_payment'], to: 'pending_payment' },
  start_checkout: { by: 'buyer', from: ['pending_payment'], to: 'pending_payment' },
  confirm_payment: { by: 'supplier', from: ['pending_payment'], to: 'paid' },
  stripe_paid: { by: 'stripe', from: ['pending_payment'], to: 'paid' },
  ship: { by: 'supplier', from: ['paid'], to: 'shipped' },
  receive: { by: 'buyer', from: ['shipped'], to: 'delivered' },
  cancel: { by: 'buyer', from: ['pending_payment'], to: 'cancelled' },
  expire: { by: 'system', from: ['pending_payment'], to: 'cancelled' },
  complete: { by: 'system', from: ['delivered'], to: 'completed' },
  dispute: { by: 'buyer', from: ['paid', 'shipped', 'delivered'], to: 'disputed' },
  resolve: { by: 'admin', from: ['disputed'], to: 'resolved' },
} as const satisfies Record<string, { by: TimelineEvent['by']; from: Order['status'][]; to: Order['status'] }>

export type Step = keyof typeof steps

export const paymentWindowMs = 24 * 3600 * 1000
export const completionDelayMs = 7 * 24 * 3600 * 1000
export const disputeWindowMs = 7 * 24 * 3600 * 1000

export const canTake = (order: Pick<Order, 'status'>, step: Step) =>
  (steps[step].from as readonly string[]).includes(order.status)

/**
 * The order after a step: new status, one more timeline entry, a new version. Throws (409) when
 * the step is not allowed from the order's status; the repository's condition on status and
 * version makes the same check hold under concurrent requests.
 */
export const advance = (order: Order, step: Step, at: Date, changes: Partial<Order> = {}, note?: string): Order => {
  if (!canTake(order, step)) throw new OrderStateError(order.status, step.replace('_', ' '))
  const time = at.toISOString()
  return {
    ...order,
    ...changes,
    status: steps[step].to,
    version: order.version + 1,
    updatedAt: time,
    timeline: [...order.timeline, { at: time, by: steps[step].by, event: step, ...(note ? { note } : {}) }],
  }
}

/** The steps a party can take now: the web shows exactly these as buttons. */
export const nextSteps = (order: Order, role: 'buyer' | 'supplier' | 'admin'): Step[] =>
  (Object.keys(steps) as Step[]).filter((step) => steps[step].by === role && canTake(order, step))
