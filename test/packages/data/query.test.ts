import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { createCursorCodec, InvalidCursorError, keys } from '@market/data'
import { createQueries } from '@market/data/query'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeEach, describe, expect, it } from 'vitest'

const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-local-1' }))
const mock = mockClient(db)
const cursors = createCursorCodec(async () => 'test-secret')
const { queryItems, queryPage } = createQueries(db, 'market', cursors)

const sent = () => mock.commandCalls(QueryCommand).map((call) => call.args[0].input)

beforeEach(() => {
  mock.reset()
  mock.on(QueryCommand).resolves({ Items: [] })
})

describe('queryItems', () => {
  it('reads an index partition by the key names of that index', async () => {
    await queryItems(keys.ordersOfBuyer('U1'), { descending: true, limit: 10 })
    expect(sent()).toEqual([
      {
        TableName: 'market',
        IndexName: 'gsi1',
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'gsi1pk' },
        ExpressionAttributeValues: { ':pk': 'BUYER#U1#ORDERS' },
        ScanIndexForward: false,
        Limit: 10,
      },
    ])
  })

  it('reads only the pattern’s own items of a shared partition, and the sort keys asked for', async () => {
    await queryItems(keys.bidsOfRfq('R1'), { consistent: true })
    await queryItems(keys.ordersInQueue('delivered'), { sortKey: keys.dueBy(new Date('2026-03-01T00:00:00Z')) })
    expect(sent()).toEqual([
      expect.objectContaining({
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
        ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
        ExpressionAttributeValues: { ':pk': 'RFQ#R1', ':sk': 'BID#' },
        ConsistentRead: true,
      }),
      expect.objectContaining({
        IndexName: 'gsi3',
        KeyConditionExpression: '#pk = :pk AND #sk < :sk',
        ExpressionAttributeNames: { '#pk': 'gsi3pk', '#sk': 'gsi3sk' },
        ExpressionAttributeValues: { ':pk': 'ORDERS#delivered', ':sk': '2026-03-01T00:00:00.000Z#~' },
      }),
    ])
  })

  it('reads only the attributes asked for, and the keys that place an item in the partition', async () => {
    await queryItems(keys.searchEntriesByPrice('wool'), { attributes: ['listingId', 'sk'] })
    expect(sent()[0]).toMatchObject({
      ProjectionExpression: '#p0, #p1, #p2, #p3, #p4',
      ExpressionAttributeNames: {
        '#pk': 'gsi1pk',
        '#p0': 'pk',
        '#p1': 'sk',
        '#p2': 'gsi1pk',
        '#p3': 'gsi1sk',
        '#p4': 'listingId',
      },
    })
  })
})

describe('queryPage', () => {
  it('hands out a signed cursor for the next page and resumes from it', async () => {
    const lastKey = { pk: 'AUDIT', sk: '2026#A1' }
    mock
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ id: 'A1' }], LastEvaluatedKey: lastKey })
      .resolves({ Items: [] })
    const first = await queryPage(keys.auditLog(), { limit: 1, descending: true })
    expect(first.items).toEqual([{ id: 'A1' }])
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = await queryPage(keys.auditLog(), { limit: 1, descending: true, cursor: first.nextCursor as string })
    expect(second.nextCursor).toBeNull()
    expect(sent()[1]?.ExclusiveStartKey).toEqual(lastKey)
  })

  it('refuses a cursor that was not signed here', async () => {
    await expect(queryPage(keys.auditLog(), { limit: 1, cursor: 'eyJwayI6IkFVRElUIn0.forged' })).rejects.toThrow(
      InvalidCursorError,
    )
  })

  it('reads ahead for a filtered page, keeps `limit` items and resumes after the last one kept', async () => {
    const entry = (id: string): Record<string, string> => ({
      ...keys.searchEntries('wool').entry('2026-01-01', id),
      ...keys.searchEntriesByPrice('wool').entry(100, '2026-01-01', id),
      listingId: id,
    })
    mock.on(QueryCommand).resolvesOnce({ Items: ['L1', 'L2', 'L3'].map(entry) })
    const page = await queryPage(keys.searchEntriesByPrice('wool'), { limit: 2, readAhead: 6 })
    expect(sent()[0]?.Limit).toBe(6)
    expect(page.items.map((item) => item.listingId)).toEqual(['L1', 'L2'])
    mock.on(QueryCommand).resolves({ Items: [] })
    await queryPage(keys.searchEntriesByPrice('wool'), { limit: 2, readAhead: 6, cursor: page.nextCursor as string })
    const { pk, sk, gsi1pk, gsi1sk } = entry('L2')
    expect(sent()[1]?.ExclusiveStartKey).toEqual({ pk, sk, gsi1pk, gsi1sk })
  })

  it('refuses the cursor of another query: another partition, direction or filter, or another caller', async () => {
    mock.on(QueryCommand).resolves({ Items: [], LastEvaluatedKey: { pk: 'SEARCH#wool', sk: 'x' } })
    const wool = { limit: 2, filter: { expression: 'categoryId = :c', values: { ':c': 'wool' } } }
    const { nextCursor } = await queryPage(keys.searchEntries('wool'), wool)
    const cursor = nextCursor as string
    await expect(queryPage(keys.searchEntries('wool'), { ...wool, cursor })).resolves.toBeDefined()
    for (const [partition, options] of [
      [keys.searchEntries('silk'), wool],
      [keys.searchEntriesByPrice('wool'), wool],
      [keys.searchEntries('wool'), { ...wool, descending: true }],
      [keys.searchEntries('wool'), { ...wool, filter: { expression: 'categoryId = :c', values: { ':c': 'silk' } } }],
    ] as const) {
      await expect(queryPage(partition, { ...options, cursor })).rejects.toThrow(InvalidCursorError)
    }
    let caller = 'GET /api/things U1'
    const scoped = createQueries(
      db,
      'market',
      createCursorCodec(
        async () => 'test-secret',
        () => caller,
      ),
    )
    const first = await scoped.queryPage(keys.auditLog(), { limit: 1 })
    caller = 'GET /api/things U2'
    await expect(scoped.queryPage(keys.auditLog(), { limit: 1, cursor: first.nextCursor as string })).rejects.toThrow(
      InvalidCursorError,
    )
  })
})
