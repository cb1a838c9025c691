import { type DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Bid, Rfq } from '@market/contracts'
import { Rfqs } from '@market/core'
import type { CursorCodec } from './cursor.ts'
import { batchGet, type Item, type TransactItem, withoutKeys } from './items.ts'
import { bidKey, bidsOfSupplierIndex, invitationKey, rfqFeedIndex, rfqKey, rfqQueueIndex, rfqsOfBuyerIndex } from './keys.ts'
import { notificationWrites } from './notification-repository.ts'
import { orderItem } from './order-repository.ts'
import { withConflictRetry, writeRefusal } from './transactions.ts'

const rfqItem = (rfq: Rfq): Item => {
  const due = rfq.status === 'open' ? rfq.bidDeadline : rfq.status === 'closed' ? rfq.awardDeadline : rfq.createdAt
  return {
    ...rfqKey(rfq.id),
    type: 'rfq',
    // Only open requests for everyone are in the category feeds.
    ...(rfq.status === 'open' && !rfq.invitedSupplierIds?.length ? rfqFeedIndex(rfq.categoryId, rfq.bidDeadline, rfq.id) : {}),
    ...rfqsOfBuyerIndex(rfq.buyer.id, rfq.createdAt, rfq.id),
    ...rfqQueueIndex(rfq.status, due, rfq.id),
    ...rfq,
  }
}

const bidItem = (bid: Bid): Item => ({
  ...bidKey(bid.rfqId, bid.supplier.id),
  type: 'bid',
  ...bidsOfSupplierIndex(bid.supplier.id, bid.createdAt, bid.rfqId),
  ...bid,
})

export const createRfqRepository = (db: DynamoDBDocumentClient, table: string, cursors: CursorCodec) => {
  const get = async (id: string) => {
    const result = await db.send(new GetCommand({ TableName: table, Key: rfqKey(id), ConsistentRead: true }))
    return result.Item ? withoutKeys<Rfq>(result.Item) : undefined
  }

  /** Several requests in one BatchGet, in the order asked for. */
  const getMany = async (ids: string[]) => {
    const found = new Map((await batchGet(db, table, ids.map(rfqKey))).map((item) => [item.id as string, withoutKeys<Rfq>(item)]))
    return ids.flatMap((id) => found.get(id) ?? [])
  }

  const query = async (input: ConstructorParameters<typeof QueryCommand>[0]) =>
    (await db.send(new QueryCommand(input))).Items ?? []

  return {
    create: async (rfq: Rfq, notifications: Parameters<Rfqs.RfqStore['create']>[1]) => {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table, Item: rfqItem(rfq), ConditionExpression: 'attribute_not_exists(pk)' } },
            ...(rfq.invitedSupplierIds ?? []).map((supplierId) => ({
              Put: {
                TableName: table,
                Item: { ...invitationKey(supplierId, rfq.bidDeadline, rfq.id), type: 'invitation', rfqId: rfq.id },
              },
            })),
            ...notificationWrites(table, notifications),
          ],
        }),
      )
    },

    get,

    getMany,

    listByBuyer: async (buyerId: string, page: { cursor?: string; limit: number }) => {
      const result = await db.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': rfqsOfBuyerIndex(buyerId, '', '').gsi2pk },
          ScanIndexForward: false,
          Limit: page.limit,
          ExclusiveStartKey: await cursors.decode(page.cursor),
        }),
      )
      return {
        items: (result.Items ?? []).map((item) => withoutKeys<Rfq>(item)),
        nextCursor: await cursors.encode(result.LastEvaluatedKey),
      }
    },

    /**
     * One Query per category the supplier trades in, plus its invitations (and one BatchGet of
     * those requests), merged soonest deadline first. A cursor pages through a single category.
     */
    feed: async ({ supplierId, categories, cursor, limit }: Parameters<Rfqs.RfqStore['feed']>[0]) => {
      const byCategory = (categoryId: string, start?: Item) =>
        db.send(
          new QueryCommand({
            TableName: table,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': rfqFeedIndex(categoryId, '', '').gsi1pk },
            Limit: limit,
            ExclusiveStartKey: start,
          }),
        )
      if (cursor) {
        if (categories.length !== 1) return { items: [], nextCursor: null }
        const page = await byCategory(categories[0] as string, await cursors.decode(cursor))
        return {
          items: (page.Items ?? []).map((item) => withoutKeys<Rfq>(item)),
          nextCursor: await cursors.encode(page.LastEvaluatedKey),
        }
      }
      const pages = await Promise.all(categories.slice(0, 20).map((categoryId) => byCategory(categoryId)))
      const invitations = await query({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': invitationKey(supplierId, '', '').pk },
        ScanIndexForward: false,
        Limit: 50,
      })
      const invited = await getMany(invitations.map((item) => item.rfqId as string))
      const items = [...pages.flatMap((page) => page.Items ?? []).map((item) => withoutKeys<Rfq>(item)), ...invited]
        .sort((a, b) => a.bidDeadline.localeCompare(b.bidDeadline))
        .slice(0, limit)
      const single = categories.length === 1 ? pages[0]?.LastEvaluatedKey : undefined
      return { items, nextCursor: await cursors.encode(single) }
    },

    bids: async (rfqId: string) =>
      (
        await query({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :bid)',
          ExpressionAttributeValues: { ':pk': rfqKey(rfqId).pk, ':bid': 'BID#' },
          ConsistentRead: true,
        })
      ).map((item) => withoutKeys<Bid>(item)),

    bidOf: async (rfqId: string, supplierId: string) => {
      const result = await db.send(new GetCommand({ TableName: table, Key: bidKey(rfqId, supplierId), ConsistentRead: true }))
      return result.Item ? withoutKeys<Bid>(result.Item) : undefined
    },

    bidsOn: async (rfqIds: string[], supplierId: string) =>
      (
        await batchGet(
          db,
          table,
          rfqIds.map((rfqId) => bidKey(rfqId, supplierId)),
        )
      ).map((item) => withoutKeys<Bid>(item)),

    bidsOfSupplier: async (supplierId: string, page: { cursor?: string; limit: number }) => {
      const result = await db.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': bidsOfSupplierIndex(supplierId, '', '').gsi2pk },
          ScanIndexForward: false,
          Limit: page.limit,
          ExclusiveStartKey: await cursors.decode(page.cursor),
        }),
      )
      return {
        items: (result.Items ?? []).map((item) => withoutKeys<Bid>(item)),
        nextCursor: await cursors.encode(result.LastEvaluatedKey),
      }
    },

    saveBid: async ({ rfqId, bid, expected, liveBidsDelta, firstBid, notifications }: Rfqs.BidWrite, now: Date) => {
      const values: Item = { ':open': 'open', ':now': now.toISOString(), ':delta': liveBidsDelta, ':one': 1 }
      let set = 'version = version + :one, bidCount = bidCount + :delta'
      let condition = '#status = :open AND bidDeadline > :now'
      if (firstBid) {
        // If two first bids race, the earlier write's time stays.
        set += ', firstBidAt = if_not_exists(firstBidAt, :firstAt), responseMinutes = if_not_exists(responseMinutes, :minutes)'
        values[':firstAt'] = firstBid.at
        values[':minutes'] = firstBid.responseMinutes
      }
      if (liveBidsDelta > 0) {
        condition += ' AND bidCount < :max'
        values[':max'] = Rfqs.maxLiveBids
      }
      const bidCondition =
        expected === 'new'
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: `version = :version AND #status IN (${expected.statuses.map((_, index) => `:s${index}`).join(', ')})`,
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':version': expected.version,
                ...Object.fromEntries(expected.statuses.map((status, index) => [`:s${index}`, status])),
              },
            }
      try {
        await withConflictRetry(() =>
          db.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: table,
                    Key: rfqKey(rfqId),
                    UpdateExpression: `SET ${set}`,
                    ConditionExpression: condition,
                    ExpressionAttributeNames: { '#status': 'status' },
                    ExpressionAttributeValues: values,
                  },
                },
                { Put: { TableName: table, Item: bidItem(bid), ...bidCondition } },
                ...notificationWrites(table, notifications),
              ],
            }),
          ),
        )
      } catch (error) {
        if (writeRefusal(error) !== 'condition') throw error
        const rfq = await get(rfqId)
        if (rfq?.status !== 'open') throw new Rfqs.RfqStateError(rfq?.status ?? 'missing', 'bid on')
        if (rfq.bidDeadline <= now.toISOString()) throw new Rfqs.BiddingClosedError()
        if (liveBidsDelta > 0 && rfq.bidCount >= Rfqs.maxLiveBids) throw new Rfqs.TooManyBidsError()
        throw new Rfqs.BidStateError('changed meanwhile')
      }
    },

    change: async ({ rfq, expected, bids = [], orders = [], notifications = [] }: Rfqs.RfqChange) => {
      const items: TransactItem[] = [
        {
          Put: {
            TableName: table,
            Item: rfqItem(rfq),
            ConditionExpression: 'version = :version AND #status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':version': expected.version, ':status': expected.status },
          },
        },
        ...bids.map(({ bid, expectedVersion }) => ({
          Put: {
            TableName: table,
            Item: bidItem(bid),
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: { ':version': expectedVersion },
          },
        })),
        ...orders.map((order) => ({
          Put: { TableName: table, Item: orderItem(order), ConditionExpression: 'attribute_not_exists(pk)' },
        })),
        ...notificationWrites(table, notifications),
      ]
      try {
        await withConflictRetry(() => db.send(new TransactWriteCommand({ TransactItems: items })))
      } catch (error) {
        if (writeRefusal(error) !== 'condition') throw error
        const current = await get(rfq.id)
        throw new Rfqs.RfqStateError(current?.status ?? 'missing', 'changed by this request (it changed meanwhile)')
      }
    },

    listDue: async (queue: 'bidding' | 'award', now: Date, limit: number) =>
      (
        await query({
          TableName: table,
          IndexName: 'gsi3',
          KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk < :due',
          ExpressionAttributeValues: {
            ':pk': rfqQueueIndex(queue === 'bidding' ? 'open' : 'closed', '', '').gsi3pk,
            ':due': `${now.toISOString()}#~`,
          },
          Limit: limit,
        })
      ).map((item) => withoutKeys<Rfq>(item)),
  } satisfies Rfqs.RfqStore
}
