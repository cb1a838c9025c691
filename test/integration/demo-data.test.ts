import type { Order, SupplierProfile } from '@market/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import { demoOrders } from '../../functions/local/demo-market.ts'
import { demoAccounts } from '../../functions/local/seed.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'

let market: TestMarket

beforeAll(async () => {
  market = await startTestMarket('demo-data', { demoListings: true })
})

describe('the demo market', () => {
  it('shows the demo supplier’s page with ratings, replies and figures from its orders', async () => {
    const supplier = await market.signIn(demoAccounts.supplier.email, demoAccounts.supplier.password)
    const page = await market.call<SupplierProfile>(`/api/suppliers/${supplier.user.id}`)
    expect(page.status).toBe(200)
    // Four of its five orders are rated; one was ready two days after the listing's lead time.
    expect(page.body.ratings.count).toBe(4)
    expect(page.body.ratings.histogram.reduce((sum, n) => sum + n, 0)).toBe(4)
    expect(page.body.recent.items.filter((rating) => rating.reply).length).toBe(3)
    expect(page.body.figures).toMatchObject({ shipped: 5, shippedOnTime: 4, completed: 4 })
    expect(page.body.figures.monthsOnExchange).toBeGreaterThanOrEqual(3)
    expect(page.body.figures.medianResponseMinutes).not.toBeNull()
  })

  it('leaves the demo buyer one received order still waiting for its rating', async () => {
    const buyer = await market.signIn(demoAccounts.buyer.email, demoAccounts.buyer.password)
    const orders = await market.call<{ items: Order[] }>('/api/orders?role=buyer&limit=50', { cookie: buyer.cookie })
    const waiting = orders.body.items.filter((order) => order.status === 'delivered' && !order.ratingId)
    expect(waiting.map((order) => order.lines[0]?.title.zh)).toEqual([demoOrders.at(-1)?.listing])
    const rated = orders.body.items.filter((order) => order.status === 'completed' && order.ratingId)
    expect(rated.length).toBe(demoOrders.filter((order) => order.buyer === 'lhamo' && order.rating).length)
  })
})
