import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { Ratings } from '@market/core'
import { toStoredUser } from './account-repository.ts'
import { batchGet, hasKey } from './items.ts'
import { supplierStatsKey, userKey } from './keys.ts'
import { toStats } from './supplier-stats.ts'

/** Suppliers as the supplier page and the bid comparison read them: profile and stats, one BatchGet. */
export const createSupplierRepository = (db: DynamoDBDocumentClient, table: string) =>
  ({
    records: async (ids: string[]) => {
      if (ids.length === 0) return []
      const items = await batchGet(
        db,
        table,
        ids.flatMap((id) => [userKey(id), supplierStatsKey(id)]),
      )
      return ids.flatMap((id) => {
        const user = items.find((item) => hasKey(item, userKey(id)))
        return user
          ? [{ user: toStoredUser(user), stats: toStats(items.find((item) => hasKey(item, supplierStatsKey(id)))) }]
          : []
      })
    },
  }) satisfies Ratings.SupplierDirectory
