import { type Accounts, DomainError, Ratings } from '@market/core'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { createTestTable, testMarketConfig } from '../support/dynamo.ts'
import { aDeliveredOrder, aUser } from '../support/rating-fixtures.ts'

let deps: ReturnType<typeof buildDeps>
let admin: Accounts.StoredUser

beforeAll(async () => {
  const { tableName } = await createTestTable('rating-aggregates')
  deps = buildDeps(testMarketConfig(tableName), () => {})
  admin = await aUser(deps, 'buyer', '管理员')
  admin = { ...admin, role: 'admin' }
})

const star = fc.integer({ min: 1, max: 5 })
const scores = fc.record({ quality: star, onTime: star, accuracy: star, communication: star })
const partialScores = fc.record({ quality: star, onTime: star, accuracy: star, communication: star }, { requiredKeys: [] })
const operation = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('rate' as const), supplier: fc.nat(2), scores }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), scores: partialScores }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('report' as const), pick: fc.nat(), reporter: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hide' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }) },
)

/** What the visible ratings add up to, recomputed from the ratings themselves. */
const recomputed = async (ids: string[]) => {
  const ratings = await Promise.all(ids.map((id) => deps.ratings.get(id)))
  return ratings
    .filter((rating) => rating?.status === 'visible')
    .reduce(
      (sum, rating) => Ratings.addTotals(sum, Ratings.contributionOf((rating as Ratings.StoredRating).scores)),
      Ratings.noTotals(),
    )
}

describe('a supplier’s stored rating totals', () => {
  it('equal a recomputation from its visible ratings after 200 random ratings, edits, reports, hides and restores', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 200, maxLength: 200 }), async (operations) => {
        const suppliers = await Promise.all([0, 1, 2].map((n) => aUser(deps, 'supplier', `供应商 ${n}`)))
        const buyer = await aUser(deps, 'buyer', '买家')
        const reporters = await Promise.all([0, 1].map((n) => aUser(deps, 'buyer', `举报人 ${n}`)))
        const written: { id: string; supplierId: string }[] = []
        const pick = (n: number) => written[n % written.length] as { id: string }
        for (const step of operations) {
          try {
            if (step.kind === 'rate') {
              const supplier = suppliers[step.supplier] as Accounts.StoredUser
              const order = await aDeliveredOrder(deps, buyer, supplier)
              written.push({ id: (await Ratings.rateOrder(deps, buyer, order.id, step.scores)).id, supplierId: supplier.id })
            } else if (written.length === 0) {
            } else if (step.kind === 'edit') {
              const { id } = pick(step.pick)
              const current = (await deps.ratings.get(id)) as Ratings.StoredRating
              await Ratings.editRating(deps, buyer, id, { version: current.version, ...step.scores })
            } else if (step.kind === 'report') {
              await Ratings.reportRating(deps, reporters[step.reporter] as Accounts.StoredUser, pick(step.pick).id, {
                reason: '不实',
              })
            } else if (step.kind === 'hide') {
              await Ratings.hideRating(deps, admin, pick(step.pick).id, { reason: '隐藏' })
            } else {
              await Ratings.restoreRating(deps, admin, pick(step.pick).id, { reason: '恢复' })
            }
          } catch (error) {
            // Hiding a hidden rating, restoring a visible one, reporting twice or reporting a hidden one (which
            // a stranger cannot see): refused, and changing nothing.
            if (!(error instanceof DomainError && (error.kind === 'conflict' || error.kind === 'not_found'))) throw error
          }
        }
        for (const supplier of suppliers) {
          const ids = written.filter((rating) => rating.supplierId === supplier.id).map((rating) => rating.id)
          const stored = (await deps.accounts.findUserById(supplier.id))?.ratingTotals ?? Ratings.noTotals()
          expect(stored).toEqual(await recomputed(ids))
          const visible = await deps.ratings.listVisible(supplier.id, { limit: 100 })
          expect(visible.items.length).toBe(stored.count)
        }
      }),
      // A run is some 300 writes to DynamoDB Local (seconds each); a failing one is reported as found, not shrunk.
      { numRuns: 3, endOnFailure: true },
    )
  }, 300_000)
})
