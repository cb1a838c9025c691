import type { Order, OrderAttention } from '@market/contracts'
import { stageOf } from './lifecycle.ts'

export type Party = 'buyer' | 'supplier'
export const parties = ['buyer', 'supplier'] as const satisfies Party[]

/**
 * What an order waits for from one of its parties, or null when it waits for the other one (or for
 * nobody). A recorded transfer is the supplier's to confirm, overdue or not: the buyer has done
 * its part, so the order no longer asks the buyer to pay.
 */
export const attentionOf = (
  order: Pick<Order, 'status' | 'payment' | 'flags' | 'ratingId'>,
  party: Party,
): OrderAttention | null => {
  const stage = stageOf(order)
  if (party === 'supplier') {
    if (stage === 'awaiting_confirmation' || stage === 'transfer_overdue') return 'confirm_transfer'
    return stage === 'paid' ? 'ship' : null
  }
  if (stage === 'pending_payment') return 'pay'
  if (stage === 'shipped') return 'receive'
  return (stage === 'delivered' || stage === 'completed') && !order.ratingId ? 'rate' : null
}
