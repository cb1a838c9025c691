import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { Ratings } from '@market/core'
import { toStoredUser } from './account-repository.ts'
import { batchGet, hasKey, type Item } from './items.ts'
import { supplierStatsKey, userKey, verifiedSuppliers } from './keys.ts'
import { createQueries } from './query.ts'
import { toStats } from './supplier-stats.ts'

/** Verified suppliers one search reads at most: the request stays bounded however many there are. */
const searchReads = 200

/** Suppliers as the supplier page and the bid comparison read them: profile and stats, one BatchGet. */
export const createSupplierRepository = (db: DynamoDBDocumentClient, table: string) => {
  const { queryItems } = createQueries(db, table)
  return {
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

    searchVerified: async ({ q, category, limit }: { q?: string; category?: string; limit: number }) => {
      const filters = ['#status = :active']
      const names: Record<string, string> = { '#status': 'status' }
      const values: Item = { ':active': 'active' }
      if (q) {
        filters.push('(contains(company.#name, :q) OR contains(verificationDetails.stall, :q) OR contains(#name, :q))')
        names['#name'] = 'name'
        values[':q'] = q
      }
      if (category) {
        filters.push('contains(tradeCategories, :category)')
        values[':category'] = category
      }
      const { items } = await queryItems(verifiedSuppliers(), {
        filter: { expression: filters.join(' AND '), names, values },
        limit: searchReads,
      })
      return items.slice(0, limit).map(toStoredUser)
    },
  } satisfies Ratings.SupplierDirectory
}
