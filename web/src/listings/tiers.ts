import type { PriceTier } from '@market/contracts'
import { fill, type Locale, translate } from '../i18n/i18n.ts'

/** The quantities a tier prices: "10–99 m", or "from 100 m" for the last. */
export const tierRange = (locale: Locale, tiers: PriceTier[], index: number, unit: string) => {
  const tier = tiers[index]
  const next = tiers[index + 1]
  if (!tier) return ''
  return next
    ? fill(translate(locale, 'listing.tiers.range'), { from: tier.minQty, to: next.minQty - 1, unit })
    : fill(translate(locale, 'listing.tiers.from'), { from: tier.minQty, unit })
}
