import type { Category } from '@market/contracts'

export interface CategoryStore {
  listCategories(): Promise<Category[]>
}
