/**
 * Part 2 of `npm run bench`: the engine's ceiling — raw GetItem, Query and TransactWriteItems per
 * second on the same DynamoDB Local, through the same SDK client, at the same concurrency as the
 * HTTP load — against which each endpoint's req/s is read.
 */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { Listings } from '@market/core'
import { keys } from '@market/data'
import type { Dataset } from './dataset.ts'

export type EngineKind = 'GetItem' | 'Query' | 'TransactWriteItems'
export type EngineCeiling = { kind: EngineKind; opsPerSecond: number; errors: number; description: string }

/** Runs `operation` from `concurrency` loops for `seconds`; operations per second. */
const saturate = async (concurrency: number, seconds: number, operation: (n: number) => Promise<unknown>) => {
  const until = performance.now() + seconds * 1000
  let issued = 0
  let done = 0
  let errors = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        try {
          await operation(issued++)
          done++
        } catch {
          errors++
        }
      }
    }),
  )
  return { opsPerSecond: Math.round(done / ((performance.now() - started) / 1000)), errors }
}

export const measureEngine = async (
  db: DynamoDBDocumentClient,
  table: string,
  dataset: Dataset,
  { concurrency, seconds, kinds }: { concurrency: number; seconds: number; kinds?: ReadonlySet<EngineKind> },
): Promise<EngineCeiling[]> => {
  const measured = (kind: EngineKind) => kinds === undefined || kinds.has(kind)
  const listingAt = (n: number) => dataset.listings[(n * 7919) % dataset.listings.length] as Dataset['listings'][number]
  const categories = [...new Set(dataset.listings.map((listing) => listing.categoryId))]
  const ceilings: EngineCeiling[] = []
  if (measured('GetItem')) {
    const get = await saturate(concurrency, seconds, (n) =>
      db.send(new GetCommand({ TableName: table, Key: keys.listingKey(listingAt(n).id), ConsistentRead: true })),
    )
    ceilings.push({ kind: 'GetItem', ...get, description: 'GetItem of a listing (consistent)' })
  }
  if (measured('Query')) {
    // A category's newest listings, as a browse page reads its index (72 entries: three pages' worth).
    const query = await saturate(concurrency, seconds, (n) => {
      const partition = keys.searchEntries(Listings.categoryTerm(categories[n % categories.length] as string))
      return db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': partition.keys.partitionKey },
          ExpressionAttributeValues: { ':pk': partition.pk },
          ScanIndexForward: false,
          Limit: 72,
        }),
      )
    })
    ceilings.push({ kind: 'Query', ...query, description: "Query of a category's search index, 72 items" })
  }
  if (measured('TransactWriteItems')) {
    // Three new items a transaction, each only if absent: the shape of the market's smaller writes.
    const write = await saturate(concurrency, seconds, (n) =>
      db.send(
        new TransactWriteCommand({
          TransactItems: [0, 1, 2].map((part) => ({
            Put: {
              TableName: table,
              Item: { pk: `BENCH#${process.pid}#${n}`, sk: `PART#${part}`, type: 'bench', at: new Date().toISOString() },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          })),
        }),
      ),
    )
    ceilings.push({ kind: 'TransactWriteItems', ...write, description: 'TransactWriteItems of 3 conditional Puts' })
  }
  return ceilings
}
