import type { CategoriesResponse, CategoryGroup, Craft } from '@market/contracts'
import { api } from '../api/client.ts'
import { useResource } from '../api/use-resource.ts'
import { type Locale, localized, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'

let cached: Promise<CategoriesResponse> | null = null

/** The taxonomy changes rarely: one request per page load, shared by every page that names categories. */
export const loadCatalog = () => {
  cached ??= api.listings.api.categories
    .$get()
    .then((response) => response.json())
    .catch((error) => {
      cached = null
      throw error
    })
  return cached
}

/** After an administrator changes the taxonomy: the next page that needs it reads it afresh. */
export const forgetCatalog = () => {
  cached = null
}

export const useCatalog = () => useResource(loadCatalog)

/** Names from the taxonomy in the reader's language; the raw id until the taxonomy has loaded. */
export const namesIn = (locale: Locale, catalog: CategoriesResponse | undefined) => {
  const name = (list: { id: string; name: CategoriesResponse['units'][number]['name'] }[] | undefined, id: string) => {
    const found = list?.find((entry) => entry.id === id)
    return found ? localized(locale, found.name) : id
  }
  return {
    // A retired category still names the listings filed under it.
    category: (id: string) => name([...(catalog?.categories ?? []), ...(catalog?.retired ?? [])], id),
    unit: (id: string) => name(catalog?.units, id),
  }
}

/** The names of categories and units, for components that show them but need nothing else of the taxonomy. */
export const useNames = () => {
  const { locale } = useI18n()
  const catalog = useCatalog()
  return namesIn(locale, catalog.state === 'ready' ? catalog.data : undefined)
}

/** A category group's name in the catalogs. */
export const categoryGroupLabel = (group: CategoryGroup) => `materials.group.${group}` as const satisfies MessageKey

/** A craft's name in the catalogs. */
export const craftLabel = (craft: Craft) => `craft.${craft}` as const satisfies MessageKey
