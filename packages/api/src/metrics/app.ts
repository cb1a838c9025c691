import {
  GrowthTargetInput,
  GrowthTargets,
  IndexMaterials,
  IndexMaterialsInput,
  MetricsQuery,
  MetricsReport,
  PriceIndex,
  PriceIndexQuery,
} from '@market/contracts'
import { Metrics } from '@market/core'
import { actions } from '../actions.ts'
import type { GroupDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { type AuthDeps, createAuth } from '../middleware/auth.ts'
import { validate } from '../middleware/validate.ts'
import { routeDocs } from '../openapi/describe.ts'

const doc = routeDocs('metrics')

const docs = {
  metrics: doc(
    'The market’s figures by month or week (days in China Standard Time): GMV net of refunds, by category, orders, active parties, listings, requests, fill rate, time to first bid, on-time delivery, disputes, and growth against the same period a year earlier beside the year’s target. Read from per-day counters: a bounded number of DynamoDB requests, whatever the number of orders',
    { 200: ['The figures of each period', MetricsReport] },
  ),
  targets: doc('The growth targets by year (the plan’s: +15 % for 2024, +20 % for 2025 and later)', {
    200: ['The targets', GrowthTargets],
  }),
  setTarget: doc('Set the growth target of a year (audited)', { 200: ['The targets after the change', GrowthTargets] }),
  indexMaterials: doc('The materials of the public price index', { 200: ['Their category ids', IndexMaterials] }),
  setIndexMaterials: doc('Pick the materials of the public price index (audited)', {
    200: ['Their category ids', IndexMaterials],
  }),
  priceIndex: doc(
    'The public price index: weekly median unit price of paid orders of the key materials (or of one), per unit, with the number of trades',
    { 200: ['One series per material and unit, most traded first', PriceIndex] },
  ),
}

/** The market’s figures for administrators, and its public price index. */
/** The ports this group's routes use: its Lambda builds only these. */
export type MetricsDeps = GroupDeps<keyof AuthDeps | 'metrics' | 'categories' | 'registry'>

export const createMetricsApp = (deps: MetricsDeps) => {
  const isAdmin = createAuth(deps).requireRole('admin')
  const admin = actions(deps, isAdmin)
  return createGroupApp(deps)
    .get(
      '/api/admin/metrics',
      ...admin.withQuery(docs.metrics, MetricsQuery, (deps, _admin, query) => Metrics.marketMetrics(deps, query)),
    )
    .get('/api/admin/metrics/targets', docs.targets, isAdmin, async (c) => c.json(await Metrics.getGrowthTargets(deps), 200))
    .put('/api/admin/metrics/targets', ...admin.withBody(docs.setTarget, GrowthTargetInput, Metrics.setGrowthTarget, 200))
    .get('/api/admin/metrics/index-materials', docs.indexMaterials, isAdmin, async (c) =>
      c.json(await Metrics.getIndexMaterials(deps), 200),
    )
    .put(
      '/api/admin/metrics/index-materials',
      ...admin.withBody(docs.setIndexMaterials, IndexMaterialsInput, Metrics.setIndexMaterials, 200),
    )
    .get('/api/market/price-index', docs.priceIndex, validate('query', PriceIndexQuery), async (c) =>
      c.json(await Metrics.priceIndex(deps, c.req.valid('query')), 200),
    )
}

export type MetricsApp = ReturnType<typeof createMetricsApp>
