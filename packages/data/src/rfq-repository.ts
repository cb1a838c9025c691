import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Bid, Rfq } from '@market/contracts'
import { Metrics, type Notifications, Orders, Rfqs } from '@market/core'
import type { CursorCodec } from './cursor.ts'
import { keyAnswerWrites, throwIfKeyAnswered } from './idempotency-repository.ts'
import { batchGet, type Item, itemIsNew, keyedRead, type TransactItem, withoutKeys } from './items.ts'
import {
  bidKey,
  bidsOfRfq,
  bidsOfSupplier,
  dueAfter,
  dueBy,
  rfqFeed,
  rfqKey,
  rfqsInQueue,
  rfqsOfBuyer,
  rfqWithBids,
  supplierStatsKey,
} from './keys.ts'
import { marketCounterWrites } from './market-metrics.ts'
import { deliverEach, notificationWrites } from './notification-repository.ts'
import { awaitingPartyWrites, orderItem, orderNumberGuards } from './order-repository.ts'
import { createQueries } from './query.ts'
import { statsWrites, toStats, trimResponseSample } from './supplier-stats.ts'
import { conditionFailedAt, conditionFailedFrom, maxTransactionItems, withConflictRetry, writeRefusal } from './transactions.ts'

/**
 * Each bidder's bid status, kept on the request while it is open (`bidder:<supplierId>`), so that
 * the feed tells a supplier where its bid stands from the requests it reads. It never leaves this
 * repository: a request read drops it, and a change of the request (every one ends bidding) writes
 * the request without it.
 */
const bidderPrefix = 'bidder:'
const bidderAttribute = (supplierId: string) => `${bidderPrefix}${supplierId}`

const toRfq = (item: Item) => {
  const rfq = withoutKeys<Rfq & Item>(item)
  for (const name of Object.keys(rfq)) if (name.startsWith(bidderPrefix)) delete rfq[name]
  return rfq as Rfq
}

/** How many requests a feed page reads for each it shows: its filter drops those not for the supplier. */
const feedReadAhead = 2
const toBid = (item: Item) => withoutKeys<Bid>(item)

/** The request and a user's bid on it, from what a keyed read found. */
const requestAndBid = (found: (key: Record<string, string>) => Item | undefined, rfqId: string, userId: string) => {
  const rfq = found(rfqKey(rfqId))
  const bid = found(bidKey(rfqId, userId))
  return { ...(rfq ? { rfq: toRfq(rfq) } : {}), ...(bid ? { bid: toBid(bid) } : {}) }
}

const rfqItem = (rfq: Rfq): Item => {
  const due = rfq.status === 'open' ? rfq.bidDeadline : rfq.status === 'closed' ? rfq.awardDeadline : rfq.createdAt
  return {
    ...rfqKey(rfq.id),
    type: 'rfq',
    // Only open requests are in the category feeds.
    ...(rfq.status === 'open' ? rfqFeed(rfq.categoryId).entry(rfq.bidDeadline, rfq.id) : {}),
    ...rfqsOfBuyer(rfq.buyer.id).entry(rfq.createdAt, rfq.id),
    ...rfqsInQueue(rfq.status).entry(due, rfq.id),
    ...rfq,
  }
}

const bidItem = (bid: Bid): Item => ({
  ...bidKey(bid.rfqId, bid.supplier.id),
  type: 'bid',
  ...bidsOfSupplier(bid.supplier.id).entry(bid.createdAt, bid.rfqId),
  ...bid,
})

export const createRfqRepository = (db: DynamoDBDocumentClient, table: string, cursors: CursorCodec) => {
  const get = async (id: string) => {
    const result = await db.send(new GetCommand({ TableName: table, Key: rfqKey(id), ConsistentRead: true }))
    return result.Item ? toRfq(result.Item) : undefined
  }

  /** Several requests in one BatchGet, in the order asked for. */
  const getMany = async (ids: string[]) => {
    const found = new Map((await batchGet(db, table, ids.map(rfqKey))).map((item) => [item.id as string, toRfq(item)]))
    return ids.flatMap((id) => found.get(id) ?? [])
  }

  const { queryItems, queryPage } = createQueries(db, table, cursors)

  return {
    create: async (rfq: Rfq, notifications: Parameters<Rfqs.RfqStore['create']>[1]) => {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table, Item: rfqItem(rfq), ConditionExpression: itemIsNew } },
            ...notificationWrites(table, notifications),
            ...marketCounterWrites(table, Metrics.rfqPostedChange(rfq)),
          ],
        }),
      )
    },

    get,

    getMany,

    listByBuyer: async (buyerId: string, page: { cursor?: string; limit: number }) => {
      const result = await queryPage(rfqsOfBuyer(buyerId), { ...page, descending: true })
      return { items: result.items.map(toRfq), nextCursor: result.nextCursor }
    },

    /**
     * One Query: a category's open requests (gsi1), or every open request (the open queue, gsi3),
     * from the position where the last page ended, filtered to those for the supplier. It reads
     * `feedReadAhead` times the page at most, however many requests there are; the page keeps the
     * first `limit` that pass, and the next starts after the last it kept (or the last it read).
     */
    feed: async ({ supplierId, categories, category, cursor, limit, now }: Parameters<Rfqs.RfqStore['feed']>[0]) => {
      const source = category ? rfqFeed(category) : rfqsInQueue('open')
      const forAll = 'attribute_not_exists(invitedSupplierIds)'
      const invited = 'contains(invitedSupplierIds, :me)'
      const inCategories = categories.length
        ? `(${forAll} AND categoryId IN (${categories.map((_, index) => `:c${index}`).join(', ')})) OR `
        : ''
      const filter = {
        expression: category ? `${forAll} OR ${invited}` : `${inCategories}${invited}`,
        values: {
          ':me': supplierId,
          ...(category ? {} : Object.fromEntries(categories.map((id, index) => [`:c${index}`, id]))),
        },
      }
      const binding = JSON.stringify(['feed', source.pk, filter])
      const position = (await cursors.decode(cursor, binding))?.after as string | undefined
      const { items, lastKey } = await queryItems(source, {
        sortKey: dueAfter(now, position),
        filter,
        limit: limit * feedReadAhead,
      })
      const page = items.slice(0, limit)
      const resumeAfter = items.length > limit ? page.at(-1)?.[source.keys.sortKey] : lastKey?.[source.keys.sortKey]
      return {
        items: page.map((item) => {
          const myBidStatus = item[bidderAttribute(supplierId)] as Bid['status'] | undefined
          return { rfq: toRfq(item), ...(myBidStatus ? { myBidStatus } : {}) }
        }),
        nextCursor: await cursors.encode(resumeAfter ? { after: resumeAfter } : undefined, binding),
      }
    },

    bids: async (rfqId: string) => (await queryItems(bidsOfRfq(rfqId), { consistent: true })).items.map(toBid),

    withBids: async (rfqId: string) => {
      const { items } = await queryItems(rfqWithBids(rfqId), { consistent: true })
      const rfq = items.find((item) => item.type === 'rfq')
      return rfq ? { rfq: toRfq(rfq), bids: items.filter((item) => item.type === 'bid').map(toBid) } : undefined
    },

    bidOf: async (rfqId: string, supplierId: string) => {
      const result = await db.send(new GetCommand({ TableName: table, Key: bidKey(rfqId, supplierId), ConsistentRead: true }))
      return result.Item ? toBid(result.Item) : undefined
    },

    withOwnBid: (rfqId: string, userId: string) =>
      keyedRead(db, table, [rfqKey(rfqId), bidKey(rfqId, userId)], (found) => requestAndBid(found, rfqId, userId)),

    bidContext: (rfqId: string, supplierId: string) =>
      keyedRead(db, table, [rfqKey(rfqId), bidKey(rfqId, supplierId), supplierStatsKey(supplierId)], (found) => ({
        ...requestAndBid(found, rfqId, supplierId),
        responseTimesHeld: toStats(found(supplierStatsKey(supplierId))).responseMinutes.length,
      })),

    bidsOfSupplier: async (supplierId: string, page: { cursor?: string; limit: number }) => {
      const result = await queryPage(bidsOfSupplier(supplierId), { ...page, descending: true })
      return { items: result.items.map(toBid), nextCursor: result.nextCursor }
    },

    saveBid: async (
      { rfqId, bid, expected, liveBidsDelta, firstBid, supplierStats, responseTimesHeld, notifications }: Rfqs.BidWrite,
      now: Date,
    ) => {
      const values: Item = {
        ':open': 'open',
        ':now': now.toISOString(),
        ':delta': liveBidsDelta,
        ':one': 1,
        ':bidStatus': bid.status,
      }
      let set = 'version = version + :one, bidCount = bidCount + :delta, #bidder = :bidStatus'
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
          ? { ConditionExpression: itemIsNew }
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
                    ExpressionAttributeNames: { '#status': 'status', '#bidder': bidderAttribute(bid.supplier.id) },
                    ExpressionAttributeValues: values,
                  },
                },
                { Put: { TableName: table, Item: bidItem(bid), ...bidCondition } },
                ...statsWrites(table, supplierStats),
                ...notificationWrites(table, notifications),
                ...marketCounterWrites(table, firstBid && Metrics.firstBidChange(firstBid)),
              ],
            }),
          ),
        )
        if (supplierStats?.responseMinutes !== undefined && responseTimesHeld !== undefined)
          await trimResponseSample(db, table, supplierStats.supplierId, responseTimesHeld)
      } catch (error) {
        if (writeRefusal(error) !== 'condition') throw error
        const rfq = await get(rfqId)
        if (rfq?.status !== 'open') throw new Rfqs.RfqStateError(rfq?.status ?? 'missing', 'bid on')
        if (rfq.bidDeadline <= now.toISOString()) throw new Rfqs.BiddingClosedError()
        if (liveBidsDelta > 0 && rfq.bidCount >= Rfqs.maxLiveBids) throw new Rfqs.TooManyBidsError()
        throw new Rfqs.BidStateError('changed meanwhile')
      }
    },

    change: async ({
      rfq,
      expected,
      bids = [],
      orders = [],
      notifications = [],
      notificationsIfRoom = [],
      keyAnswer,
    }: Rfqs.RfqChange) => {
      const rfqIndex = keyAnswerWrites(table, keyAnswer).length
      const items = (told: Notifications.OutgoingNotification[]): TransactItem[] => [
        ...keyAnswerWrites(table, keyAnswer),
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
        ...orders.flatMap((order) => [
          { Put: { TableName: table, Item: orderItem(order), ConditionExpression: itemIsNew } },
          ...awaitingPartyWrites(table, order, { isNew: true }),
        ]),
        ...notificationWrites(table, told),
        ...marketCounterWrites(table, Metrics.rfqMarketChange(expected.status, rfq)),
        // Last, so that a refusal on any of them is a number clash.
        ...orderNumberGuards(table, orders),
      ]
      const everyone = items([...notifications, ...notificationsIfRoom])
      const fits = everyone.length <= maxTransactionItems
      const write = fits ? everyone : items(notifications)
      const guardIndex = write.length - orderNumberGuards(table, orders).length
      try {
        await withConflictRetry(() => db.send(new TransactWriteCommand({ TransactItems: write })))
      } catch (error) {
        throwIfKeyAnswered(error, keyAnswer)
        if (writeRefusal(error) !== 'condition') throw error
        // The award's order numbers were taken meanwhile (and the request itself still as read): number again.
        if (!conditionFailedAt(error, rfqIndex) && conditionFailedFrom(error, guardIndex))
          throw new Orders.OrderNumberTakenError()
        const current = await get(rfq.id)
        throw new Rfqs.RfqStateError(current?.status ?? 'missing', 'changed by this request (it changed meanwhile)')
      }
      if (!fits) await deliverEach(db, table, notificationsIfRoom)
    },

    listDue: async (queue: 'bidding' | 'award', now: Date, limit: number) => {
      const due = rfqsInQueue(queue === 'bidding' ? 'open' : 'closed')
      return (await queryItems(due, { sortKey: dueBy(now), limit })).items.map(toRfq)
    },
  } satisfies Rfqs.RfqStore
}
