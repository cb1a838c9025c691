import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { RatingQueueQuery } from '@market/contracts'
import { Orders, Ratings } from '@market/core'
import { auditPut } from './audit-writes.ts'
import type { CursorCodec } from './cursor.ts'
import { type Item, itemExists, itemIsNew, type TransactItem, withoutKeys } from './items.ts'
import { orderKey, ratingKey, ratingReportKey, ratingsInQueue, visibleRatingsOf } from './keys.ts'
import { notificationWrites } from './notification-repository.ts'
import { awaitingPartyKey } from './order-repository.ts'
import { createQueries } from './query.ts'
import { changesNothing, totalsUpdate } from './rating-totals.ts'
import { withConflictRetry, writeRefusal } from './transactions.ts'

const toRating = (item: Item) => withoutKeys<Ratings.StoredRating>(item)

/** Where a rating waits for an administrator: hidden (to restore), or visible with open reports (by the first). */
const queuePlace = (rating: Ratings.StoredRating) => {
  if (rating.status === 'hidden') return ratingsInQueue('hidden').entry(rating.hidden?.at ?? rating.updatedAt, rating.id)
  const firstOpen = rating.reports[rating.reports.length - rating.openReports]
  return rating.openReports > 0 && firstOpen ? ratingsInQueue('reported').entry(firstOpen.at, rating.id) : {}
}

const ratingItem = (rating: Ratings.StoredRating): Item => ({
  ...ratingKey(rating.id),
  type: 'rating',
  // Only visible ratings are on the supplier's list: hiding one takes it off, restoring puts it back.
  ...(rating.status === 'visible' ? visibleRatingsOf(rating.supplierId).entry(rating.createdAt, rating.id) : {}),
  ...queuePlace(rating),
  ...rating,
})

const rateableStatuses = ['delivered', 'completed']

export const createRatingRepository = (db: DynamoDBDocumentClient, table: string, cursors: CursorCodec) => {
  const { queryPage } = createQueries(db, table, cursors)
  const get = async (id: string) => {
    const result = await db.send(new GetCommand({ TableName: table, Key: ratingKey(id), ConsistentRead: true }))
    return result.Item ? toRating(result.Item) : undefined
  }

  /** Why a new rating was refused, read from its order as it is now. */
  const explainRefusedRating = async (orderId: string) => {
    const order = (await db.send(new GetCommand({ TableName: table, Key: orderKey(orderId), ConsistentRead: true }))).Item
    if (order && !order.ratingId && !rateableStatuses.includes(order.status as string))
      return new Orders.OrderStateError(order.status as string, 'rated')
    return new Ratings.RatingExistsError()
  }

  const pageOf = (page: { items: Item[]; nextCursor: string | null }) => ({
    items: page.items.map(toRating),
    nextCursor: page.nextCursor,
  })

  return {
    save: async ({ rating, expected, totals, notifications = [], audit }: Ratings.RatingWrite) => {
      const order = 'order' in expected ? expected.order : undefined
      const version = 'version' in expected ? expected.version : undefined
      const items: TransactItem[] = [
        {
          Put: {
            TableName: table,
            Item: ratingItem(rating),
            ...(order
              ? { ConditionExpression: itemIsNew }
              : { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': version } }),
          },
        },
        // One rating per order: the order is marked in the same transaction, on condition it is the
        // buyer's, delivered or completed and not rated yet; its version moves so that a step taken
        // from an older read of the order cannot write the mark away.
        ...(order
          ? [
              {
                Update: {
                  TableName: table,
                  Key: orderKey(order.id),
                  UpdateExpression: 'SET ratingId = :rating, version = version + :one',
                  ConditionExpression: `${itemExists} AND #buyer.#id = :buyer AND #status IN (:delivered, :completed) AND attribute_not_exists(ratingId)`,
                  ExpressionAttributeNames: { '#buyer': 'buyer', '#id': 'id', '#status': 'status' },
                  ExpressionAttributeValues: {
                    ':rating': rating.id,
                    ':one': 1,
                    ':buyer': order.buyerId,
                    ':delivered': 'delivered',
                    ':completed': 'completed',
                  },
                },
              },
              // Rated, the order leaves its buyer's to-do list (待评价).
              { Delete: { TableName: table, Key: awaitingPartyKey('buyer', order.buyerId, order) } },
            ]
          : []),
        ...(totals && !changesNothing(totals) ? [totalsUpdate(table, rating.supplierId, totals)] : []),
        ...notificationWrites(table, notifications),
        ...(audit ? [auditPut(table, audit)] : []),
      ]
      try {
        await withConflictRetry(() => db.send(new TransactWriteCommand({ TransactItems: items })))
      } catch (error) {
        if (writeRefusal(error) !== 'condition') throw error
        if (order) throw await explainRefusedRating(order.id)
        throw new Ratings.RatingStaleError((await get(rating.id))?.version ?? 0)
      }
    },

    get,

    report: async (ratingId: string, report: Ratings.RatingReport) => {
      const reported = ratingsInQueue('reported').entry(report.at, ratingId)
      const [pk, sk] = Object.keys(reported) as [string, string]
      try {
        await withConflictRetry(() =>
          db.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: table,
                    Item: { ...ratingReportKey(ratingId, report.by), type: 'rating-report', ratingId, ...report },
                    ConditionExpression: itemIsNew,
                  },
                },
                {
                  // A hidden rating keeps its place in the hidden queue; a visible one joins the reported queue
                  // at its first open report. The version moves, so an edit from an older read cannot drop the report.
                  Update: {
                    TableName: table,
                    Key: ratingKey(ratingId),
                    UpdateExpression:
                      'SET reports = list_append(reports, :report), #pk = if_not_exists(#pk, :pk), #sk = if_not_exists(#sk, :sk) ADD openReports :one, version :one',
                    ConditionExpression: itemExists,
                    ExpressionAttributeNames: { '#pk': pk, '#sk': sk },
                    ExpressionAttributeValues: { ':report': [report], ':pk': reported[pk], ':sk': reported[sk], ':one': 1 },
                  },
                },
              ],
            }),
          ),
        )
      } catch (error) {
        if (writeRefusal(error) !== 'condition') throw error
        const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : []
        if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new Ratings.AlreadyReportedError()
        throw error
      }
    },

    listVisible: async (supplierId: string, page: { cursor?: string; limit: number }) =>
      pageOf(await queryPage(visibleRatingsOf(supplierId), { ...page, descending: true })),

    queue: async ({ state, ...page }: RatingQueueQuery) =>
      // Reports are worked oldest first; hidden ratings are looked back on latest first.
      pageOf(await queryPage(ratingsInQueue(state), { ...page, descending: state === 'hidden' })),
  } satisfies Ratings.RatingStore
}
