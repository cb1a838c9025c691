import type { Listing, NotificationsResponse, Order, OrderAttention } from '@market/contracts'
import type { TestMarket } from './market.ts'

/** An order as placed from a listing: 60 m of yak down blend at 168 yuan, awaiting payment. */
export const anOrder = (overrides: Partial<Order> = {}): Order => ({
  id: '01KORDER0000000000000000001',
  source: 'listing',
  buyer: { id: 'BUYER1', name: '拉姆', company: '拉萨拉姆藏装加工坊' },
  supplier: { id: 'SUPPLIER1', name: '次仁', company: '八廓街羊毛行', stall: '冲赛康 2 楼 18 号' },
  lines: [
    {
      listingId: 'LISTING1',
      title: { zh: '牦牛绒混纺面料', en: 'Yak Down Blend Fabric' },
      unit: 'm',
      quantity: 60,
      unitPriceFen: 16800,
      amountFen: 1_008_000,
    },
  ],
  totalFen: 1_008_000,
  currency: 'CNY',
  status: 'pending_payment',
  version: 1,
  delivery: { method: 'pickup' },
  payment: {},
  timeline: [{ at: '2026-03-01T08:00:00.000Z', by: 'buyer', event: 'placed' }],
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-01T08:00:00.000Z',
  paymentDueAt: '2026-03-02T08:00:00.000Z',
  ...overrides,
})

/** Today in Lhasa (UTC+8): the date a buyer gives for a transfer sent today. */
export const lhasaToday = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)

export type OrderView = Order & { actions: string[]; paymentMethods: string[]; attention: OrderAttention | null }
export type ErrorBody = { error: { code: string; details?: unknown } }
type Caller = { cookie: string }

/** The order calls of a market's parties: place, take a step, read an order, a listing's stock, an inbox. */
export const orderCalls = (market: TestMarket) => ({
  order: (buyer: Caller, body: Record<string, unknown>, key?: string) =>
    market.call<OrderView & ErrorBody>('/api/orders', {
      method: 'POST',
      cookie: buyer.cookie,
      body: { delivery: { method: 'pickup' }, ...body },
      ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
    }),

  /** A step on an order: `/api/orders/:id/<action>`, or an administrator's `/api/admin/orders/:id/<action>`. */
  step: (who: Caller, orderId: string, action: string, body?: unknown, scope: 'orders' | 'admin/orders' = 'orders') =>
    market.call<OrderView & ErrorBody>(`/api/${scope}/${orderId}/${action}`, {
      method: 'POST',
      cookie: who.cookie,
      ...(body ? { body } : {}),
    }),

  view: async (who: Caller, orderId: string) =>
    (await market.call<OrderView>(`/api/orders/${orderId}`, { cookie: who.cookie })).body,

  stockOf: async (listing: Listing, who: Caller) =>
    (await market.call<Listing>(`/api/listings/${listing.id}`, { cookie: who.cookie })).body.stock,

  notificationTypes: async (who: Caller) =>
    (await market.call<NotificationsResponse>('/api/notifications', { cookie: who.cookie })).body.items.map((item) => item.type),
})
