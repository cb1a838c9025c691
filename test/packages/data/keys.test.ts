import { keys, tableDefinition } from '@market/data'
import { describe, expect, it } from 'vitest'

type Condition = keys.SortKeyCondition

/** What DynamoDB does with a sort-key condition (strings compare by code unit, as UTF-8 bytes do for these keys). */
const admits = (condition: Condition | undefined, sortKey: string) => {
  if (!condition) return true
  if ('beginsWith' in condition) return sortKey.startsWith(condition.beginsWith)
  if ('below' in condition) return sortKey < condition.below
  if ('after' in condition) return sortKey > condition.after
  return condition.between[0] <= sortKey && sortKey <= condition.between[1]
}

const sortKeyOf = (pattern: keys.Partition, item: Record<string, string>) => item[pattern.keys.sortKey] as string

const at = (iso: string) => new Date(iso).toISOString()

const everyIndex = [
  { partitionKey: tableDefinition.partitionKey, sortKey: tableDefinition.sortKey },
  ...tableDefinition.globalSecondaryIndexes,
]

/** One of each access pattern, for the checks every pattern must pass. */
const patterns = {
  allCategories: [keys.allCategories(), ['wool']],
  pendingVerifications: [keys.pendingVerifications(), [at('2026-01-01'), 'U1']],
  allUsers: [keys.allUsers(), [at('2026-01-01'), 'U1']],
  auditLog: [keys.auditLog(), [at('2026-01-01'), 'A1']],
  auditOf: [keys.auditOf('L1'), [at('2026-01-01')]],
  auditBy: [keys.auditBy('U1'), [at('2026-01-01'), 'A1']],
  auditOfAction: [keys.auditOfAction('listing.suspended'), [at('2026-01-01'), 'A1']],
  listingsOfSupplier: [keys.listingsOfSupplier('S1'), [at('2026-01-01'), 'L1']],
  listingsInModeration: [keys.listingsInModeration('pending_review'), [at('2026-01-01'), 'L1']],
  searchEntries: [keys.searchEntries('牦牛'), [at('2026-01-01'), 'L1']],
  searchEntriesByPrice: [keys.searchEntriesByPrice('牦牛'), [18800, at('2026-01-01'), 'L1']],
  notificationsOf: [keys.notificationsOf('U1'), ['N1']],
  ordersOfBuyer: [keys.ordersOfBuyer('U1'), [at('2026-01-01'), 'O1']],
  ordersOfSupplier: [keys.ordersOfSupplier('U1'), [at('2026-01-01'), 'O1']],
  ordersInQueue: [keys.ordersInQueue('pending_payment'), [at('2026-01-01'), 'O1']],
  bidsOfRfq: [keys.bidsOfRfq('R1'), ['S1']],
  rfqFeed: [keys.rfqFeed('wool'), [at('2026-01-01'), 'R1']],
  rfqsOfBuyer: [keys.rfqsOfBuyer('U1'), [at('2026-01-01'), 'R1']],
  rfqsInQueue: [keys.rfqsInQueue('open'), [at('2026-01-01'), 'R1']],
  bidsOfSupplier: [keys.bidsOfSupplier('U1'), [at('2026-01-01'), 'R1']],
} as const satisfies Record<string, readonly [keys.Pattern<never>, readonly unknown[]]>

const entryOf = ([pattern, parts]: readonly [keys.Pattern<never>, readonly unknown[]]) =>
  (pattern.entry as (...parts: unknown[]) => Record<string, string>)(...parts)

describe('the key builders', () => {
  it.each(Object.entries(patterns))(
    '%s writes the key attributes of a table or index of the table definition',
    (_name, pattern) => {
      const [partition] = pattern
      expect(everyIndex).toContainEqual(partition.keys)
      const entry = entryOf(pattern)
      expect(Object.keys(entry).sort()).toEqual([partition.keys.partitionKey, partition.keys.sortKey].sort())
      expect(entry[partition.keys.partitionKey]).toBe(partition.pk)
      expect(admits(partition.within, sortKeyOf(partition, entry))).toBe(true)
      expect(Object.values(entry).join(' ')).not.toMatch(/undefined|null|NaN/)
    },
  )

  it('gives patterns that share an index partitions of their own, even for the same id', () => {
    const byIndex = new Map<string, string[]>()
    const sameId = [
      keys.allUsers(),
      keys.pendingVerifications(),
      keys.auditOf('X'),
      keys.auditBy('X'),
      keys.auditOfAction('X'),
      keys.listingsOfSupplier('X'),
      keys.ordersOfBuyer('X'),
      keys.ordersOfSupplier('X'),
      keys.rfqFeed('X'),
      keys.rfqsOfBuyer('X'),
      keys.bidsOfSupplier('X'),
      keys.searchEntriesByPrice('X'),
      keys.listingsInModeration('X'),
      keys.ordersInQueue('X'),
      keys.rfqsInQueue('X'),
    ]
    for (const partition of sameId) {
      const name = partition.keys.indexName ?? 'table'
      byIndex.set(name, [...(byIndex.get(name) ?? []), partition.pk])
    }
    for (const [index, partitions] of byIndex) expect(new Set(partitions).size, index).toBe(partitions.length)
  })

  it('keeps the items of one pattern apart from the others in a shared partition', () => {
    const rfq = keys.rfqKey('R1')
    const bids = keys.bidsOfRfq('R1')
    expect(rfq.pk).toBe(bids.pk)
    expect(admits(bids.within, rfq.sk)).toBe(false)

    const user = keys.userKey('U1')
    const notifications = keys.notificationsOf('U1')
    const counter = keys.unreadCounterKey('U1')
    expect(new Set([user.pk, notifications.pk, counter.pk, keys.inboxOf('U1').pk]).size).toBe(1)
    expect(admits(notifications.within, user.sk)).toBe(false)
    expect(admits(notifications.within, counter.sk)).toBe(false)
    expect(admits(keys.inboxOf('U1').within, counter.sk)).toBe(true)
    expect(admits(keys.inboxOf('U1').within, user.sk)).toBe(false)
  })

  it('sorts the unread counter after every notification, so a newest-first inbox Query reads it first', () => {
    const newest = sortKeyOf(keys.notificationsOf('U1'), keys.notificationKey('U1', '01KZZZZZZZZZZZZZZZZZZZZZZZ'))
    expect(keys.unreadCounterKey('U1').sk > newest).toBe(true)
  })

  it('orders time-keyed entries by time, then by id', () => {
    const orders = keys.ordersOfBuyer('U1')
    const sortKeys = [
      orders.entry(at('2026-03-01T08:00:00Z'), '01B'),
      orders.entry(at('2026-03-01T08:00:00Z'), '01A'),
      orders.entry(at('2026-02-28T23:59:59Z'), '01C'),
    ].map((entry) => sortKeyOf(orders, entry))
    expect([...sortKeys].sort()).toEqual([sortKeys[2], sortKeys[1], sortKeys[0]])
  })

  it('orders search entries by price as numbers, and a price range takes its ends', () => {
    const prices = keys.searchEntriesByPrice('wool')
    const sortKey = (priceFen: number) => sortKeyOf(prices, prices.entry(priceFen, at('2026-01-01'), '01L'))
    expect([sortKey(10_000), sortKey(900), sortKey(1_000_000)].sort()).toEqual([
      sortKey(900),
      sortKey(10_000),
      sortKey(1_000_000),
    ])
    const range = keys.pricedBetween(1000, 2000)
    expect([999, 1000, 1500, 2000, 2001].filter((price) => admits(range, sortKey(price)))).toEqual([1000, 1500, 2000])
    expect([0, 9_999_999_999].every((price) => admits(keys.pricedBetween(), sortKey(price)))).toBe(true)
  })

  it('takes audit entries between two instants, both ends included, on every order of the log', () => {
    const span = keys.auditWithin({ from: at('2026-03-01T00:00:00Z'), to: at('2026-03-01T23:59:59.999Z') })
    const inside = ['2026-03-01T00:00:00Z', '2026-03-01T12:00:00Z', '2026-03-01T23:59:59.999Z']
    const outside = ['2026-02-28T23:59:59.999Z', '2026-03-02T00:00:00Z']
    for (const partition of [keys.auditLog(), keys.auditBy('U1'), keys.auditOfAction('user.suspend')]) {
      const sortKey = (iso: string) => sortKeyOf(partition, partition.entry(at(iso), '01KZZZZZZZZZZZZZZZZZZZZZZZ'))
      expect(
        inside.every((iso) => admits(span, sortKey(iso))),
        partition.pk,
      ).toBe(true)
      expect(
        outside.some((iso) => admits(span, sortKey(iso))),
        partition.pk,
      ).toBe(false)
    }
    const history = keys.auditOf('L1')
    expect(inside.every((iso) => admits(span, sortKeyOf(history, history.entry(at(iso)))))).toBe(true)
    expect(
      admits(keys.auditWithin({ to: at('2026-03-01T00:00:00Z') }), sortKeyOf(history, history.entry(at('2020-01-01')))),
    ).toBe(true)
    expect(keys.auditWithin({})).toBeUndefined()
  })

  it('finds what is due at or before now, and nothing later', () => {
    const queue = keys.ordersInQueue('pending_payment')
    const now = new Date('2026-03-01T08:00:00.000Z')
    const dueAt = (iso: string) => sortKeyOf(queue, queue.entry(at(iso), '01KZZZZZZZZZZZZZZZZZZZZZZZ'))
    expect(admits(keys.dueBy(now), dueAt('2026-03-01T07:59:59Z'))).toBe(true)
    expect(admits(keys.dueBy(now), dueAt('2026-03-01T08:00:00Z'))).toBe(true)
    expect(admits(keys.dueBy(now), dueAt('2026-03-01T08:00:00.001Z'))).toBe(false)
  })

  it('finds what is due after now, and after where a page ended', () => {
    const feed = keys.rfqFeed('wool')
    const now = new Date('2026-03-01T08:00:00.000Z')
    const dueAt = (iso: string, id = '01KZZZZZZZZZZZZZZZZZZZZZZZ') => sortKeyOf(feed, feed.entry(at(iso), id))
    expect(admits(keys.dueAfter(now), dueAt('2026-03-01T08:00:00Z'))).toBe(false)
    expect(admits(keys.dueAfter(now), dueAt('2026-03-01T08:00:00.001Z'))).toBe(true)
    const pageEnd = dueAt('2026-03-02T08:00:00Z', '01KB')
    expect(admits(keys.dueAfter(now, pageEnd), pageEnd)).toBe(false)
    expect(admits(keys.dueAfter(now, pageEnd), dueAt('2026-03-02T08:00:00Z', '01KC'))).toBe(true)
    // A position from before now (a page read a while ago) does not bring back what has since passed.
    expect(admits(keys.dueAfter(now, dueAt('2026-02-01T08:00:00Z')), dueAt('2026-02-15T08:00:00Z'))).toBe(false)
  })

  it('spells fixed items and point lookups in the table’s own key attributes', () => {
    for (const key of [
      keys.healthKey(),
      keys.seedMarkerKey(),
      keys.userKey('U1'),
      keys.emailKey('a@b.example'),
      keys.sessionKey('S1'),
      keys.listingKey('L1'),
      keys.orderKey('O1'),
      keys.rfqKey('R1'),
      keys.idempotencyKey('U1', 'k'),
    ]) {
      expect(Object.keys(key).sort()).toEqual([tableDefinition.partitionKey, tableDefinition.sortKey].sort())
    }
    expect(keys.emailKey('a@b.example')).not.toEqual(keys.emailKey('c@b.example'))
    expect(keys.idempotencyKey('U1', 'k')).not.toEqual(keys.idempotencyKey('U2', 'k'))
  })
})
