import { type Accounts, Orders } from '@market/core'
import { describe, expect, it } from 'vitest'

const deps = { clock: { now: () => new Date('2026-12-01T02:00:00Z') }, ids: { next: () => '01KAWARDORDER0000000000000' } }
const buyer = {
  id: 'B',
  name: '拉姆',
  role: 'buyer',
  company: { name: '拉萨拉姆藏装加工坊', phone: '13989001234' },
} as unknown as Accounts.StoredUser
const award = {
  rfq: { id: 'R', title: '金花缎', categoryId: 'brocade', unit: 'm' as const, deliveryPlace: '拉萨', neededBy: '2026-12-30' },
  bidId: 'X',
  buyer,
  supplier: { id: 'S', name: '次仁', company: '八廓街羊毛行' },
  quantity: 200,
  unitPriceFen: 15_500,
}

describe('an awarded order’s freight and invoice', () => {
  it('puts the bid’s freight on its own line and in the total the buyer pays', () => {
    const order = Orders.orderFromAward(deps, { ...award, freightFen: 12_000, invoice: { type: 'none' } })
    expect(order.lines[0]?.amountFen).toBe(3_100_000)
    expect(order.freightFen).toBe(12_000)
    expect(order.totalFen).toBe(3_112_000)
  })

  it('charges the goods alone when the freight is included, and carries whom the invoice is made out to', () => {
    const invoice = { type: 'special' as const, title: '拉萨拉姆藏装加工坊', taxNumber: '91540100MA6T000X1Y' }
    const order = Orders.orderFromAward(deps, { ...award, freightFen: 0, invoice })
    expect(order.totalFen).toBe(3_100_000)
    expect(order.invoice).toEqual(invoice)
  })
})
