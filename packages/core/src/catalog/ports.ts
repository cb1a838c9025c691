import type { AuditEntry, Category } from '@market/contracts'

export interface CategoryStore {
  listCategories(): Promise<Category[]>
  getCategory(id: string): Promise<Category | undefined>
  /** Adds a category (with its audit entry, in one transaction); a conflict when the id is taken. */
  addCategory(category: Category, audit?: AuditEntry): Promise<void>
  /** Changes a category's fields (with its audit entry); undefined when there is none. */
  updateCategory(id: string, changes: Partial<Omit<Category, 'id'>>, audit?: AuditEntry): Promise<Category | undefined>
}
