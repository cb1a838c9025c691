import type { MetricsReport, PriceIndex } from '@market/contracts'
import { defaultIndexMaterials } from '@market/contracts/values'
import { Metrics } from '@market/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { startTestMarket, type TestMarket } from '../support/market.ts'

/**
 * Must show 3: the demo data's 18 months give year-over-year growth beside the plan's target, and
 * the price index answers anyone for the demo's key materials.
 */
let market: TestMarket

beforeAll(async () => {
  market = await startTestMarket('market-demo', { demoListings: true })
}, 180_000)

describe('the demo market’s figures', () => {
  it('show growth against the same months a year earlier beside the plan’s target', async () => {
    const admin = await market.signInAdmin()
    const today = Metrics.cstDay(new Date())
    const from = `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`
    const answer = await market.call<MetricsReport>(`/api/admin/metrics?from=${from}&to=${today}`, { cookie: admin.cookie })
    expect(answer.status).toBe(200)
    const compared = answer.body.periods.filter((period) => period.growthPercent !== null)
    expect(compared.length).toBeGreaterThanOrEqual(5)
    for (const period of answer.body.periods) {
      expect(period.targetGrowthPercent).toBe(Metrics.targetPercentOf(Number(period.period.slice(0, 4)), {}))
    }
    // Whole months: the current one may be a day old.
    for (const period of answer.body.periods.slice(0, -1)) {
      expect(period.gmvFen).toBeGreaterThan(0)
      expect(Object.keys(period.gmvByCategory).length).toBeGreaterThan(1)
    }
  })

  it('publish a weekly price index of each key material to anyone, signed in or not', async () => {
    const index = await market.call<PriceIndex>('/api/market/price-index?weeks=52')
    expect(index.status).toBe(200)
    expect(index.body.weeks).toHaveLength(52)
    const materials = new Set(index.body.series.map((series) => series.categoryId))
    expect([...materials].sort()).toEqual([...defaultIndexMaterials].sort())
    for (const series of index.body.series.filter((entry) => entry.trades > 20)) {
      const priced = series.points.filter((point) => point.medianUnitPriceFen !== null)
      expect(priced.length).toBeGreaterThan(5)
      expect(priced.every((point) => point.trades > 0 && (point.medianUnitPriceFen ?? 0) > 0)).toBe(true)
    }
    const wool = await market.call<PriceIndex>('/api/market/price-index?material=wool&weeks=12')
    expect(wool.status).toBe(200)
    expect(wool.body.series.every((series) => series.categoryId === 'wool')).toBe(true)
    expect((await market.call('/api/market/price-index?material=zippers')).status).toBe(404)
    expect((await market.call('/api/market/price-index?weeks=500')).status).toBe(400)
  })
})
