import type { Order } from '@market/contracts'

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
