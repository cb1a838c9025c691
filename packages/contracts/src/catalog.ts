import * as z from 'zod'
import * as values from './values.ts'

/** Text a user reads, in the market's three languages; Chinese is always present. */
export const LocalizedText = z.object({
  zh: z.string().min(1),
  bo: z.string().optional(),
  en: z.string().optional(),
})
export type LocalizedText = z.infer<typeof LocalizedText>

export const CategoryGroup = z.enum(values.categoryGroups)
export type CategoryGroup = z.infer<typeof CategoryGroup>

export const Category = z.object({
  id: z.string(),
  group: CategoryGroup,
  name: LocalizedText,
  sortOrder: z.number().int(),
  /** Listings on the market in it: a counter kept with every change of a listing's status. */
  activeListings: z.number().int().optional(),
  /** Retired by an administrator: takes no new listings or purchase requests; its listings stay on the market. */
  retired: z.object({ at: z.string(), reason: z.string() }).optional(),
})
export type Category = z.infer<typeof Category>

export const Unit = z.object({ id: z.string(), name: LocalizedText })
export type Unit = z.infer<typeof Unit>

export const CategoriesResponse = z.object({
  /** The categories a listing or request may be filed under, as the market shows them. */
  categories: z.array(Category),
  units: z.array(Unit),
  /** Retired categories: not offered any more, but their names still label the listings filed under them. */
  retired: z.array(Category).optional(),
})
export type CategoriesResponse = z.infer<typeof CategoriesResponse>

/** A rename's re-indexing of the category's listings, worked through in the background page by page. */
export const ReindexJob = z.object({
  categoryId: z.string(),
  requestedAt: z.string(),
  /** Listings re-indexed so far. */
  listingsDone: z.number().int(),
})
export type ReindexJob = z.infer<typeof ReindexJob>

/** The taxonomy as administrators manage it: every category (retired ones too) and the re-indexing under way. */
export const AdminCategoriesResponse = z.object({ categories: z.array(Category), reindexing: z.array(ReindexJob) })
export type AdminCategoriesResponse = z.infer<typeof AdminCategoriesResponse>
