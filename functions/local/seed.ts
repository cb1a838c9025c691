import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { Catalog } from '@market/core'
import { createCategoryRepository, createSeedMarkerRepository } from '@market/data'

/**
 * Demo data for a first start: the material taxonomy. Later domains add their demo suppliers,
 * listings and RFQs here. Returns false when the table was seeded before.
 */
export const seedDemoData = async (db: DynamoDBDocumentClient, table: string, now = new Date()): Promise<boolean> => {
  const marker = createSeedMarkerRepository(db, table)
  if (await marker.seededAt()) return false
  const categories = createCategoryRepository(db, table)
  for (const category of Catalog.defaultCategories) await categories.putCategory(category)
  await marker.markSeeded(now.toISOString())
  return true
}
