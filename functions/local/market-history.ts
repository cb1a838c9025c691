import type { Order, UnitId } from '@market/contracts'
import { Metrics, Orders, Ratings } from '@market/core'

/** How a past trade went: completed (shipped on time or late), or disputed and refunded or released. */
export type TradeOutcome = 'on_time' | 'late' | 'refunded' | 'released'

export type PastTrade = {
  id: string
  buyer: Order['buyer']
  supplier: Order['supplier']
  categoryId: string
  title: Order['lines'][number]['title']
  unit: UnitId
  unitPriceFen: number
  quantity: number
  placedAt: Date
  outcome: TradeOutcome
}

const hour = 3600 * 1000
const day = 24 * hour
const leadTimeDays = 3

/**
 * A past order taken through the order lifecycle's own steps (so every state is one the market
 * can reach), with what each step added to the market's figures. Steps not yet due at `now` are
 * not taken: a recent order is still on its way.
 */
export const pastOrder = (trade: PastTrade, now: Date) => {
  const placed = trade.placedAt.toISOString()
  const amountFen = trade.unitPriceFen * trade.quantity
  let order: Order = {
    id: trade.id,
    source: 'listing',
    buyer: trade.buyer,
    supplier: trade.supplier,
    lines: [{ title: trade.title, unit: trade.unit, quantity: trade.quantity, unitPriceFen: trade.unitPriceFen, amountFen }],
    leadTimeDays,
    categoryId: trade.categoryId,
    totalFen: amountFen,
    currency: 'CNY',
    status: 'pending_payment',
    version: 1,
    delivery: { method: 'pickup' },
    payment: {},
    timeline: [{ at: placed, by: 'buyer', event: 'placed' }],
    createdAt: placed,
    updatedAt: placed,
    paymentDueAt: new Date(trade.placedAt.getTime() + Orders.paymentWindowMs).toISOString(),
  }
  const changes: Metrics.MarketChange[] = []
  const step = (name: Orders.Step, at: Date, fields: (at: string) => Partial<Order> = () => ({})) => {
    if (at > now) return false
    const next = Ratings.withShipBy(order, Orders.advance(order, name, at, fields(at.toISOString())))
    const change = Metrics.orderMarketChange(order, next)
    if (change) changes.push(change)
    order = next
    return true
  }
  const paidAt = new Date(trade.placedAt.getTime() + 2 * hour)
  const shippedAt = new Date(paidAt.getTime() + (trade.outcome === 'late' ? leadTimeDays + 2 : 1) * day)
  const deliveredAt = new Date(shippedAt.getTime() + 2 * day)
  const done =
    step('confirm_payment', paidAt, (at) => ({ payment: { method: 'bank_transfer', paidAt: at } })) &&
    step('ship', shippedAt, (at) => ({
      shipment: { carrier: '德邦物流', trackingNumber: `DB${trade.id.slice(-10)}`, shippedAt: at },
    })) &&
    step('receive', deliveredAt, (at) => ({
      deliveredAt: at,
      autoCompleteAt: new Date(Date.parse(at) + Orders.completionDelayMs).toISOString(),
    }))
  if (!done) return { order, changes }
  if (trade.outcome === 'refunded' || trade.outcome === 'released') {
    const openedAt = new Date(deliveredAt.getTime() + day)
    const settledAt = new Date(openedAt.getTime() + 3 * day)
    if (
      step('dispute', openedAt, (at) => ({ dispute: { reason: 'not_as_described', details: '颜色与样品不符', openedAt: at } }))
    ) {
      step('resolve', settledAt, (at) => ({
        ...(trade.outcome === 'refunded'
          ? { payment: { ...order.payment, refund: { at, amountFen, via: 'offline' as const } } }
          : {}),
        dispute: {
          ...(order.dispute as NonNullable<Order['dispute']>),
          resolution: { outcome: trade.outcome === 'refunded' ? 'refund' : 'release', note: '双方协商', at, adminId: 'demo' },
        },
      }))
    }
  } else {
    step('complete', new Date(deliveredAt.getTime() + Orders.completionDelayMs))
  }
  return { order, changes }
}
