import type { LocalizedText } from '@market/contracts'
import { createContext, useContext } from 'hono/jsx/dom'
import type { Catalog, MessageKey } from './zh-CN.ts'

export const locales = ['zh-CN', 'bo', 'en'] as const
export type Locale = (typeof locales)[number]

/** Each language names itself, so a reader finds their own whatever the interface shows. */
export const localeNames: Record<Locale, string> = { 'zh-CN': '中文', bo: 'བོད་ཡིག', en: 'English' }

/**
 * Each language's catalog is a chunk of its own, fetched when that language is first shown: a
 * reader downloads one language, not three (the catalogs were most of the app's script).
 */
const catalogLoaders: Record<Locale, () => Promise<Catalog>> = {
  'zh-CN': () => import('./zh-CN.ts').then((module) => module.zhCN),
  bo: () => import('./bo.ts').then((module) => module.bo),
  en: () => import('./en.ts').then((module) => module.en),
}
const catalogs: Partial<Record<Locale, Catalog>> = {}

/** Loads a language's catalog once; a language is shown only after this resolves. */
export const loadLocale = async (locale: Locale) => {
  catalogs[locale] ??= await catalogLoaders[locale]()
}

/** The catalog of `locale`, else any loaded one (a locale is switched to only once loaded, so this is a guard). */
const catalogOf = (locale: Locale): Catalog => {
  const catalog = catalogs[locale] ?? Object.values(catalogs)[0]
  if (!catalog) throw new Error('No catalog loaded: call loadLocale before rendering')
  return catalog
}
const storageKey = 'market.locale'

export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale)

/** The saved choice, else Chinese: the market's default whatever the browser says. */
export const initialLocale = (): Locale => {
  try {
    const saved = localStorage.getItem(storageKey)
    return isLocale(saved) ? saved : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export const applyLocale = (locale: Locale) => {
  document.documentElement.lang = locale
  document.title = catalogOf(locale)['app.name']
  try {
    localStorage.setItem(storageKey, locale)
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

export const translate = (locale: Locale, key: MessageKey) => catalogOf(locale)[key]

/** Text stored in three languages (categories, listings): the reader's, else Chinese. */
export const localized = (locale: Locale, text: LocalizedText) =>
  (locale === 'bo' ? text.bo : locale === 'en' ? text.en : text.zh) || text.zh

/** The language a stored text is shown in to this reader: theirs, or Chinese where it has none. */
export const shownLanguage = (locale: Locale, text: LocalizedText): Locale =>
  locale === 'zh-CN' || (locale === 'bo' ? text.bo : text.en) ? locale : 'zh-CN'

/** Whether the catalogs word a key made from a code (an error, an audit action) the API may add to. */
export const isMessageKey = (key: string): key is MessageKey => key in catalogOf('zh-CN')

/** The codes the catalogs word under `prefix` (`audit.` gives every audit action the catalogs name). */
export const codesWorded = (prefix: string) =>
  Object.keys(catalogOf('zh-CN'))
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length))

/** Error codes from the API's envelope, shown in the reader's language when we know them. */
export const errorMessage = (locale: Locale, code: string | undefined) => {
  const key = `error.${code}`
  return translate(locale, isMessageKey(key) ? key : 'error.internal')
}

/** Fills `{name}` placeholders in a catalog string. */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match))

const lhasaTime = 'Asia/Shanghai'

/** Dates and times in Lhasa's clock (Beijing time), written the reader's way. */
export const formatDateTime = (locale: Locale, iso: string) => {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  if (locale !== 'bo') {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: lhasaTime }).format(date)
  }
  // Browsers have no Tibetan month names (they fall back to English): write the date in numbers.
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: lhasaTime,
  }).formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}

export type I18n = { locale: Locale; setLocale: (locale: Locale) => void; t: (key: MessageKey) => string }
export const I18nContext = createContext<I18n>({
  locale: 'zh-CN',
  setLocale: () => {},
  t: (key) => translate('zh-CN', key),
})
export const useI18n = () => useContext(I18nContext)
