import type { CategoriesResponse } from '@market/contracts'
import type { CategoryStore } from './ports.ts'
import { defaultUnits, sortCategories } from './taxonomy.ts'

export * from './ports.ts'
export * from './taxonomy.ts'

export const getCatalog = async (deps: { categories: CategoryStore }): Promise<CategoriesResponse> => ({
  categories: sortCategories(await deps.categories.listCategories()),
  units: defaultUnits,
})
