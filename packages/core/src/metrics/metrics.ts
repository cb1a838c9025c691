import type {
  GrowthTargetInput,
  IndexMaterialsInput,
  LocalizedText,
  MetricsQuery,
  PriceIndex,
  PriceIndexQuery,
} from '@market/contracts'
import { defaultIndexMaterials } from '@market/contracts/values'
import { type AuditTarget, auditActor, auditEntry } from '../audit/audit-entry.ts'
import type { CategoryStore } from '../catalog/ports.ts'
import type { CertifiedRegistryStore } from '../certifications/ports.ts'
import { certificationDay, certifiedSupplierCount } from '../certifications/rules.ts'
import { DomainError, NotFoundError } from '../errors.ts'
import type { Clock, IdGenerator } from '../ports.ts'
import { addDays, cstDay, weekOf } from './calendar.ts'
import type { MetricsStore } from './ports.ts'
import { buildReport, daysToRead, growthTargets, weightedMedian } from './report.ts'

export type MetricsDeps = { metrics: MetricsStore; categories: CategoryStore; clock: Clock; ids: IdGenerator }
type Admin = { id: string; name: string }

export class UnknownMaterialError extends DomainError {
  constructor(categoryIds: string[]) {
    super('invalid', 'metrics.unknown_material', `No category ${categoryIds.join(', ')}`, [
      { path: ['categoryIds'], message: 'Unknown category' },
    ])
  }
}

/**
 * The market's figures, read from the day counters of the periods and of the year before them,
 * and the suppliers certified today from the registry of certified suppliers (one Get).
 */
export const marketMetrics = async (
  deps: Pick<MetricsDeps, 'metrics' | 'clock'> & { registry: CertifiedRegistryStore },
  query: MetricsQuery,
) => {
  const span = daysToRead(query)
  const [days, targets, registry] = await Promise.all([
    deps.metrics.readDays(span.from, span.to),
    deps.metrics.growthTargets(),
    deps.registry.registry(),
  ])
  return {
    ...buildReport(days, query, targets),
    certifiedSuppliers: certifiedSupplierCount(registry, certificationDay(deps.clock.now())),
  }
}

export const getGrowthTargets = async (deps: Pick<MetricsDeps, 'metrics'>) => growthTargets(await deps.metrics.growthTargets())

const audit = (deps: MetricsDeps, admin: Admin, action: string, target: AuditTarget, reason: string | undefined) =>
  auditEntry({ id: deps.ids.next(), at: deps.clock.now(), actor: auditActor(admin), action, target, reason })

/** An administrator sets a year's growth target (the plan's stand until then). */
export const setGrowthTarget = async (deps: MetricsDeps, admin: Admin, input: GrowthTargetInput) => {
  // Targets are kept to a tenth of a per cent (a number DynamoDB stores, however many digits were sent).
  const target = { year: input.year, growthPercent: Math.round(input.growthPercent * 10) / 10 || 0 }
  // The target's name says what it is now: "2025: +20 %".
  const name = `${target.year}: ${target.growthPercent >= 0 ? '+' : ''}${target.growthPercent} %`
  const entry = audit(deps, admin, 'metrics.target.set', { type: 'growth-target', id: String(target.year), name }, input.reason)
  await deps.metrics.setGrowthTarget(target, entry)
  return getGrowthTargets(deps)
}

export const getIndexMaterials = async (deps: Pick<MetricsDeps, 'metrics'>) => ({
  categoryIds: (await deps.metrics.indexMaterials()) ?? [...defaultIndexMaterials],
})

/** An administrator picks the materials of the public price index: categories of the taxonomy. */
export const setIndexMaterials = async (deps: MetricsDeps, admin: Admin, { categoryIds, reason }: IndexMaterialsInput) => {
  const known = new Map((await deps.categories.listCategories()).map((category) => [category.id, category.name]))
  const unknown = categoryIds.filter((id) => !known.has(id))
  if (unknown.length > 0) throw new UnknownMaterialError(unknown)
  const picked = [...new Set(categoryIds)]
  // The index is named by the materials it now follows, in each language.
  const names = picked.map((id) => known.get(id) as LocalizedText)
  const joined = (language: 'bo' | 'en') => names.map((name) => name[language] ?? name.zh).join(', ')
  const name = { zh: names.map((name) => name.zh).join('、'), bo: joined('bo'), en: joined('en') }
  await deps.metrics.setIndexMaterials(
    picked,
    audit(deps, admin, 'metrics.index.set', { type: 'price-index', id: 'materials', name }, reason),
  )
  return { categoryIds: picked }
}

/**
 * The public price index: for each index material (or the one asked for) and each unit it trades
 * in, the weekly median unit price of paid orders and the number of trades, the latest `weeks`
 * weeks (China Standard Time). Series with the most trades come first.
 */
export const priceIndex = async (deps: Omit<MetricsDeps, 'ids'>, query: PriceIndexQuery): Promise<PriceIndex> => {
  const { categoryIds } = await getIndexMaterials(deps)
  if (query.material && !categoryIds.includes(query.material)) throw new NotFoundError('material')
  const materials = query.material ? [query.material] : categoryIds
  const toWeek = weekOf(cstDay(deps.clock.now()))
  const weeks = Array.from({ length: query.weeks }, (_, index) => addDays(toWeek, -7 * (query.weeks - 1 - index)))
  const names = new Map((await deps.categories.listCategories()).map((category) => [category.id, category.name]))
  const perMaterial = await Promise.all(
    materials.map(async (categoryId) => {
      const prices = await deps.metrics.prices(categoryId, weeks[0] as string, toWeek)
      const units = [...new Set(prices.map((price) => price.unit))]
      return units.map((unit) => {
        const points = weeks.map((week) => {
          const observed = prices.filter((price) => price.unit === unit && price.week === week)
          return {
            week,
            medianUnitPriceFen: weightedMedian(observed),
            trades: observed.reduce((sum, price) => sum + price.trades, 0),
          }
        })
        return {
          categoryId,
          name: names.get(categoryId) ?? { zh: categoryId },
          unit: unit as PriceIndex['series'][number]['unit'],
          trades: points.reduce((sum, point) => sum + point.trades, 0),
          points,
        }
      })
    }),
  )
  return { weeks, series: perMaterial.flat().sort((a, b) => b.trades - a.trades) }
}
