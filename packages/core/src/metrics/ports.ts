import type { AuditEntry } from '@market/contracts'
import type { DayTotals } from './report.ts'

/** One price of one material in one week and unit, with how many paid orders traded at it. */
export type PriceCount = { week: string; unit: string; unitPriceFen: number; trades: number }

export interface MetricsStore {
  /** The market's counters of each day from `from` to `to` (China Standard Time), shards added up: a bounded read, no Scan. */
  readDays(from: string, to: string): Promise<DayTotals[]>
  /** Growth targets in per cent set by administrators, by year. */
  growthTargets(): Promise<Record<number, number>>
  setGrowthTarget(target: { year: number; growthPercent: number }, audit: AuditEntry): Promise<void>
  /** The materials of the public price index, once an administrator picked them. */
  indexMaterials(): Promise<string[] | undefined>
  setIndexMaterials(categoryIds: string[], audit: AuditEntry): Promise<void>
  /** A material's traded prices of the weeks from `fromWeek` to `toWeek` (Mondays). */
  prices(categoryId: string, fromWeek: string, toWeek: string): Promise<PriceCount[]>
}
