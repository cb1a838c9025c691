import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb'
import { type AttentionCounts, attentionCountCap, orderFlagKinds } from '@market/contracts'
import type { AttentionStore } from '@market/core'
import {
  flaggedOrders,
  listingsInModeration,
  ordersAwaitingParty,
  ordersInQueue,
  pendingVerifications,
  ratingsInQueue,
  unreadCounterKey,
} from './keys.ts'
import { createQueries } from './query.ts'
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

  return {
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
