/** The one money formatter: fen (integer) → "¥168.00", the same in every language. */
const yuan = new Intl.NumberFormat('zh-CN', {
  style: 'currency',
  currency: 'CNY',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
})

export const formatFen = (fen: number) => yuan.format(fen / 100)

/** Yuan as typed ("168", "168.5", "168.50") → fen, without floating-point rounding; null if not a price. */
export const parseYuan = (value: string): number | null => {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(value.trim())
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/** Fen → the yuan a form shows ("168.00"). */
export const fenToYuanInput = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`

/** A price range in fen → "¥118.90–145.00" (one price when both ends agree). */
export const formatFenRange = (lowFen: number, highFen: number) =>
  lowFen === highFen ? formatFen(lowFen) : `${formatFen(lowFen)}–${fenToYuanInput(highFen)}`
/** Whole yuan, for a chart's axis ("¥1,250"). */
export const formatWholeYuan = (fen: number) => `¥${Math.round(fen / 100).toLocaleString('zh-CN')}`
