import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb'
import {
  type AdminQueueCounts,
  type AttentionCounts,
  adminQueueCountCap,
  attentionCountCap,
  orderFlagKinds,
} from '@market/contracts'
import type { AttentionStore } from '@market/core'
import {
  certificationsInStatus,
  flaggedOrders,
  listingsInModeration,
  ordersAwaitingParty,
  ordersInQueue,
  pendingVerifications,
  ratingsInQueue,
  reportedListings,
  unreadCounterKey,
} from './keys.ts'
import { createQueries, type Filter } from './query.ts'
import { unreadMessagesOf } from './thread-repository.ts'

/** The navigation's counts: one counting Query per queue, each reading at most `attentionCountCap` entries. */
export const createAttentionRepository = (db: DynamoDBDocumentClient, table: string): AttentionStore => {
  const { countItems } = createQueries(db, table)
  const count = (partition: Parameters<typeof countItems>[0]) => countItems(partition, attentionCountCap)
  const unread = async (userId: string) => {
    const counter = await db.send(new GetCommand({ TableName: table, Key: unreadCounterKey(userId) }))
    return Math.min(Number(counter.Item?.unread ?? 0), attentionCountCap)
  }
  const adminQueues = async (): Promise<AttentionCounts['admin']> => {
    const [verifications, listings, ratings, disputes, ...flagged] = await Promise.all([
      count(pendingVerifications()),
      count(listingsInModeration('pending_review')),
      count(ratingsInQueue('reported')),
      count(ordersInQueue('disputed')),
      ...orderFlagKinds.map((kind) => count(flaggedOrders(kind))),
    ])
    const flaggedOrderCount = Math.min(
      flagged.reduce((sum, n) => sum + n, 0),
      attentionCountCap,
    )
    return { verifications, listings, ratings, disputes, flaggedOrders: flaggedOrderCount }
  }

  const consoleCount = (partition: Parameters<typeof countItems>[0], filter?: Filter) =>
    countItems(partition, adminQueueCountCap, filter)
  // The verification queue holds both kinds of request: a verified supplier in it has a bank-account change waiting.
  const verificationIs = (status: 'pending' | 'verified'): Filter => ({
    expression: 'verificationDetails.#status = :verification',
    names: { '#status': 'status' },
    values: { ':verification': status },
  })

  return {
    adminQueues: async (): Promise<AdminQueueCounts> => {
      const [
        verifications,
        bankAccountChanges,
        listingsToReview,
        reportedListingCount,
        reportedRatings,
        disputes,
        unconfirmedTransfers,
        certificationRequests,
      ] = await Promise.all([
        consoleCount(pendingVerifications(), verificationIs('pending')),
        consoleCount(pendingVerifications(), verificationIs('verified')),
        consoleCount(listingsInModeration('pending_review')),
        consoleCount(reportedListings()),
        consoleCount(ratingsInQueue('reported')),
        consoleCount(ordersInQueue('disputed')),
        consoleCount(flaggedOrders('transfer_overdue')),
        consoleCount(certificationsInStatus('pending')),
      ])
      return {
        verifications,
        bankAccountChanges,
        listingsToReview,
        reportedListings: reportedListingCount,
        reportedRatings,
        disputes,
        unconfirmedTransfers,
        certificationRequests,
      }
    },

    countFor: async ({ id, role }) => {
      if (role === 'admin') {
        const [notifications, admin] = await Promise.all([unread(id), adminQueues()])
        return { orders: 0, notifications, messages: 0, admin }
      }
      const [orders, notifications, messages] = await Promise.all([
        count(ordersAwaitingParty(role, id)),
        unread(id),
        unreadMessagesOf(db, table, id).then((n) => Math.min(n, attentionCountCap)),
      ])
      return { orders, notifications, messages }
    },
  }
}
