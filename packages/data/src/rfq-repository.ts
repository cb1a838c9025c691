import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Bid, Rfq } from '@market/contracts'
import { Metrics, type Notifications, Orders, Rfqs } from '@market/core'
import type { CursorCodec } from './cursor.ts'
import { keyAnswerWrites, throwIfKeyAnswered } from './idempotency-repository.ts'
import { batchGet, type Item, itemIsNew, type TransactItem, withoutKeys } from './items.ts'
import {
  bidKey,
  bidsOfRfq,
  bidsOfSupplier,
  dueAfter,
  dueBy,
  invitationsOf,
  rfqFeed,
  rfqKey,
  rfqsInQueue,
  rfqsOfBuyer,
  rfqWithBids,
} from './keys.ts'
import { marketCounterWrites } from './market-metrics.ts'
import { deliverEach, notificationWrites } from './notification-repository.ts'
import { awaitingPartyWrites, orderItem, orderNumberGuards } from './order-repository.ts'
import { createQueries } from './query.ts'
import { statsWrites, trimResponseSample } from './supplier-stats.ts'
import { conditionFailedAt, conditionFailedFrom, maxTransactionItems, withConflictRetry, writeRefusal } from './transactions.ts'

const toRfq = (item: Item) => withoutKeys<Rfq>(item)
const toBid = (item: Item) => withoutKeys<Bid>(item)

const rfqItem = (rfq: Rfq): Item => {
  const due = rfq.status === 'open' ? rfq.bidDeadline : rfq.status === 'closed' ? rfq.awardDeadline : rfq.createdAt
  return {
    ...rfqKey(rfq.id),
    type: 'rfq',
    // Only open requests for everyone are in the category feeds.
    ...(rfq.status === 'open' && !rfq.invitedSupplierIds?.length ? rfqFeed(rfq.categoryId).entry(rfq.bidDeadline, rfq.id) : {}),
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
            ...(rfq.invitedSupplierIds ?? []).map((supplierId) => ({
              Put: {
                TableName: table,
                Item: { ...invitationsOf(supplierId).entry(rfq.bidDeadline, rfq.id), type: 'invitation', rfqId: rfq.id },
              },
            })),
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
     * The open requests of each category the supplier serves and its invitations, merged soonest
     * deadline first. Every source is ordered by `<bid deadline>#<request id>`, so where a page
     * ends is one position in that order, from which every source resumes: a page is one Query per
     * source and one BatchGet of the invited requests. Requests past their deadline are not read.
     */
    feed: async ({ supplierId, categories, cursor, limit, now }: Parameters<Rfqs.RfqStore['feed']>[0]) => {
      const binding = JSON.stringify(['feed', supplierId, categories])
      const position = (await cursors.decode(cursor, binding))?.after as string | undefined
      // One more than a page from each source: when a source is cut short, something of it is left for the next page.
      const reads = await Promise.all(
        [...categories.map(rfqFeed), invitationsOf(supplierId)].map(async (source) => {
          const read = await queryItems(source, { sortKey: dueAfter(now, position), limit: limit + 1 })
          return { ...read, entries: read.items.map((item) => ({ item, at: item[source.keys.sortKey] as string })) }
        }),
      )
      const entries = reads.flatMap((read) => read.entries).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      // A source that holds more than it returned is known only up to its last item: the page stops there.
      const horizon = reads
        .flatMap((read) => (read.lastKey ? (read.entries.at(-1)?.at ?? []) : []))
        .reduce<string | undefined>((lowest, at) => (lowest === undefined || at < lowest ? at : lowest), undefined)
      const page = entries.filter((entry) => horizon === undefined || entry.at <= horizon).slice(0, limit)
      const invited = new Map(
        (await getMany(page.filter(({ item }) => item.type === 'invitation').map(({ item }) => item.rfqId as string))).map(
          (rfq) => [rfq.id, rfq],
        ),
      )
      const more = entries.length > page.length || reads.some((read) => read.lastKey)
      const last = page.at(-1)
      return {
        items: page.flatMap(({ item }) =>
          item.type === 'invitation' ? (invited.get(item.rfqId as string) ?? []) : [toRfq(item)],
        ),
        nextCursor: more && last ? await cursors.encode({ after: last.at }, binding) : null,
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

    bidsOn: async (rfqIds: string[], supplierId: string) =>
      (
        await batchGet(
          db,
          table,
          rfqIds.map((rfqId) => bidKey(rfqId, supplierId)),
        )
      ).map(toBid),

    bidsOfSupplier: async (supplierId: string, page: { cursor?: string; limit: number }) => {
      const result = await queryPage(bidsOfSupplier(supplierId), { ...page, descending: true })
      return { items: result.items.map(toBid), nextCursor: result.nextCursor }
    },

    saveBid: async (
      { rfqId, bid, expected, liveBidsDelta, firstBid, supplierStats, notifications }: Rfqs.BidWrite,
      now: Date,
    ) => {
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
                    ExpressionAttributeNames: { '#status': 'status' },
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
        if (supplierStats?.responseMinutes !== undefined) await trimResponseSample(db, table, supplierStats.supplierId)
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
