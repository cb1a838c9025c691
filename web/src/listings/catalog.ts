import type { CategoriesResponse, CategoryGroup } from '@market/contracts'
import { api } from '../api/client.ts'
import { useResource } from '../api/use-resource.ts'
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

export const useCatalog = () => useResource(loadCatalog)

/** A category group's name in the catalogs. */
export const categoryGroupLabel = (group: CategoryGroup) => `materials.group.${group}` as const satisfies MessageKey
