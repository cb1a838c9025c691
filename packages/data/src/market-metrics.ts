import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry } from '@market/contracts'
import { Metrics } from '@market/core'
import { auditPut } from './audit-writes.ts'
import { batchPut, type Item, type TransactItem } from './items.ts'
import {
  daysBetween,
  growthTargetsKey,
  indexMaterialsKey,
  marketDays,
  marketShards,
  type Partition,
  pricesOf,
  type SortKeyCondition,
  weeksBetween,
} from './keys.ts'
import { createQueries } from './query.ts'

/** Counters are top-level numbers named `n:<counter>`; the day's active parties are string sets. */
const counterPrefix = 'n:'
/** A year's growth target is a top-level number `percent:<year>`, so setting one is a single SET. */
const targetPrefix = 'percent:'

/** What a market change adds to one figure item: its key, the attributes it sets, what it ADDs (numbers or id sets). */
type FigureAdd = { key: Item; set: Item; add: Record<string, number | Set<string>> }

/**
 * What a market change adds to the figures: to the counters of its day in a shard picked at
 * random, and for a paid order one more trade at its price in its material's week.
 */
const figureAdds = (change: Metrics.MarketChange, shard: number): FigureAdd[] => {
  const adds: FigureAdd[] = []
  const add: FigureAdd['add'] = {}
  for (const [name, value] of Object.entries(change.add)) if (value !== 0) add[`${counterPrefix}${name}`] = value
  for (const party of ['buyers', 'suppliers'] as const) {
    const ids = change[party] ?? []
    if (ids.length > 0) add[party] = new Set(ids)
  }
  if (Object.keys(add).length > 0) adds.push({ key: marketDays(shard).entry(change.day), set: { type: 'market-day' }, add })
  if (change.price) {
    const { categoryId, week, unit, unitPriceFen } = change.price
    adds.push({
      key: pricesOf(categoryId).entry(week, unit, unitPriceFen),
      set: { type: 'price-observation', week, unit, unitPriceFen },
      add: { trades: change.price.trades ?? 1 },
    })
  }
  return adds
}

/** A figure add as an Update: SET its attributes, ADD its counters and ids. */
const figureUpdate = (table: string, { key, set, add }: FigureAdd): TransactItem => {
  const names: Record<string, string> = {}
  const values: Item = {}
  const clause = (entries: [string, unknown][], prefix: string, join: string) =>
    entries
      .map(([name, value], index) => {
        names[`#${prefix}${index}`] = name
        values[`:${prefix}${index}`] = value
        return `#${prefix}${index}${join}:${prefix}${index}`
      })
      .join(', ')
  return {
    Update: {
      TableName: table,
      Key: key,
      UpdateExpression: `SET ${clause(Object.entries(set), 's', ' = ')} ADD ${clause(Object.entries(add), 'a', ' ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  }
}

/**
 * The writes of a market change, as items of the transaction of the event it counts: an ADD to
 * the counters of its day in a shard picked at random, and for a paid order one more trade at its
 * price in its material's week. No change: no items.
 */
export const marketCounterWrites = (
  table: string,
  change: Metrics.MarketChange | undefined,
  shard = Math.floor(Math.random() * marketShards),
): TransactItem[] => (change ? figureAdds(change, shard).map((add) => figureUpdate(table, add)) : [])

/**
 * Market changes in bulk, merged first (one write per day, one per distinct price of a material's
 * week): each figure item once, with all it adds.
 */
const mergedFigureAdds = (changes: Metrics.MarketChange[]) => {
  const prices = new Map<string, Metrics.PriceObservation & { day: string }>()
  for (const { day, price } of changes) {
    if (!price) continue
    const key = JSON.stringify([price.categoryId, price.week, price.unit, price.unitPriceFen])
    const seen = prices.get(key)
    prices.set(key, { ...price, day, trades: (seen?.trades ?? 0) + (price.trades ?? 1) })
  }
  const merged = [...Metrics.mergeChanges(changes), ...[...prices.values()].map(({ day, ...price }) => ({ day, add: {}, price }))]
  return merged.flatMap((change) => figureAdds(change, Math.floor(Math.random() * marketShards)))
}

/** Applies market changes outside any event's transaction: for history written in bulk, merged first. */
export const applyMarketChanges = async (db: DynamoDBDocumentClient, table: string, changes: Metrics.MarketChange[]) => {
  const writes = mergedFigureAdds(changes).map((add) => figureUpdate(table, add))
  for (let start = 0; start < writes.length; start += 16) {
    await Promise.all(writes.slice(start, start + 16).map((write) => db.send(new UpdateCommand(write.Update as never))))
  }
}

/**
 * Market changes as the first figures of a table that has none yet (the demo seed's past trade):
 * merged, each item written whole, 25 to a BatchWrite rather than one Update each. Anything that
 * counts an event of its own must come after: a whole item would overwrite what it added.
 */
export const writeFirstMarketFigures = (db: DynamoDBDocumentClient, table: string, changes: Metrics.MarketChange[]) =>
  batchPut(
    db,
    table,
    mergedFigureAdds(changes).map(({ key, set, add }) => ({ ...key, ...set, ...add })),
  )

const toDayTotals = (day: string, items: Item[]): Metrics.DayTotals => {
  const totals: Metrics.DayTotals = { day, add: {}, buyers: [], suppliers: [] }
  const buyers = new Set<string>()
  const suppliers = new Set<string>()
  for (const item of items) {
    for (const [name, value] of Object.entries(item)) {
      if (!name.startsWith(counterPrefix)) continue
      const counter = name.slice(counterPrefix.length)
      totals.add[counter] = (totals.add[counter] ?? 0) + Number(value)
    }
    for (const id of (item.buyers as Set<string> | undefined) ?? []) buyers.add(id)
    for (const id of (item.suppliers as Set<string> | undefined) ?? []) suppliers.add(id)
  }
  return { ...totals, buyers: [...buyers], suppliers: [...suppliers] }
}

export const createMetricsRepository = (db: DynamoDBDocumentClient, table: string) => {
  const { queryItems } = createQueries(db, table)

  /** Every item of a partition's range: one Query, more only past DynamoDB's 1 MB page. */
  const readAll = async (partition: Partition, sortKey: SortKeyCondition) => {
    const found: Item[] = []
    let start: Item | undefined
    do {
      const page = await queryItems(partition, { sortKey, ...(start ? { start } : {}) })
      found.push(...page.items)
      start = page.lastKey
    } while (start)
    return found
  }

  const getItem = async (key: Record<string, string>) => (await db.send(new GetCommand({ TableName: table, Key: key }))).Item

  return {
    readDays: async (from: string, to: string) => {
      const shards = await Promise.all(
        Array.from({ length: marketShards }, (_, shard) => readAll(marketDays(shard), daysBetween(from, to))),
      )
      const byDay = new Map<string, Item[]>()
      for (const item of shards.flat()) {
        const day = item[marketDays(0).keys.sortKey] as string
        byDay.set(day, [...(byDay.get(day) ?? []), item])
      }
      return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, items]) => toDayTotals(day, items))
    },

    growthTargets: async () =>
      Object.fromEntries(
        Object.entries((await getItem(growthTargetsKey())) ?? {})
          .filter(([name]) => name.startsWith(targetPrefix))
          .map(([name, value]) => [Number(name.slice(targetPrefix.length)), value as number]),
      ),

    setGrowthTarget: async ({ year, growthPercent }: { year: number; growthPercent: number }, audit: AuditEntry) => {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: table,
                Key: growthTargetsKey(),
                UpdateExpression: 'SET #type = :type, #year = :percent',
                ExpressionAttributeNames: { '#type': 'type', '#year': `${targetPrefix}${year}` },
                ExpressionAttributeValues: { ':type': 'growth-targets', ':percent': growthPercent },
              },
            },
            auditPut(table, audit),
          ],
        }),
      )
    },

    indexMaterials: async () => (await getItem(indexMaterialsKey()))?.categoryIds as string[] | undefined,

    setIndexMaterials: async (categoryIds: string[], audit: AuditEntry) => {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table, Item: { ...indexMaterialsKey(), type: 'price-index-materials', categoryIds } } },
            auditPut(table, audit),
          ],
        }),
      )
    },

    prices: async (categoryId: string, fromWeek: string, toWeek: string) =>
      (await readAll(pricesOf(categoryId), weeksBetween(fromWeek, toWeek))).map((item) => ({
        week: item.week as string,
        unit: item.unit as string,
        unitPriceFen: item.unitPriceFen as number,
        trades: item.trades as number,
      })),
  } satisfies Metrics.MetricsStore
}
