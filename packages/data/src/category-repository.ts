import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry, Category } from '@market/contracts'
import { type Catalog, DomainError } from '@market/core'
import { auditPut } from './audit-writes.ts'
import { itemExists, itemIsNew } from './items.ts'
import { allCategories, categoryKey } from './keys.ts'
import { createQueries } from './query.ts'
import { writeRefusal } from './transactions.ts'

const toCategory = (item: Record<string, unknown>): Category => ({
  id: item.id as string,
  group: item.group as Category['group'],
  name: item.name as Category['name'],
  sortOrder: item.sortOrder as number,
  activeListings: Math.max(0, (item.activeListings as number | undefined) ?? 0),
})

export const createCategoryRepository = (db: DynamoDBDocumentClient, table: string) => {
  const { queryItems } = createQueries(db, table)
  const getCategory = async (id: string) => {
    const result = await db.send(new GetCommand({ TableName: table, Key: categoryKey(id), ConsistentRead: true }))
    return result.Item ? toCategory(result.Item) : undefined
  }
  return {
    /** The whole taxonomy is one partition: a single Query (tens of items, one page). */
    // A counter added to a category that is gone leaves an item with no name: not a category.
    listCategories: async () =>
      (await queryItems(allCategories())).items.filter((item) => item.type === 'category').map(toCategory),
    getCategory,
    addCategory: async (category: Category, audit?: AuditEntry) => {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: { ...categoryKey(category.id), type: 'category', ...category },
                  ConditionExpression: itemIsNew,
                },
              },
              ...(audit ? [auditPut(table, audit)] : []),
            ],
          }),
        )
      } catch (error) {
        if (writeRefusal(error) === 'condition') {
          throw new DomainError('conflict', 'category.exists', `There is already a category ${category.id}`)
        }
        throw error
      }
    },
    updateCategory: async (id: string, changes: Partial<Omit<Category, 'id'>>, audit?: AuditEntry) => {
      const entries = Object.entries(changes).filter(([, value]) => value !== undefined)
      if (entries.length === 0) return getCategory(id)
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: table,
                  Key: categoryKey(id),
                  UpdateExpression: `SET ${entries.map(([name]) => `#${name} = :${name}`).join(', ')}`,
                  ConditionExpression: itemExists,
                  ExpressionAttributeNames: Object.fromEntries(entries.map(([name]) => [`#${name}`, name])),
                  ExpressionAttributeValues: Object.fromEntries(entries.map(([name, value]) => [`:${name}`, value])),
                },
              },
              ...(audit ? [auditPut(table, audit)] : []),
            ],
          }),
        )
      } catch (error) {
        if (writeRefusal(error) === 'condition') return undefined
        throw error
      }
      return getCategory(id)
    },
  } satisfies Catalog.CategoryStore
}
