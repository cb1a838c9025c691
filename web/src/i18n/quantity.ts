import type { UnitId } from '@market/contracts'
import { fill, type Locale, translate } from './i18n.ts'

/**
 * A quantity with its unit written out in the reader's language and its plural form: "3 metres",
 * "1 metre", "5 公斤", "ཀི་ལོ་ 5" (Intl.PluralRules picks the form; Chinese and Tibetan have one).
 */
export const formatQuantity = (locale: Locale, n: number, unit: UnitId) => {
  const form = new Intl.PluralRules(locale).select(n) === 'one' ? 'one' : 'other'
  return fill(translate(locale, `unit.${unit}.${form}`), { n })
}
