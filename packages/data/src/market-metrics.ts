import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry } from '@market/contracts'
import { Metrics } from '@market/core'
import { auditPut } from './audit-writes.ts'
import type { Item, TransactItem } from './items.ts'
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

/**
 * The writes of a market change, as items of the transaction of the event it counts: an ADD to
 * the counters of its day in a shard picked at random, and for a paid order one more trade at its
 * price in its material's week. No change: no items.
 */
export const marketCounterWrites = (
  table: string,
  change: Metrics.MarketChange | undefined,
  shard = Math.floor(Math.random() * marketShards),
): TransactItem[] => {
  if (!change) return []
  const added = Object.entries(change.add).filter(([, value]) => value !== 0)
  const names: Record<string, string> = { '#type': 'type' }
  const values: Item = { ':type': 'market-day' }
  const adds = added.map(([name, value], index) => {
    names[`#c${index}`] = `${counterPrefix}${name}`
    values[`:c${index}`] = value
    return `#c${index} :c${index}`
  })
  for (const party of ['buyers', 'suppliers'] as const) {
    const ids = change[party] ?? []
    if (ids.length === 0) continue
    values[`:${party}`] = new Set(ids)
    adds.push(`${party} :${party}`)
  }
  const writes: TransactItem[] = []
  if (adds.length > 0) {
    writes.push({
      Update: {
        TableName: table,
        Key: marketDays(shard).entry(change.day),
        UpdateExpression: `SET #type = :type ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    })
  }
  if (change.price) {
    const { categoryId, week, unit, unitPriceFen } = change.price
    writes.push({
      Update: {
        TableName: table,
        Key: pricesOf(categoryId).entry(week, unit, unitPriceFen),
        UpdateExpression: 'SET #type = :type, #week = :week, #unit = :unit, #price = :price ADD #trades :one',
        ExpressionAttributeNames: {
          '#type': 'type',
          '#week': 'week',
          '#unit': 'unit',
          '#price': 'unitPriceFen',
          '#trades': 'trades',
        },
        ExpressionAttributeValues: {
          ':type': 'price-observation',
          ':week': week,
          ':unit': unit,
          ':price': unitPriceFen,
          ':one': change.price.trades ?? 1,
        },
      },
    })
  }
  return writes
}

/**
 * Applies market changes outside any event's transaction: for history written in bulk (the demo
 * data), merged first (one write per day, one per distinct price of a material's week).
 */
export const applyMarketChanges = async (db: DynamoDBDocumentClient, table: string, changes: Metrics.MarketChange[]) => {
  const prices = new Map<string, Metrics.PriceObservation & { day: string }>()
  for (const { day, price } of changes) {
    if (!price) continue
    const key = JSON.stringify([price.categoryId, price.week, price.unit, price.unitPriceFen])
    const seen = prices.get(key)
    prices.set(key, { ...price, day, trades: (seen?.trades ?? 0) + (price.trades ?? 1) })
  }
  const merged = [...Metrics.mergeChanges(changes), ...[...prices.values()].map(({ day, ...price }) => ({ day, add: {}, price }))]
  const writes = merged.flatMap((change) => marketCounterWrites(table, change))
  for (let start = 0; start < writes.length; start += 16) {
    await Promise.all(writes.slice(start, start + 16).map((write) => db.send(new UpdateCommand(write.Update as never))))
  }
}

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
