import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { DomainError, type Listings } from '@market/core'
import { itemIsNew, type TransactItem, withoutKeys } from './items.ts'
import { listingFileKey, listingImportKey } from './keys.ts'
import { draftWrites } from './listing-repository.ts'
import { withConflictRetry, writeRefusal } from './transactions.ts'

/**
 * Imports of bulk-listing files: one item per import (its progress and answer), and one per file
 * a supplier imported, by content hash, so the same file again finds the earlier import.
 */
export const createListingImportRepository = (db: DynamoDBDocumentClient, table: string): Listings.ListingImportStore => {
  const get = async (id: string) => {
    const result = await db.send(new GetCommand({ TableName: table, Key: listingImportKey(id), ConsistentRead: true }))
    return result.Item ? withoutKeys<Listings.StoredListingImport>(result.Item) : undefined
  }
  const jobItem = (job: Listings.StoredListingImport) => ({ ...listingImportKey(job.id), type: 'listing-import', ...job })

  return {
    get,

    findByFile: async (supplierId, fileHash) => {
      const result = await db.send(
        new GetCommand({ TableName: table, Key: listingFileKey(supplierId, fileHash), ConsistentRead: true }),
      )
      return result.Item ? get(result.Item.importId as string) : undefined
    },

    start: async (job) => {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: table, Item: jobItem(job), ConditionExpression: itemIsNew } },
              {
                Put: {
                  TableName: table,
                  Item: { ...listingFileKey(job.supplierId, job.fileHash), type: 'listing-file', importId: job.id },
                  ConditionExpression: itemIsNew,
                },
              },
            ],
          }),
        )
        return true
      } catch (error) {
        if (writeRefusal(error) === 'condition') return false
        throw error
      }
    },

    saveBatch: async (job, processedBefore, drafts) => {
      const items: TransactItem[] = [
        ...drafts.flatMap((draft) => draftWrites(table, draft)),
        {
          Put: {
            TableName: table,
            Item: jobItem(job),
            ConditionExpression: '#processed = :before',
            ExpressionAttributeNames: { '#processed': 'processed' },
            ExpressionAttributeValues: { ':before': processedBefore },
          },
        },
      ]
      try {
        await withConflictRetry(() => db.send(new TransactWriteCommand({ TransactItems: items })))
      } catch (error) {
        if (writeRefusal(error) !== 'condition') throw error
        throw new DomainError(
          'conflict',
          'listing_import.conflict',
          'The import moved on meanwhile, or one of its item numbers was taken: post the file again to see where it stands',
        )
      }
    },
  }
}
