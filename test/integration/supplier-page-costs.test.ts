import { createRatingsApp, type LogLine } from '@market/api'
import type { SupplierProfile } from '@market/contracts'
import { Ratings } from '@market/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { createTestTable, testMarketConfig } from '../support/dynamo.ts'
import { aDeliveredOrder, aUser } from '../support/rating-fixtures.ts'

/**
 * Reading a supplier's page is one BatchGet of its user and stats items and one Query of its
 * newest visible ratings, however many ratings it has: counted from the request log, which counts
 * every request the DynamoDB client sends.
 */
let read: (path: string) => Promise<{ status: number; body: SupplierProfile; dynamoCalls: number }>
let deps: ReturnType<typeof buildDeps>

beforeAll(async () => {
  const { tableName } = await createTestTable('supplier-costs')
  const logs: LogLine[] = []
  deps = buildDeps(testMarketConfig(tableName), (line) => logs.push(line))
  const app = createRatingsApp(deps)
  read = async (path) => {
    const response = await app.request(path)
    const body = (await response.json()) as SupplierProfile
    return { status: response.status, body, dynamoCalls: logs.findLast((line) => line.msg === 'request')?.dynamoCalls as number }
  }
})

describe('a supplier page', () => {
  it.each([0, 1, 60])(
    'with %i ratings costs at most 2 DynamoDB requests, and so does each further page of reviews',
    async (count) => {
      const supplier = await aUser(deps, 'supplier', `供应商 ${count}`)
      const buyer = await aUser(deps, 'buyer', '买家')
      let next = 0
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < count) {
            next += 1
            const order = await aDeliveredOrder(deps, buyer, supplier)
            await Ratings.rateOrder(deps, buyer, order.id, { quality: 5, onTime: 4, accuracy: 5, communication: 4 })
          }
        }),
      )
      const page = await read(`/api/suppliers/${supplier.id}`)
      expect(page.status).toBe(200)
      expect(page.body.ratings.count).toBe(count)
      expect(page.body.recent.items).toHaveLength(Math.min(count, Ratings.recentRatingsShown))
      expect(page.dynamoCalls).toBeLessThanOrEqual(2)
      if (page.body.recent.nextCursor) {
        const more = await read(
          `/api/suppliers/${supplier.id}/ratings?limit=50&cursor=${encodeURIComponent(page.body.recent.nextCursor)}`,
        )
        expect(more.status).toBe(200)
        expect(more.dynamoCalls).toBeLessThanOrEqual(2)
      }
    },
  )
})
