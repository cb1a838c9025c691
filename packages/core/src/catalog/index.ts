import type { CategoriesResponse, Category } from '@market/contracts'
import { auditActor, auditEntry } from '../audit/audit-entry.ts'
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

type Admin = { id: string; name: string }
type Reasoned = { reason?: string | undefined }

const categoryAudit = (
  deps: CategoryDeps,
  admin: Admin,
  action: string,
  category: Pick<Category, 'id' | 'name'>,
  reason?: string,
) =>
  auditEntry({
    id: deps.ids.next(),
    at: deps.clock.now(),
    actor: auditActor(admin),
    action,
    target: { type: 'category', id: category.id, name: category.name },
    reason,
  })

/** Category changes shape the whole market, so they are audit-logged like moderation decisions. */
export const addCategory = async (deps: CategoryDeps, admin: Admin, { reason, ...category }: Category & Reasoned) => {
  await deps.categories.addCategory(category, categoryAudit(deps, admin, 'category.add', category, reason))
  return category
}

/** Listings already on the market keep the old name in their search terms until they are next re-indexed. */
export const updateCategory = async (
  deps: CategoryDeps,
  admin: Admin,
  id: string,
  { reason, ...changes }: Partial<Omit<Category, 'id'>> & Reasoned,
) => {
  // The log names the category by its new name; without a rename, by the one it has.
  const name = changes.name ?? (await deps.categories.getCategory(id))?.name
  if (!name) throw new NotFoundError('category')
  const category = await deps.categories.updateCategory(
    id,
    changes,
    categoryAudit(deps, admin, 'category.update', { id, name }, reason),
  )
  if (!category) throw new NotFoundError('category')
  return category
}
