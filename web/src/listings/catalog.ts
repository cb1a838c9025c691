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

/** The category groups in the order every page lists them. */
export const categoryGroups: readonly CategoryGroup[] = ['fabric', 'trim', 'dye', 'packaging']

export const categoryGroupLabels: Record<CategoryGroup, MessageKey> = {
  fabric: 'materials.group.fabric',
  trim: 'materials.group.trim',
  dye: 'materials.group.dye',
  packaging: 'materials.group.packaging',
}
