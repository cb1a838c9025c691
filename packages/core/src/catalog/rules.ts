import type { Category } from '@market/contracts'

/** A retired category takes no new listings or purchase requests. */
export const isOpen = (category: Category | undefined): category is Category => Boolean(category && !category.retired)

/** Whether a change of a category alters the names its listings are found by. */
export const renames = (category: Category, changes: Partial<Omit<Category, 'id'>>) =>
  changes.name !== undefined &&
  (['zh', 'bo', 'en'] as const).some((language) => (changes.name?.[language] ?? '') !== (category.name[language] ?? ''))
