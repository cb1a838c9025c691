import { describe, expect, it } from 'vitest'
import { mergeUpdates } from '../../bench/bulk-writes.ts'

/** A supplier's stats update for a first bid, as the rfq repository writes it (supplier-stats.ts). */
const responseTime = (minutes: number, add: Record<string, number> = {}) => ({
  TableName: 'market',
  Key: { pk: 'USER#s1', sk: 'STATS' },
  UpdateExpression: `SET #type = :type, responseMinutes = list_append(if_not_exists(responseMinutes, :empty), :minutes)${
    Object.keys(add).length
      ? ` ADD ${Object.keys(add)
          .map((name) => `${name} :${name}`)
          .join(', ')}`
      : ''
  }`,
  ExpressionAttributeNames: { '#type': 'type' },
  ExpressionAttributeValues: {
    ':type': 'supplier-stats',
    ':empty': [],
    ':minutes': [minutes],
    ...Object.fromEntries(Object.entries(add).map(([name, value]) => [`:${name}`, value])),
  },
})

describe('the bench loader’s updates of one item in a row', () => {
  it('appends the lists of both and sums what they add, in their order', () => {
    const merged = mergeUpdates(responseTime(5, { shipped: 1 }), responseTime(7, { shipped: 2 }))
    expect(merged?.UpdateExpression).toBe(responseTime(5, { shipped: 1 }).UpdateExpression)
    expect(merged?.ExpressionAttributeValues).toEqual({
      ':type': 'supplier-stats',
      ':empty': [],
      ':minutes': [5, 7],
      ':shipped': 3,
    })
    const third = mergeUpdates(merged as NonNullable<typeof merged>, responseTime(2, { shipped: 1 }))
    expect(third?.ExpressionAttributeValues?.[':minutes']).toEqual([5, 7, 2])
  })

  it('leaves apart updates whose result depends on being two: a condition, another expression, other constants, a plain SET', () => {
    const trim = {
      TableName: 'market',
      Key: { pk: 'USER#s1', sk: 'STATS' },
      UpdateExpression: 'REMOVE responseMinutes[0]',
      ConditionExpression: 'size(responseMinutes) >= :appended',
      ExpressionAttributeValues: { ':appended': 70 },
    }
    expect(mergeUpdates(trim, trim)).toBeUndefined()
    expect(mergeUpdates(responseTime(5), responseTime(7, { shipped: 1 }))).toBeUndefined()
    expect(mergeUpdates(responseTime(5), { ...responseTime(7), ConditionExpression: 'attribute_exists(pk)' })).toBeUndefined()
    const otherType = responseTime(7)
    otherType.ExpressionAttributeValues[':type'] = 'other'
    expect(mergeUpdates(responseTime(5), otherType)).toBeUndefined()
    const bidCount = (bidder: string) => ({
      TableName: 'market',
      Key: { pk: 'RFQ#r1', sk: 'RFQ' },
      UpdateExpression: 'SET version = version + :one, #bidder = :bidStatus',
      ExpressionAttributeNames: { '#bidder': bidder },
      ExpressionAttributeValues: { ':one': 1, ':bidStatus': 'submitted' },
    })
    expect(mergeUpdates(bidCount('bidder_s1'), bidCount('bidder_s1'))).toBeUndefined()
  })
})
