import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Listing, Order, OrderFlag, OrderFlagKind, OrdersQuery } from '@market/contracts'
import type { Metrics } from '@market/core'
import { Orders } from '@market/core'
import { createAccountRepository } from './account-repository.ts'
import { auditPut } from './audit-writes.ts'
import type { CursorCodec } from './cursor.ts'
import { keyAnswerWrites, keyRecordOf, throwIfKeyAnswered } from './idempotency-repository.ts'
import { batchGet, batchPut, type Item, itemIsNew, keyedRead, type TransactItem, withoutKeys } from './items.ts'
import {
  dueBy,
  flaggedOrders,
  idempotencyKey,
  listingKey,
  orderKey,
  orderNumberKey,
  ordersAwaitingParty,
  ordersInQueue,
  ordersOfBuyer,
  ordersOfSupplier,
  paymentIntentKey,
  sampleCreditKey,
  sampleHoldKey,
  stripeEventKey,
} from './keys.ts'
import { applyMarketChanges, marketCounterWrites } from './market-metrics.ts'
import { notificationWrites } from './notification-repository.ts'
import { allOf, containing, createQueries, equalTo } from './query.ts'
import { statsWrites } from './supplier-stats.ts'
import { conditionFailedAt, conditionFailedFrom, withConflictRetry, writeRefusal } from './transactions.ts'

const toOrder = (item: Item) => withoutKeys<Order>(item)

const toSampleCredit = (item: Item): Orders.SampleCredit => {
  const { expiresAt: _ttl, ...credit } = withoutKeys<Orders.SampleCredit & { expiresAt: number }>(item)
  return credit
}

/**
 * The order's gsi3 queue, by its next deadline: unpaid orders by payment due time, recorded
 * transfers by the time they were recorded (72 h later they are flagged), delivered orders by
 * completion time. Overdue transfers leave the job's queue for their own.
 */
const queueOf = (order: Order) => {
  const stage = Orders.stageOf(order)
  const flaggedAt = order.flags?.find((flag) => flag.kind === 'transfer_overdue')?.at
  if (stage === 'pending_payment') return ordersInQueue(stage).entry(order.paymentDueAt, order.id)
  if (stage === 'awaiting_confirmation' && order.payment.transfer)
    return ordersInQueue(stage).entry(order.payment.transfer.recordedAt, order.id)
  if (stage === 'transfer_overdue' && flaggedAt) return ordersInQueue(stage).entry(flaggedAt, order.id)
  if (stage === 'delivered' && order.autoCompleteAt) return ordersInQueue(stage).entry(order.autoCompleteAt, order.id)
  return ordersInQueue(order.status).entry(order.updatedAt, order.id)
}

const dueQueues = { payment: 'pending_payment', completion: 'delivered', transfer: 'awaiting_confirmation' } as const

/** A flag's entry in the administrators' queue, as a transaction item. */
const flagWrites = (table: string, orderId: string, { raised, settled }: { raised: OrderFlag[]; settled: OrderFlag[] }) => [
  ...raised.map((flag) => ({
    Put: {
      TableName: table,
      Item: { ...flaggedOrders(flag.kind).entry(flag.at, orderId), type: 'order-flag', orderId },
    },
  })),
  ...settled.map((flag) => ({ Delete: { TableName: table, Key: flaggedOrders(flag.kind).entry(flag.at, orderId) } })),
]

/** An order as a table item: also used by the RFQ award, which creates orders in its own transaction. */
export const orderItem = (order: Order): Item => ({
  ...orderKey(order.id),
  type: 'order',
  ...ordersOfBuyer(order.buyer.id).entry(order.createdAt, order.id),
  ...ordersOfSupplier(order.supplier.id).entry(order.createdAt, order.id),
  ...queueOf(order),
  ...order,
})

/**
 * Order numbers are drawn at random: a number's guard, put only if absent, keeps it to one order.
 * It is needed only while its day can still draw numbers, so it goes (TTL) a few days after.
 */
const orderNumberGuardSeconds = 3 * 24 * 3600

/** The guards of new orders' numbers: the last items of the transaction that creates the orders. */
export const orderNumberGuards = (table: string, orders: Order[]): TransactItem[] =>
  orders.flatMap((order) =>
    order.orderNumber
      ? [
          {
            Put: {
              TableName: table,
              Item: {
                ...orderNumberKey(order.orderNumber),
                type: 'order-number',
                orderId: order.id,
                expiresAt: Math.floor(Date.parse(order.createdAt) / 1000) + orderNumberGuardSeconds,
              },
              ConditionExpression: itemIsNew,
            },
          },
        ]
      : [],
  )

/** How many of a party's orders one page of an order-number search reads. */
const searchReadAhead = 1000
/** Where an order waits in a party's to-do list (whether or not it is there now). */
export const awaitingPartyKey = (party: Orders.Party, userId: string, order: Pick<Order, 'id' | 'createdAt'>) =>
  ordersAwaitingParty(party, userId).entry(order.createdAt, order.id)

/**
 * The order's to-do entries as transaction items: a copy for each party it waits for, a delete for
 * the other (none for a new order, which is in no list yet). Written with every put of the order,
 * so the lists never disagree with it.
 */
export const awaitingPartyWrites = (table: string, order: Order, { isNew = false } = {}): TransactItem[] =>
  Orders.parties.flatMap((party): TransactItem[] => {
    const attention = Orders.attentionOf(order, party)
    const Key = awaitingPartyKey(party, order[party].id, order)
    if (attention) return [{ Put: { TableName: table, Item: { ...Key, type: 'order-todo', ...order } } }]
    return isNew ? [] : [{ Delete: { TableName: table, Key } }]
  })

/** Processed Stripe events are kept 90 days: longer than Stripe retries a delivery. */
const eventRetentionSeconds = 90 * 24 * 3600

/** A Stripe event marked as seen; put only if it was not, so a replay is refused. */
const stripeEventPut = (table: string, eventId: string) => ({
  TableName: table,
  Item: { ...stripeEventKey(eventId), type: 'stripe-event', expiresAt: Math.floor(Date.now() / 1000) + eventRetentionSeconds },
  ConditionExpression: itemIsNew,
})

/** A sample credit as stored: DynamoDB's TTL removes it some time after its date (reads check the date). */
const sampleCreditPut = (table: string, credit: Orders.SampleCredit): TransactItem => ({
  Put: {
    TableName: table,
    Item: {
      ...sampleCreditKey(credit.buyerId, credit.listingId),
      type: 'sample-credit',
      ...credit,
      expiresAt: Math.ceil(Date.parse(credit.until) / 1000),
    },
  },
})

/** A sample order's transaction items: the listing still offers the sample at its price; the buyer's hold. */
const sampleClaimWrites = (table: string, claim: Orders.SampleClaim, orderId: string): TransactItem[] => [
  {
    ConditionCheck: {
      TableName: table,
      Key: listingKey(claim.listingId),
      ConditionExpression: '#status = :active AND #sample.priceFen = :price',
      ExpressionAttributeNames: { '#status': 'status', '#sample': 'sample' },
      ExpressionAttributeValues: { ':active': 'active', ':price': claim.priceFen },
    },
  },
  {
    Put: {
      TableName: table,
      Item: { ...sampleHoldKey(claim.buyerId, claim.listingId), type: 'sample-hold', orderId },
      ConditionExpression: itemIsNew,
    },
  },
]

/** The credit a bulk order takes: gone, on condition no other order took it first. */
const creditUse = (table: string, credit: Orders.SampleCredit): TransactItem => ({
  Delete: {
    TableName: table,
    Key: sampleCreditKey(credit.buyerId, credit.listingId),
    ConditionExpression: 'orderId = :orderId',
    ExpressionAttributeValues: { ':orderId': credit.orderId },
  },
})

const sampleChangeWrites = (table: string, changes: Orders.SampleChanges = {}): TransactItem[] => [
  ...(changes.releaseHold
    ? [{ Delete: { TableName: table, Key: sampleHoldKey(changes.releaseHold.buyerId, changes.releaseHold.listingId) } }]
    : []),
  ...(changes.grantCredit ? [sampleCreditPut(table, changes.grantCredit)] : []),
  ...(changes.revokeCredit
    ? [{ Delete: { TableName: table, Key: sampleCreditKey(changes.revokeCredit.buyerId, changes.revokeCredit.listingId) } }]
    : []),
]

export const createOrderRepository = (db: DynamoDBDocumentClient, table: string, cursors: CursorCodec) => {
  // The listing's supplier is read as the accounts read any user.
  const accounts = createAccountRepository(db, table, cursors)
  const get = async (id: string) => {
    const result = await db.send(new GetCommand({ TableName: table, Key: orderKey(id), ConsistentRead: true }))
    return result.Item ? toOrder(result.Item) : undefined
  }

  const { queryItems, queryPage } = createQueries(db, table, cursors)
  const placementRead = ({ listingId, buyerId, key }: Orders.PlacementInput, now: Date) => {
    const keys = {
      listing: listingKey(listingId),
      credit: sampleCreditKey(buyerId, listingId),
      answer: key ? idempotencyKey(key.scope, key.key) : undefined,
    }
    return keyedRead(
      db,
      table,
      Object.values(keys).flatMap((k) => k ?? []),
      (found): Orders.PlacementRead => {
        const listing = found(keys.listing)
        const credit = found(keys.credit)
        const answer = keys.answer && found(keys.answer)
        return {
          listing: listing ? withoutKeys<Listing>(listing) : undefined,
          credit: credit ? toSampleCredit(credit) : undefined,
          recorded: answer ? keyRecordOf(answer, now) : undefined,
        }
      },
    )
  }

  /** Why placing an order failed, read from the listing as it is now. */
  const explainRefusedClaim = async (claim: Orders.StockClaim) => {
    const result = await db.send(new GetCommand({ TableName: table, Key: listingKey(claim.listingId), ConsistentRead: true }))
    const listing = result.Item
    if (listing?.status !== 'active') return new Orders.ListingUnavailableError()
    if ((listing.priceVersion ?? 0) !== claim.priceVersion) return new Orders.PriceChangedError()
    return new Orders.InsufficientStockError(listing.stock as number)
  }

  return {
    place: async ({ order, claim, sample, credit, notifications = [], keyAnswer }: Parameters<Orders.OrderStore['place']>[0]) => {
      const claimIndex = keyAnswerWrites(table, keyAnswer).length
      const sampleWrites = sample ? sampleClaimWrites(table, sample, order.id) : []
      const items: TransactItem[] = [
        ...keyAnswerWrites(table, keyAnswer),
        ...(claim
          ? [
              {
                Update: {
                  TableName: table,
                  Key: listingKey(claim.listingId),
                  // Stock changes bump the version, so a supplier's edit made from an older read cannot overwrite it.
                  UpdateExpression: 'SET stock = stock - :quantity, version = version + :one',
                  ConditionExpression:
                    '#status = :active AND stock >= :quantity AND (attribute_not_exists(priceVersion) OR priceVersion = :priceVersion)',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: {
                    ':quantity': claim.quantity,
                    ':one': 1,
                    ':active': 'active',
                    ':priceVersion': claim.priceVersion,
                  },
                },
              },
            ]
          : []),
        ...sampleWrites,
        ...(credit ? [creditUse(table, credit)] : []),
        { Put: { TableName: table, Item: orderItem(order), ConditionExpression: itemIsNew } },
        ...awaitingPartyWrites(table, order, { isNew: true }),
        ...notificationWrites(table, notifications),
      ]
      const guardIndex = items.length
      items.push(...orderNumberGuards(table, [order]))
      try {
        await withConflictRetry(() => db.send(new TransactWriteCommand({ TransactItems: items })))
      } catch (error) {
        throwIfKeyAnswered(error, keyAnswer)
        // A listing that can no longer fill the order says so; a number another order has is drawn again.
        if (claim && conditionFailedAt(error, claimIndex)) throw await explainRefusedClaim(claim)
        if (sample && conditionFailedAt(error, claimIndex)) throw new Orders.ListingUnavailableError()
        if (sample && conditionFailedAt(error, claimIndex + 1)) throw new Orders.SampleAlreadyOrderedError()
        if (credit && conditionFailedAt(error, claimIndex + (claim ? 1 : 0))) throw new Orders.SampleCreditChangedError()
        if (conditionFailedFrom(error, guardIndex)) throw new Orders.OrderNumberTakenError()
        if (claim && writeRefusal(error) === 'condition') throw await explainRefusedClaim(claim)
        throw error
      }
    },

    sampleCredit: async ({ buyerId, listingId }: Orders.SamplePair) => {
      const result = await db.send(
        new GetCommand({ TableName: table, Key: sampleCreditKey(buyerId, listingId), ConsistentRead: true }),
      )
      return result.Item ? toSampleCredit(result.Item) : undefined
    },

    placementRead,

    forPlacement: async (input: Orders.PlacementInput, now: Date, first?: Orders.PlacementRead) => {
      const { listing, credit, recorded } = first ?? (await placementRead(input, now).read())
      return {
        found: listing ? { listing, supplier: await accounts.findUserById(listing.supplierId) } : undefined,
        credit,
        recorded,
      }
    },

    get,

    change: async ({
      order,
      expected,
      restoreStock,
      stripeEventId,
      flags,
      notifications = [],
      audit,
      keyAnswer,
      supplierStats,
      market,
      samples,
    }: Orders.OrderChange) => {
      const items: TransactItem[] = [
        ...keyAnswerWrites(table, keyAnswer),
        {
          Put: {
            TableName: table,
            Item: orderItem(order),
            ConditionExpression: 'version = :version AND #status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':version': expected.version, ':status': expected.status },
          },
        },
        ...awaitingPartyWrites(table, order),
        ...(restoreStock
          ? [
              {
                Update: {
                  TableName: table,
                  Key: listingKey(restoreStock.listingId),
                  UpdateExpression: 'SET stock = stock + :quantity, version = version + :one',
                  ExpressionAttributeValues: { ':quantity': restoreStock.quantity, ':one': 1 },
                },
              },
            ]
          : []),
        ...(order.payment.paymentIntentId
          ? [
              {
                Put: {
                  TableName: table,
                  Item: { ...paymentIntentKey(order.payment.paymentIntentId), type: 'payment-intent', orderId: order.id },
                },
              },
            ]
          : []),
        ...(flags ? flagWrites(table, order.id, flags) : []),
        ...statsWrites(table, supplierStats),
        ...marketCounterWrites(table, market),
        ...sampleChangeWrites(table, samples),
        ...notificationWrites(table, notifications),
        ...(audit ? [auditPut(table, audit)] : []),
      ]
      const eventIndex = items.length
      if (stripeEventId) {
        items.push({ Put: stripeEventPut(table, stripeEventId) })
      }
      try {
        await withConflictRetry(() => db.send(new TransactWriteCommand({ TransactItems: items })))
      } catch (error) {
        throwIfKeyAnswered(error, keyAnswer)
        if (writeRefusal(error) !== 'condition') throw error
        const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : []
        if (stripeEventId && reasons[eventIndex]?.Code === 'ConditionalCheckFailed') throw new Orders.PaymentEventSeenError()
        const current = await get(order.id)
        throw new Orders.OrderStateError(current?.status ?? 'missing', 'changed by this request (it changed meanwhile)')
      }
    },

    recordStripeEvent: async (eventId: string) => {
      try {
        await db.send(new PutCommand(stripeEventPut(table, eventId)))
        return true
      } catch (error) {
        if (writeRefusal(error) === 'condition') return false
        throw error
      }
    },

    findByPaymentIntent: async (paymentIntentId: string) => {
      const result = await db.send(
        new GetCommand({ TableName: table, Key: paymentIntentKey(paymentIntentId), ConsistentRead: true }),
      )
      return result.Item ? get(result.Item.orderId as string) : undefined
    },

    listForParty: async (userId: string, { role, status, needs, q, ...page }: OrdersQuery) => {
      const orders = needs
        ? ordersAwaitingParty(role, userId)
        : role === 'buyer'
          ? ordersOfBuyer(userId)
          : ordersOfSupplier(userId)
      // An order number, or its end: the party's orders whose number contains it.
      const filter = allOf(equalTo({ status }), q ? containing('orderNumber', q) : undefined)
      // A number matches few orders: a search reads up to a thousand of the party's orders per page.
      const result = await queryPage(orders, {
        ...page,
        ...(filter ? { filter } : {}),
        ...(q ? { readAhead: searchReadAhead } : {}),
        descending: true,
      })
      return { items: result.items.map(toOrder), nextCursor: result.nextCursor }
    },

    listByStatus: async (status: Order['status'], page: { cursor?: string; limit: number }) => {
      const result = await queryPage(ordersInQueue(status), { cursor: page.cursor, limit: page.limit })
      return { items: result.items.map(toOrder), nextCursor: result.nextCursor }
    },

    listDue: async (queue: keyof typeof dueQueues, by: Date, limit: number) =>
      (await queryItems(ordersInQueue(dueQueues[queue]), { sortKey: dueBy(by), limit })).items.map(toOrder),

    listFlagged: async (kind: OrderFlagKind, page: { cursor?: string; limit: number }) => {
      const result = await queryPage(flaggedOrders(kind), page)
      const ids = result.items.map((entry) => entry.orderId as string)
      const found = new Map(
        (await batchGet(db, table, ids.map(orderKey), { consistent: true })).map((item) => [item.id as string, toOrder(item)]),
      )
      return { items: ids.flatMap((id) => found.get(id) ?? []), nextCursor: result.nextCursor }
    },
  } satisfies Orders.OrderStore
}

/** Past orders written in bulk, 25 to a request, 8 requests at a time (their figures aside: see below). */
export const writePastOrders = (db: DynamoDBDocumentClient, table: string, orders: Order[]) =>
  batchPut(db, table, orders.map(orderItem))

/**
 * Past orders written in bulk (the demo's 18 months of trade): the orders, and what their steps
 * added to the market's figures, merged by day, through the same counter writes the steps'
 * transactions make.
 */
export const writeOrderHistory = async (
  db: DynamoDBDocumentClient,
  table: string,
  history: { order: Order; changes: Metrics.MarketChange[] }[],
) => {
  await writePastOrders(
    db,
    table,
    history.map(({ order }) => order),
  )
  await applyMarketChanges(
    db,
    table,
    history.flatMap(({ changes }) => changes),
  )
}
