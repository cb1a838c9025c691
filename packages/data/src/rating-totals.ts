import type { RatingTotals } from '@market/contracts'
import { ratingDimensions } from '@market/contracts/values'
import type { Item, TransactItem } from './items.ts'
import { itemExists } from './items.ts'
import { userKey } from './keys.ts'

/**
 * A supplier's rating totals live on its user item as top-level numbers, so that each rating,
 * edit or hide changes them with ADD (atomic, no read first) in its own transaction, and every
 * read of the supplier's card (a browse page's BatchGet) brings them along.
 */
const countName = 'ratingCount'
const sumName = (dimension: string) => `ratingSum${dimension[0]?.toUpperCase()}${dimension.slice(1)}`
const starsName = (star: number) => `ratingStars${star}`
const stars = [1, 2, 3, 4, 5]

const attributesOf = (totals: RatingTotals): Record<string, number> => ({
  [countName]: totals.count,
  ...Object.fromEntries(ratingDimensions.map((dimension) => [sumName(dimension), totals.sums[dimension]])),
  ...Object.fromEntries(stars.map((star, index) => [starsName(star), totals.stars[index] ?? 0])),
})

/** The attributes the totals are stored in, for a read of them alone. */
export const totalsAttributes = [countName, ...ratingDimensions.map(sumName), ...stars.map(starsName)]

/** The totals stored on a user item; undefined before its first rating. */
export const readTotals = (item: Item): RatingTotals | undefined => {
  if (item[countName] === undefined) return undefined
  const number = (name: string) => (item[name] as number | undefined) ?? 0
  return {
    count: number(countName),
    sums: Object.fromEntries(
      ratingDimensions.map((dimension) => [dimension, number(sumName(dimension))]),
    ) as RatingTotals['sums'],
    stars: stars.map((star) => number(starsName(star))),
  }
}

/** Adds a change (negative to take away) to a supplier's totals, as an item of the change's transaction. */
export const totalsUpdate = (table: string, supplierId: string, change: RatingTotals): TransactItem => {
  const attributes = Object.entries(attributesOf(change)).filter(([, value]) => value !== 0)
  return {
    Update: {
      TableName: table,
      Key: userKey(supplierId),
      UpdateExpression: `ADD ${attributes.map(([name]) => `${name} :${name}`).join(', ')}`,
      // Never a partial user item of totals alone.
      ConditionExpression: itemExists,
      ExpressionAttributeValues: Object.fromEntries(attributes.map(([name, value]) => [`:${name}`, value])),
    },
  }
}

/** Whether a change changes nothing (an edit that kept every star). */
export const changesNothing = (change: RatingTotals) => Object.values(attributesOf(change)).every((value) => value === 0)
