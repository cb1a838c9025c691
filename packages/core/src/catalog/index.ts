import type { CategoriesResponse, Category } from '@market/contracts'
import { auditEntry } from '../audit/audit-entry.ts'
import { NotFoundError } from '../errors.ts'
import type { Clock, IdGenerator } from '../ports.ts'
import type { CategoryStore } from './ports.ts'
import { defaultUnits, sortCategories } from './taxonomy.ts'

export * from './ports.ts'
export * from './taxonomy.ts'

export const getCatalog = async (deps: { categories: CategoryStore }): Promise<CategoriesResponse> => ({
  categories: sortCategories(await deps.categories.listCategories()),
  units: defaultUnits,
})

type CategoryDeps = { categories: CategoryStore; clock: Clock; ids: IdGenerator }

const categoryAudit = (deps: CategoryDeps, admin: { id: string }, action: string, categoryId: string) =>
  auditEntry({
    id: deps.ids.next(),
    at: deps.clock.now(),
    actorId: admin.id,
    action,
    targetType: 'category',
    targetId: categoryId,
  })

/** Category changes shape the whole market, so they are audit-logged like moderation decisions. */
export const addCategory = async (deps: CategoryDeps, admin: { id: string }, category: Category) => {
  await deps.categories.addCategory(category, categoryAudit(deps, admin, 'category.add', category.id))
  return category
}

/** Listings already on the market keep the old name in their search terms until they are next re-indexed. */
export const updateCategory = async (
  deps: CategoryDeps,
  admin: { id: string },
  id: string,
  changes: Partial<Omit<Category, 'id'>>,
) => {
  const category = await deps.categories.updateCategory(id, changes, categoryAudit(deps, admin, 'category.update', id))
  if (!category) throw new NotFoundError('category')
  return category
}
