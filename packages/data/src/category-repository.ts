import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { Category } from '@market/contracts'
import type { Catalog } from '@market/core'
import { categoryKey, categoryPartition, categorySortPrefix } from './keys.ts'

export const createCategoryRepository = (db: DynamoDBDocumentClient, table: string) =>
  ({
    /** The whole taxonomy is one partition: a single Query (tens of items, one page). */
    listCategories: async () => {
      const result = await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': categoryPartition(), ':prefix': categorySortPrefix() },
        }),
      )
      return (result.Items ?? []).map(toCategory)
    },
    putCategory: async (category: Category) => {
      await db.send(new PutCommand({ TableName: table, Item: { ...categoryKey(category.id), type: 'category', ...category } }))
    },
  }) satisfies Catalog.CategoryStore & Record<string, unknown>

const toCategory = (item: Record<string, unknown>): Category => ({
  id: item.id as string,
  group: item.group as Category['group'],
  name: item.name as Category['name'],
  sortOrder: item.sortOrder as number,
})
