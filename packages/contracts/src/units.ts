import type { unitIds } from './values.ts'

type UnitId = (typeof unitIds)[number]

/**
 * Unit conversion for bids (码 for 米, 斤 for 公斤, bolts with their metres). It lives with the
 * contracts because the API compares bids with it and the bid form previews with it: one table,
 * one rounding.
 */

/** Units of one measure, in a base unit: metres for length, kilograms for weight. */
const measures: Partial<Record<UnitId, { measure: 'length' | 'weight'; base: number }>> = {
  m: { measure: 'length', base: 1 },
  yd: { measure: 'length', base: 0.9144 },
  kg: { measure: 'weight', base: 1 },
  jin: { measure: 'weight', base: 0.5 },
}

/**
 * How many of `to` one `from` is: 1 码 = 0.9144 米, 1 斤 = 0.5 公斤. A bolt (匹) is metres only when
 * the bid says how many metres it holds. Undefined when the units do not compare (件 and 公斤).
 */
export const conversionFactor = (from: UnitId, to: UnitId, metresPerBolt?: number): number | undefined => {
  if (from === to) return 1
  const fromMeasure = from === 'bolt' && metresPerBolt ? { measure: 'length' as const, base: metresPerBolt } : measures[from]
  const toMeasure = to === 'bolt' ? undefined : measures[to]
  if (!fromMeasure || !toMeasure || fromMeasure.measure !== toMeasure.measure) return undefined
  return fromMeasure.base / toMeasure.base
}

/** The units a bid may quote in for a request: the same measure (米 / 码, 公斤 / 斤), and bolts for lengths. */
export const compatibleUnits = (requested: UnitId): UnitId[] => {
  const measure = measures[requested]?.measure
  if (measure === 'length') return [requested, ...(['m', 'yd'] as const).filter((unit) => unit !== requested), 'bolt']
  if (measure === 'weight') return [requested, ...(['kg', 'jin'] as const).filter((unit) => unit !== requested)]
  return [requested]
}

/** Whether a bid may quote in `offered` for a request in `requested`. */
export const unitsCompare = (offered: UnitId, requested: UnitId, metresPerBolt?: number) =>
  conversionFactor(offered, requested, metresPerBolt) !== undefined

/** A bid's price and quantity in the request's unit (prices rounded to the fen). */
export const inRequestUnit = (
  bid: { unitPriceFen: number; quantity: number; unit: UnitId; metresPerBolt?: number },
  requested: UnitId,
) => {
  const factor = conversionFactor(bid.unit, requested, bid.metresPerBolt)
  if (factor === undefined) return undefined
  return { unitPriceFen: Math.round(bid.unitPriceFen / factor), quantity: Math.round(bid.quantity * factor * 1000) / 1000 }
}

/** What a converted bid comes to: the price per request unit, to the fen, times the quantity. */
export const totalFen = (converted: { unitPriceFen: number; quantity: number }) =>
  Math.round(converted.unitPriceFen * converted.quantity)
