import type { BrowseQuery } from '@market/contracts'
import { browseSorts } from '@market/contracts/values'
import { parseYuan } from './money.ts'

/** The market's filters as they live in the page's URL (prices in yuan, as people type them). */
export type Filters = {
  q: string
  category: string
  origin: string
  min: string
  max: string
  inStock: boolean
  /** Only suppliers holding a valid green certification (绿色认证). */
  certifiedGreen: boolean
  sort: Sort
}
export type Sort = BrowseQuery['sort']

export const readFilters = (search: string): Filters => {
  const params = new URLSearchParams(search)
  const sort = params.get('sort')
  return {
    q: params.get('q') ?? '',
    category: params.get('category') ?? '',
    origin: params.get('origin') ?? '',
    min: params.get('min') ?? '',
    max: params.get('max') ?? '',
    inStock: params.get('inStock') === '1',
    certifiedGreen: params.get('certified') === 'green',
    sort: browseSorts.find((option) => option === sort) ?? 'newest',
  }
}

export const marketUrl = (filters: Partial<Filters>) => {
  const params = new URLSearchParams()
  if (filters.q?.trim()) params.set('q', filters.q.trim())
  if (filters.category) params.set('category', filters.category)
  if (filters.origin?.trim()) params.set('origin', filters.origin.trim())
  if (filters.min?.trim()) params.set('min', filters.min.trim())
  if (filters.max?.trim()) params.set('max', filters.max.trim())
  if (filters.inStock) params.set('inStock', '1')
  if (filters.certifiedGreen) params.set('certified', 'green')
  if (filters.sort && filters.sort !== 'newest') params.set('sort', filters.sort)
  const query = params.toString()
  return query ? `/market?${query}` : '/market'
}

/** The filters as the API's browse query (prices in fen). */
export const browseQuery = (filters: Filters) => {
  const minFen = filters.min ? parseYuan(filters.min) : null
  const maxFen = filters.max ? parseYuan(filters.max) : null
  return {
    sort: filters.sort,
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.origin ? { origin: filters.origin } : {}),
    ...(minFen !== null ? { minPrice: String(minFen) } : {}),
    ...(maxFen !== null ? { maxPrice: String(maxFen) } : {}),
    ...(filters.inStock ? { inStock: 'true' as const } : {}),
    ...(filters.certifiedGreen ? { certified: 'green' as const } : {}),
  }
}

/** Anything narrows the results (the sort does not). */
export const isFiltered = (filters: Filters) =>
  Boolean(
    filters.q || filters.category || filters.origin || filters.min || filters.max || filters.inStock || filters.certifiedGreen,
  )

/** The purchase-request form, filled in from a search that found nothing: its words as the title, its category. */
export const requestUrl = (filters: Filters) => {
  const params = new URLSearchParams()
  if (filters.q.trim()) params.set('title', filters.q.trim())
  if (filters.category) params.set('category', filters.category)
  const query = params.toString()
  return query ? `/rfqs/new?${query}` : '/rfqs/new'
}
