import type { AdminCategoriesResponse, CategoriesResponse, Category, ReasonInput } from '@market/contracts'
import { auditActor, auditEntry } from '../audit/audit-entry.ts'
import { NotFoundError } from '../errors.ts'
import { reindexListing } from '../listings/listings.ts'
import type { ListingStore } from '../listings/ports.ts'
import type { Clock, IdGenerator } from '../ports.ts'
import type { CategoryStore, StoredReindexJob } from './ports.ts'
import { isOpen, renames } from './rules.ts'
import { defaultUnits, sortCategories } from './taxonomy.ts'

export * from './ports.ts'
export * from './rules.ts'
export * from './taxonomy.ts'

/** The market's taxonomy: open categories to offer, retired ones only to name the listings still filed under them. */
export const getCatalog = async (deps: { categories: CategoryStore }): Promise<CategoriesResponse> => {
  const categories = sortCategories(await deps.categories.listCategories())
  const retired = categories.filter((category) => !isOpen(category))
  return { categories: categories.filter(isOpen), units: defaultUnits, ...(retired.length > 0 ? { retired } : {}) }
}

/** Every category, retired ones too, and the re-indexing still under way. */
export const adminCatalog = async (deps: { categories: CategoryStore }): Promise<AdminCategoriesResponse> => {
  const [categories, jobs] = await Promise.all([deps.categories.listCategories(), deps.categories.reindexJobs()])
  return {
    categories: sortCategories(categories),
    reindexing: jobs.map(({ categoryId, requestedAt, listingsDone }) => ({ categoryId, requestedAt, listingsDone })),
  }
}

type CategoryDeps = {
  categories: CategoryStore
  clock: Clock
  ids: IdGenerator
  /**
   * Runs work after the response where the process lives on (under `npm start`); where it does
   * not (Lambda), the scheduled jobs pick the work up.
   */
  background?: (task: () => Promise<unknown>) => void
}
type ReindexDeps = { categories: CategoryStore; listings: ListingStore }

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

const findCategory = async (deps: { categories: CategoryStore }, id: string) => {
  const category = await deps.categories.getCategory(id)
  if (!category) throw new NotFoundError('category')
  return category
}

/** Category changes shape the whole market, so they are audit-logged like moderation decisions. */
export const addCategory = async (deps: CategoryDeps, admin: Admin, { reason, ...category }: Category & Reasoned) => {
  await deps.categories.addCategory(category, categoryAudit(deps, admin, 'category.add', category, reason))
  return category
}

/**
 * A rename (in any language) writes a re-index job with the change, in its transaction, and the
 * category's listings are re-indexed in the background: found by the new names, no longer by the old.
 */
export const updateCategory = async (
  deps: CategoryDeps & Partial<ReindexDeps>,
  admin: Admin,
  id: string,
  { reason, ...changes }: Partial<Omit<Category, 'id'>> & Reasoned,
) => {
  const current = await findCategory(deps, id)
  const reindex: StoredReindexJob | undefined = renames(current, changes)
    ? { categoryId: id, generation: deps.ids.next(), requestedAt: deps.clock.now().toISOString(), listingsDone: 0 }
    : undefined
  // The log names the category by its new name; without a rename, by the one it has.
  const audit = categoryAudit(deps, admin, 'category.update', { id, name: changes.name ?? current.name }, reason)
  const category = await deps.categories.updateCategory(id, changes, audit, reindex)
  if (!category) throw new NotFoundError('category')
  const { listings, background } = deps
  if (reindex && listings && background) background(() => runReindexJobs({ categories: deps.categories, listings }))
  return category
}

/** Retiring needs a reason, kept on the category and in the audit log. */
export const retireCategory = async (deps: CategoryDeps, admin: Admin, id: string, { reason }: ReasonInput) => {
  const at = deps.clock.now()
  const current = await findCategory(deps, id)
  const category = await deps.categories.setRetired(
    id,
    { at: at.toISOString(), reason },
    categoryAudit(deps, admin, 'category.retire', current, reason),
  )
  if (!category) throw new NotFoundError('category')
  return category
}

export const restoreCategory = async (deps: CategoryDeps, admin: Admin, id: string, { reason }: Reasoned = {}) => {
  const current = await findCategory(deps, id)
  const category = await deps.categories.setRetired(id, null, categoryAudit(deps, admin, 'category.restore', current, reason))
  if (!category) throw new NotFoundError('category')
  return category
}

/** Listings re-indexed per page; the job's position is saved after each. */
const reindexPageSize = 25

/**
 * Works one re-index job through, page by page, saving its position after each page, so a run
 * that stops (a crash, a Lambda's time limit) resumes where the last saved page ended. A listing
 * of a page interrupted half-way is re-indexed again on resume, which changes nothing the second
 * time. Stops early when a later rename has replaced the job (the new job starts over), or after
 * `maxPages` (the scheduled run's budget; the next run goes on).
 */
export const reindexCategory = async (
  deps: ReindexDeps,
  job: StoredReindexJob,
  { pageSize = reindexPageSize, maxPages = Number.POSITIVE_INFINITY } = {},
) => {
  let current = job
  for (let page = 0; page < maxPages; page++) {
    const found = await deps.listings.indexedInCategory(job.categoryId, {
      limit: pageSize,
      ...(current.after ? { after: current.after } : {}),
    })
    let done = 0
    for (const listingId of found.listingIds) if (await reindexListing(deps, listingId)) done++
    current = { ...current, listingsDone: current.listingsDone + done, ...(found.last ? { after: found.last } : {}) }
    if (!found.more) {
      await deps.categories.finishReindex(current)
      return { listings: current.listingsDone - job.listingsDone, finished: true }
    }
    if (!(await deps.categories.saveReindexProgress(current))) break
  }
  return { listings: current.listingsDone - job.listingsDone, finished: false }
}

/** Every unfinished re-index job, one after the other: run after a rename, on start and by the scheduled jobs. */
export const runReindexJobs = async (deps: ReindexDeps, options: { pageSize?: number; maxPages?: number } = {}) => {
  let reindexed = 0
  for (const job of await deps.categories.reindexJobs()) reindexed += (await reindexCategory(deps, job, options)).listings
  return { reindexed }
}
