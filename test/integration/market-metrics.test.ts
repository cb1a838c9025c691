import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import type { MetricsReport, Order, PriceIndex } from '@market/contracts'
import { Metrics } from '@market/core'
import { createCertifiedRegistry, createDocumentClient, createMetricsRepository, writeOrderHistory } from '@market/data'
import { beforeAll, describe, expect, it } from 'vitest'
import { type PastTrade, pastOrder, type TradeOutcome } from '../../functions/local/market-history.ts'
import { testDynamo } from '../support/dynamo.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'

/**
 * Must show 2: 2,000 orders over 18 months, written through the repository's bulk writes and the
 * counter writes of their steps; the figures the API answers equal a recomputation from the
 * orders themselves, and reading them costs a bounded, counted number of DynamoDB requests.
 */
const day = 24 * 3600 * 1000
const now = new Date()
const from = `${Metrics.cstDay(new Date(now.getTime() - 548 * day)).slice(0, 7)}-01`
const to = Metrics.cstDay(now)
const materials = ['wool', 'yak-down', 'cashmere', 'pulu', 'brocade', 'silk', 'buttons'] as const

/** A fixed sequence of "random" numbers, so a failure can be replayed. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
  return seed / 2 ** 31
}

const party = (kind: string, index: number) => ({
  id: `01H${kind}${String(index).padStart(23 - kind.length, '0')}`,
  name: `${kind} ${index}`,
  company: `${kind} ${index} 公司`,
})

const trades = (count: number): PastTrade[] => {
  const random = seeded(14)
  const outcomes: TradeOutcome[] = ['on_time', 'on_time', 'on_time', 'on_time', 'on_time', 'late', 'refunded', 'released']
  return Array.from({ length: count }, (_, index) => {
    // More trade lately: a market that grows, so the year-over-year figures are not flat.
    const age = Math.floor(548 * Math.sqrt(random()))
    const categoryId = materials[Math.floor(random() * materials.length)] as string
    return {
      id: `01HORDER${String(index).padStart(18, '0')}`,
      buyer: party('BUYER', Math.floor(random() * 60)),
      supplier: party('SUPPLIER', Math.floor(random() * 15)),
      categoryId,
      title: { zh: categoryId },
      unit: categoryId === 'buttons' ? 'piece' : 'kg',
      unitPriceFen: 5_000 + Math.floor(random() * 40) * 500,
      quantity: 1 + Math.floor(random() * 200),
      placedAt: new Date(now.getTime() - (548 - age) * day - Math.floor(random() * day)),
      outcome: outcomes[Math.floor(random() * outcomes.length)] as TradeOutcome,
    }
  })
}

/** The figures worked out from the orders alone, as the issue defines them. */
const recompute = (orders: Order[], period: string) => {
  const inPeriod = (at: string | undefined, of = period) =>
    at !== undefined && Metrics.periodOf(Metrics.cstDay(at), 'month') === of
  const net = (of: string, category?: string) =>
    orders
      .filter((order) => !category || order.categoryId === category)
      .reduce(
        (sum, order) =>
          sum +
          (inPeriod(order.payment.paidAt, of) ? order.totalFen : 0) -
          (inPeriod(order.payment.refund?.at, of) ? (order.payment.refund?.amountFen ?? 0) : 0),
        0,
      )
  const paid = orders.filter((order) => inPeriod(order.payment.paidAt))
  const shipped = orders.filter((order) => inPeriod(order.shipment?.shippedAt))
  const onTime = shipped.filter((order) => (order.shipment?.shippedAt ?? '') <= (order.shipBy ?? ''))
  const disputes = orders.filter((order) => inPeriod(order.dispute?.openedAt))
  const categories = new Set(
    orders
      .filter((order) => inPeriod(order.payment.paidAt) || inPeriod(order.payment.refund?.at))
      .map((order) => order.categoryId),
  )
  const previous = `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`
  const gmvFen = net(period)
  return {
    gmvFen,
    gmvByCategory: Object.fromEntries([...categories].map((category) => [category, net(period, category)])),
    ordersPaid: paid.length,
    activeBuyers: new Set(paid.map((order) => order.buyer.id)).size,
    activeSuppliers: new Set(paid.map((order) => order.supplier.id)).size,
    onTimeDeliveryRate: shipped.length ? onTime.length / shipped.length : null,
    disputeRate: paid.length ? disputes.length / paid.length : null,
    previousYearGmvFen: net(previous),
    growthPercent: net(previous) > 0 ? Math.round((gmvFen / net(previous) - 1) * 1000) / 10 : null,
  }
}

let market: TestMarket
let adminCookie: string
let orders: Order[]

beforeAll(async () => {
  market = await startTestMarket('market-metrics')
  adminCookie = (await market.signInAdmin()).cookie
  const history = trades(2000).map((trade) => pastOrder(trade, now))
  orders = history.map((entry) => entry.order)
  await writeOrderHistory(market.db, market.tableName, history)
}, 120_000)

describe('the market figures', () => {
  it('equal a recomputation from 2,000 orders over 18 months, month by month', async () => {
    const answer = await market.call<MetricsReport>(`/api/admin/metrics?from=${from}&to=${to}&granularity=month`, {
      cookie: adminCookie,
    })
    expect(answer.status).toBe(200)
    expect(answer.body.periods.length).toBeGreaterThanOrEqual(18)
    expect(answer.body.periods.reduce((sum, period) => sum + period.ordersPaid, 0)).toBe(
      orders.filter((order) => order.payment.paidAt).length,
    )
    for (const period of answer.body.periods) {
      expect(period, period.period).toMatchObject(recompute(orders, period.period))
      expect(period.targetGrowthPercent).toBe(Metrics.targetPercentOf(Number(period.period.slice(0, 4)), {}))
    }
    const lastYear = answer.body.periods.filter((period) => period.previousYearGmvFen > 0)
    expect(lastYear.length).toBeGreaterThan(0)
    expect(lastYear.every((period) => period.growthPercent !== null)).toBe(true)
  })

  it('by week too, the weeks adding up to the orders paid', async () => {
    const weekly = await market.call<MetricsReport>(`/api/admin/metrics?from=${from}&to=${to}&granularity=week`, {
      cookie: adminCookie,
    })
    expect(weekly.status).toBe(200)
    const paidSince = orders.filter(
      (order) => order.payment.paidAt && Metrics.cstDay(order.payment.paidAt) >= Metrics.weekOf(from),
    )
    expect(weekly.body.periods.reduce((sum, period) => sum + period.ordersPaid, 0)).toBe(paidSince.length)
  })

  it('are read with one Query per shard and one Get, whatever the number of orders: no Scan', async () => {
    const commands: string[] = []
    const db = createDocumentClient(new DynamoDBClient(testDynamo()))
    db.middlewareStack.add(
      (next, context) => async (args) => {
        commands.push(String(context.commandName))
        return next(args)
      },
      { step: 'initialize', name: 'recordCommands' },
    )
    await Metrics.marketMetrics(
      {
        metrics: createMetricsRepository(db, market.tableName),
        registry: createCertifiedRegistry(db, market.tableName),
        clock: { now: () => new Date() },
      },
      { from, to, granularity: 'month' },
    )
    expect(commands.filter((name) => name === 'QueryCommand')).toHaveLength(4)
    // The growth targets and the registry of certified suppliers.
    expect(commands.filter((name) => name !== 'QueryCommand')).toEqual(['GetItemCommand', 'GetItemCommand'])
  })

  it('give a public price index equal to the weekly median of the paid orders’ unit prices', async () => {
    const answer = await market.call<PriceIndex>('/api/market/price-index?material=wool&weeks=52')
    expect(answer.status).toBe(200)
    const series = answer.body.series.find((entry) => entry.unit === 'kg')
    expect(series?.trades).toBeGreaterThan(100)
    for (const point of series?.points ?? []) {
      const prices = orders
        .filter((order) => order.categoryId === 'wool' && order.payment.paidAt)
        .filter((order) => Metrics.weekOf(Metrics.cstDay(order.payment.paidAt as string)) === point.week)
        .map((order) => order.lines[0]?.unitPriceFen as number)
        .sort((a, b) => a - b)
      const middle = Math.floor(prices.length / 2)
      const median = prices.length % 2 ? prices[middle] : ((prices[middle - 1] as number) + (prices[middle] as number)) / 2
      expect(point, point.week).toEqual({
        week: point.week,
        trades: prices.length,
        medianUnitPriceFen: prices.length ? median : null,
      })
    }
  })

  it('are for administrators only, and refuse a span they would not read boundedly', async () => {
    expect((await market.call(`/api/admin/metrics?from=${from}&to=${to}`)).status).toBe(401)
    const buyer = await market.register('buyer')
    expect((await market.call(`/api/admin/metrics?from=${from}&to=${to}`, { cookie: buyer.cookie })).status).toBe(403)
    const tooLong = await market.call('/api/admin/metrics?from=2015-01-01&to=2025-01-01', { cookie: adminCookie })
    expect(tooLong.status).toBe(400)
    const reversed = await market.call('/api/admin/metrics?from=2025-02-01&to=2025-01-01', { cookie: adminCookie })
    expect(reversed.status).toBe(400)
    // Outside the calendar the market keeps (years of four digits, sorted as text), refused before any work.
    const farOff = await market.call('/api/admin/metrics?from=9999-01-01&to=9999-12-31', { cookie: adminCookie })
    expect(farOff.status).toBe(400)
  })

  it('put each year’s growth beside its target, which an administrator may change (audited)', async () => {
    const year = Number(to.slice(0, 4))
    const set = await market.call('/api/admin/metrics/targets', {
      method: 'PUT',
      cookie: adminCookie,
      body: { year, growthPercent: 25 },
    })
    expect(set.status).toBe(200)
    const report = await market.call<MetricsReport>(`/api/admin/metrics?from=${year}-01-01&to=${to}`, { cookie: adminCookie })
    expect(report.body.periods.every((period) => period.targetGrowthPercent === 25)).toBe(true)
    const audit = await market.call<{ items: { action: string; targetId: string }[] }>('/api/admin/audit', {
      cookie: adminCookie,
    })
    expect(audit.body.items).toContainEqual(expect.objectContaining({ action: 'metrics.target.set', targetId: String(year) }))
  })
})
