import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { CursorCodec } from './cursor.ts'
import { type Item, projectionOf } from './items.ts'
import type { Partition, SortKeyCondition } from './keys.ts'
import { tableDefinition } from './table-definition.ts'

/** A FilterExpression with the names and values it uses. */
export type Filter = { expression: string; names?: Record<string, string>; values?: Item }

/** Equality filters on the attributes given a value: `{ role: 'buyer', status: undefined }` filters on role. */
export const equalTo = (wanted: Record<string, string | undefined>): Filter | undefined => {
  const given = Object.entries(wanted).filter((entry): entry is [string, string] => entry[1] !== undefined)
  if (given.length === 0) return undefined
  return {
    expression: given.map(([name]) => `#${name} = :${name}`).join(' AND '),
    names: Object.fromEntries(given.map(([name]) => [`#${name}`, name])),
    values: Object.fromEntries(given.map(([name, value]) => [`:${name}`, value])),
  }
}

/** Items whose string attribute contains `part`. */
export const containing = (name: string, part: string): Filter => ({
  expression: `contains(#${name}, :${name}Part)`,
  names: { [`#${name}`]: name },
  values: { [`:${name}Part`]: part },
})

/** Filters that must all hold (those given). */
export const allOf = (...filters: (Filter | undefined)[]): Filter | undefined => {
  const given = filters.filter((filter): filter is Filter => filter !== undefined)
  if (given.length <= 1) return given[0]
  return {
    expression: given.map((filter) => `(${filter.expression})`).join(' AND '),
    names: Object.assign({}, ...given.map((filter) => filter.names ?? {})),
    values: Object.assign({}, ...given.map((filter) => filter.values ?? {})),
  }
}

export type QueryOptions = {
  /** Narrows the sort keys read (in place of the partition's own `within`). */
  sortKey?: SortKeyCondition
  filter?: Filter
  /** Highest sort key first. */
  descending?: boolean
  limit?: number
  consistent?: boolean
  /** Where to resume: a LastEvaluatedKey. */
  start?: Item
  /** Only these attribute paths of each item (and the keys that place it in the partition, for a cursor). */
  attributes?: readonly string[]
}

export type PageOptions = Omit<QueryOptions, 'start' | 'limit'> & {
  cursor?: string
  limit: number
  /**
   * Items to read for a page whose filter may drop some: the page keeps the first `limit` of them
   * and the next one starts right after the last it kept.
   */
  readAhead?: number
}

const sortKeyExpression = (condition: SortKeyCondition): { expression: string; values: Item } => {
  if ('beginsWith' in condition) return { expression: 'begins_with(#sk, :sk)', values: { ':sk': condition.beginsWith } }
  if ('below' in condition) return { expression: '#sk < :sk', values: { ':sk': condition.below } }
  if ('after' in condition) return { expression: '#sk > :sk', values: { ':sk': condition.after } }
  return {
    expression: '#sk BETWEEN :skFrom AND :skTo',
    values: { ':skFrom': condition.between[0], ':skTo': condition.between[1] },
  }
}

/** What places an item in a partition's order: the table's keys, and the index's where the partition is an index's. */
const positionNames = (partition: Partition) => [
  ...new Set([tableDefinition.partitionKey, tableDefinition.sortKey, partition.keys.partitionKey, partition.keys.sortKey]),
]

/** The key of an item in a partition's order. */
export const positionOf = (item: Item, partition: Partition): Item =>
  Object.fromEntries(positionNames(partition).map((name) => [name, item[name]]))

/** The codec of repositories that read no page for a client. */
const notPaginated: CursorCodec = {
  encode: () => Promise.reject(new Error('This repository hands out no cursors')),
  decode: () => Promise.reject(new Error('This repository takes no cursors')),
}

/**
 * What a page's cursor is bound to: the partition it reads (so the access pattern, and the owner
 * its key names), the sort keys, the filter with its values, and the direction. A cursor of any
 * other query is refused rather than handed to DynamoDB as a start key it would fail on.
 */
const queryBinding = (partition: Partition, options: QueryOptions) =>
  JSON.stringify([
    partition.keys.indexName ?? null,
    partition.pk,
    options.sortKey ?? partition.within ?? null,
    options.filter ?? null,
    Boolean(options.descending),
  ])

/**
 * Every Query of the table goes through here: a partition (of the table or an index, from
 * keys.ts), optionally a sort-key condition and a filter. `queryPage` is the paginated form, with
 * signed cursors, bound to their query, in and out.
 */
export const createQueries = (db: DynamoDBDocumentClient, table: string, cursors: CursorCodec = notPaginated) => {
  const queryInput = (partition: Partition, options: QueryOptions) => {
    const sortKey = options.sortKey ?? partition.within
    const onSortKey = sortKey ? sortKeyExpression(sortKey) : undefined
    const { filter, attributes } = options
    const projection = attributes ? projectionOf([...positionNames(partition), ...attributes]) : undefined
    return {
      TableName: table,
      ...(partition.keys.indexName ? { IndexName: partition.keys.indexName } : {}),
      KeyConditionExpression: onSortKey ? `#pk = :pk AND ${onSortKey.expression}` : '#pk = :pk',
      ...(filter ? { FilterExpression: filter.expression } : {}),
      ...(projection ? { ProjectionExpression: projection.ProjectionExpression } : {}),
      ExpressionAttributeNames: {
        '#pk': partition.keys.partitionKey,
        ...(onSortKey ? { '#sk': partition.keys.sortKey } : {}),
        ...filter?.names,
        ...projection?.ExpressionAttributeNames,
      },
      ExpressionAttributeValues: { ':pk': partition.pk, ...onSortKey?.values, ...filter?.values },
      ScanIndexForward: !options.descending,
      ...(options.limit ? { Limit: options.limit } : {}),
      ...(options.consistent ? { ConsistentRead: true } : {}),
      ...(options.start ? { ExclusiveStartKey: options.start } : {}),
    }
  }

  /** One Query request: what it found, and where the next would resume. */
  const queryItems = async (partition: Partition, options: QueryOptions = {}) => {
    const result = await db.send(new QueryCommand(queryInput(partition, options)))
    return { items: result.Items ?? [], lastKey: result.LastEvaluatedKey }
  }

  /**
   * How many items the partition holds, counting at most `limit` of them: one Query request. With
   * a filter, those of the `limit` read that pass it.
   */
  const countItems = async (partition: Partition, limit: number, filter?: Filter) => {
    const result = await db.send(
      new QueryCommand({ ...queryInput(partition, { limit, ...(filter ? { filter } : {}) }), Select: 'COUNT' }),
    )
    return result.Count ?? 0
  }

  /** One page for a client: its cursor decoded, the next one signed (null on the last page). */
  const queryPage = async (partition: Partition, { cursor, limit, readAhead, ...options }: PageOptions) => {
    const binding = queryBinding(partition, options)
    const start = await cursors.decode(cursor, binding)
    const { items, lastKey } = await queryItems(partition, { ...options, limit: readAhead ?? limit, ...(start ? { start } : {}) })
    const page = items.slice(0, limit)
    const last = page[page.length - 1]
    const resumeAt = items.length > limit && last ? positionOf(last, partition) : lastKey
    // `matched`: what the read found past the filter, a page's lower bound on all there is to find.
    return { items: page, nextCursor: await cursors.encode(resumeAt, binding), matched: items.length }
  }

  return { queryItems, queryPage, countItems }
}
