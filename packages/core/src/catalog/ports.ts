import type { AuditEntry, Category, ReindexJob } from '@market/contracts'

/** A re-index job as stored: `generation` tells a later rename's job from this one; `after` is where it stopped. */
export type StoredReindexJob = ReindexJob & { generation: string; after?: string }

export interface CategoryStore {
  listCategories(): Promise<Category[]>
  getCategory(id: string): Promise<Category | undefined>
  /** Adds a category (with its audit entry, in one transaction); a conflict when the id is taken. */
  addCategory(category: Category, audit?: AuditEntry): Promise<void>
  /**
   * Changes a category's fields (with its audit entry and, for a rename, the re-index job that
   * replaces any earlier one of the category, in one transaction); undefined when there is none.
   */
  updateCategory(
    id: string,
    changes: Partial<Omit<Category, 'id'>>,
    audit?: AuditEntry,
    reindex?: StoredReindexJob,
  ): Promise<Category | undefined>
  /** Retires a category (`retired` given) or restores it (null), with its audit entry; undefined when there is none. */
  setRetired(id: string, retired: Category['retired'] | null, audit: AuditEntry): Promise<Category | undefined>
  /** The re-index jobs not yet finished (a handful at most: one per renamed category). */
  reindexJobs(): Promise<StoredReindexJob[]>
  /** Saves a job's progress; false when a later rename has replaced the job (or it is finished). */
  saveReindexProgress(job: StoredReindexJob): Promise<boolean>
  /** Removes a finished job, unless a later rename has replaced it. */
  finishReindex(job: StoredReindexJob): Promise<void>
}
