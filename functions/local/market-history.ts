import type { Order, UnitId } from '@market/contracts'
import { defaultIndexMaterials } from '@market/contracts/values'
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
  const openedAt = new Date(deliveredAt.getTime() + day)
  const settledAt = new Date(openedAt.getTime() + 3 * day)
  // History leaves no dispute open: the administrators' queues hold only what the demo's own users do.
  if ((trade.outcome === 'refunded' || trade.outcome === 'released') && settledAt <= now) {
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

const workshops = [
  '拉姆藏装',
  '央金服饰',
  '次珍手工',
  '白玛毡房',
  '德吉刺绣',
  '卓嘎袍服',
  '格桑编织',
  '达娃缝纫',
  '扎西鞋帽',
  '尼玛唐卡绣',
]
const traders = ['八廓街羊毛行', '当雄牦牛绒', '日喀则氆氇坊', '林芝丝绸庄', '山南金花缎', '那曲羊绒社', '拉萨辅料城']

/** A made-up ULID-shaped id (so the demo history's parties never clash with real accounts). */
const historyId = (kind: string, index: number) => `01HIST${kind}${String(index).padStart(20 - kind.length, '0')}`

/** A fixed sequence of numbers in [0, 1): the demo history is the same on every first start. */
const sequence = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
  return seed / 2 ** 31
}

/**
 * Eighteen months of past trade for the demo, so the figures have a year to compare with: about
 * 600 orders between workshops and traders of the market (made-up parties, so the demo accounts'
 * own orders and figures stay as they are), of the materials the demo listings sell at about their
 * prices, rising slowly, and trade growing by roughly a quarter a year.
 */
export const demoTradeHistory = (
  now: Date,
  materials: readonly { categoryId: string; title: PastTrade['title']; unit: UnitId; priceFen: number }[],
  count = 600,
): PastTrade[] => {
  const random = sequence(2026)
  const span = 548
  const outcomes: TradeOutcome[] = [
    'on_time',
    'on_time',
    'on_time',
    'on_time',
    'on_time',
    'on_time',
    'late',
    'refunded',
    'released',
  ]
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T
  const keyMaterials = materials.filter((material) => (defaultIndexMaterials as readonly string[]).includes(material.categoryId))
  return Array.from({ length: count }, (_, index) => {
    // Denser towards now: the number of trades a day grows about 25 % a year.
    const ageDays = span * (1 - Math.log(1 + random() * (1.25 ** 1.5 - 1)) / Math.log(1.25 ** 1.5))
    // Mostly the key materials of the price index, so its weekly medians rest on several trades.
    const material = pick(random() < 0.8 ? keyMaterials : materials)
    const buyer = Math.floor(random() * 40)
    const supplier = Math.floor(random() * 14)
    // Prices move in steps of 2 % (traders quote round prices): a week sees a few distinct prices.
    const drift = 1 + Math.round((0.1 * (1 - ageDays / span) + (random() - 0.5) * 0.2) / 0.02) * 0.02
    return {
      id: historyId('ORDER', index),
      buyer: { id: historyId('BUYER', buyer), name: `${pick(workshops)} ${buyer}`, company: `${pick(workshops)}加工坊` },
      supplier: {
        id: historyId('SUPPLIER', supplier),
        name: traders[supplier % traders.length] as string,
        company: traders[supplier % traders.length] as string,
      },
      categoryId: material.categoryId,
      title: material.title,
      unit: material.unit,
      unitPriceFen: Math.max(100, Math.round((material.priceFen * drift) / 100) * 100),
      quantity: 5 + Math.floor(random() * 120),
      placedAt: new Date(now.getTime() - ageDays * day),
      outcome: pick(outcomes),
    }
  })
}
