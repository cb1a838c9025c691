import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry, Category } from '@market/contracts'
import { type Catalog, DomainError } from '@market/core'
import { auditPut } from './audit-writes.ts'
import { itemExists, itemIsNew, type TransactItem } from './items.ts'
import { allCategories, categoryKey, reindexJobKey, reindexJobs } from './keys.ts'
import { createQueries } from './query.ts'
import { writeRefusal } from './transactions.ts'

const toCategory = (item: Record<string, unknown>): Category => ({
  id: item.id as string,
  group: item.group as Category['group'],
  name: item.name as Category['name'],
  sortOrder: item.sortOrder as number,
  activeListings: Math.max(0, (item.activeListings as number | undefined) ?? 0),
  ...(item.retired ? { retired: item.retired as NonNullable<Category['retired']> } : {}),
})

const toReindexJob = (item: Record<string, unknown>): Catalog.StoredReindexJob => ({
  categoryId: item.categoryId as string,
  generation: item.generation as string,
  requestedAt: item.requestedAt as string,
  listingsDone: item.listingsDone as number,
  ...(item.after ? { after: item.after as string } : {}),
})

/** Only the job of the rename that wrote it: a later rename's job (a new generation) is left alone. */
const sameGeneration = (job: Catalog.StoredReindexJob) => ({
  ConditionExpression: 'generation = :generation',
  ExpressionAttributeValues: { ':generation': job.generation },
})

export const createCategoryRepository = (db: DynamoDBDocumentClient, table: string) => {
  const { queryItems } = createQueries(db, table)
  const getCategory = async (id: string) => {
    const result = await db.send(new GetCommand({ TableName: table, Key: categoryKey(id), ConsistentRead: true }))
    return result.Item ? toCategory(result.Item) : undefined
  }
  /** The category's update with the items written beside it, in one transaction; false when there is no category. */
  const writeToCategory = async (update: NonNullable<TransactItem['Update']>, beside: TransactItem[]) => {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: [{ Update: update }, ...beside] }))
      return true
    } catch (error) {
      if (writeRefusal(error) === 'condition') return false
      throw error
    }
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
    updateCategory: async (
      id: string,
      changes: Partial<Omit<Category, 'id'>>,
      audit?: AuditEntry,
      reindex?: Catalog.StoredReindexJob,
    ) => {
      const entries = Object.entries(changes).filter(([, value]) => value !== undefined)
      if (entries.length === 0) return getCategory(id)
      const changed = await writeToCategory(
        {
          TableName: table,
          Key: categoryKey(id),
          UpdateExpression: `SET ${entries.map(([name]) => `#${name} = :${name}`).join(', ')}`,
          ConditionExpression: itemExists,
          ExpressionAttributeNames: Object.fromEntries(entries.map(([name]) => [`#${name}`, name])),
          ExpressionAttributeValues: Object.fromEntries(entries.map(([name, value]) => [`:${name}`, value])),
        },
        [
          ...(audit ? [auditPut(table, audit)] : []),
          // Replaces an unfinished job of an earlier rename: the new one starts over with the new names.
          ...(reindex ? [{ Put: { TableName: table, Item: { ...reindexJobKey(id), type: 'reindex-job', ...reindex } } }] : []),
        ],
      )
      return changed ? getCategory(id) : undefined
    },
    setRetired: async (id: string, retired: Category['retired'] | null, audit: AuditEntry) => {
      const changed = await writeToCategory(
        {
          TableName: table,
          Key: categoryKey(id),
          ConditionExpression: itemExists,
          ...(retired
            ? { UpdateExpression: 'SET retired = :retired', ExpressionAttributeValues: { ':retired': retired } }
            : { UpdateExpression: 'REMOVE retired' }),
        },
        [auditPut(table, audit)],
      )
      return changed ? getCategory(id) : undefined
    },
    reindexJobs: async () => (await queryItems(reindexJobs(), { consistent: true })).items.map(toReindexJob),
    saveReindexProgress: async (job: Catalog.StoredReindexJob) => {
      try {
        await db.send(
          new PutCommand({
            TableName: table,
            Item: { ...reindexJobKey(job.categoryId), type: 'reindex-job', ...job },
            ...sameGeneration(job),
          }),
        )
        return true
      } catch (error) {
        if (writeRefusal(error) === 'condition') return false
        throw error
      }
    },
    finishReindex: async (job: Catalog.StoredReindexJob) => {
      try {
        await db.send(new DeleteCommand({ TableName: table, Key: reindexJobKey(job.categoryId), ...sameGeneration(job) }))
      } catch (error) {
        if (writeRefusal(error) !== 'condition') throw error
      }
    },
  } satisfies Catalog.CategoryStore
}
