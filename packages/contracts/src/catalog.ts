import { z } from 'zod'
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
})
export type Category = z.infer<typeof Category>

export const Unit = z.object({ id: z.string(), name: LocalizedText })
export type Unit = z.infer<typeof Unit>

export const CategoriesResponse = z.object({ categories: z.array(Category), units: z.array(Unit) })
export type CategoriesResponse = z.infer<typeof CategoriesResponse>
