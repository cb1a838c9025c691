import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Notification } from '@market/contracts'
import type { Notifications } from '@market/core'
import { batchGet, hasKey, itemExists, type TransactItem } from './items.ts'
import { inboxOf, mailQueue, notificationKey, notificationsOf, unreadCounterKey } from './keys.ts'
import { createQueries } from './query.ts'
import { withConflictRetry, writeRefusal } from './transactions.ts'

/**
 * The writes that deliver notifications; the caller puts them in the transaction of the change.
 * Each notification is also queued for e-mail (the mail worker sends it to users who opted in),
 * so the e-mail is as durable as the change and costs the transaction no extra item.
 */
export const notificationWrites = (table: string, notifications: Notifications.OutgoingNotification[]): TransactItem[] => {
  const perUser = new Map<string, number>()
  const puts: TransactItem[] = notifications.map(({ userId, type, ...notification }) => {
    perUser.set(userId, (perUser.get(userId) ?? 0) + 1)
    return {
      Put: {
        TableName: table,
        // `type` names the kind of item in this table, so the notification's own type goes by another name.
        Item: {
          ...notificationKey(userId, notification.id),
          ...mailQueue().entry(notification.createdAt, notification.id),
          mailTo: userId,
          type: 'notification',
          notificationType: type,
          ...notification,
        },
      },
    }
  })
  // One counter update per user: a transaction may not touch an item twice.
  const counters: TransactItem[] = [...perUser].map(([userId, count]) => ({
    Update: {
      TableName: table,
      Key: unreadCounterKey(userId),
      UpdateExpression: 'ADD unread :n',
      ExpressionAttributeValues: { ':n': count },
    },
  }))
  return [...puts, ...counters]
}

/** Notifications outside any change's transaction: each with its unread count, one transaction each. */
export const deliverEach = async (
  db: DynamoDBDocumentClient,
  table: string,
  notifications: Notifications.OutgoingNotification[],
) => {
  for (const single of notifications) {
    await db.send(new TransactWriteCommand({ TransactItems: notificationWrites(table, [single]) }))
  }
}

export const toNotification = (item: Record<string, unknown>): Notification => ({
  id: item.id as string,
  type: item.notificationType as string,
  params: item.params as Record<string, string>,
  read: item.read as boolean,
  createdAt: item.createdAt as string,
})

/** Notifications marked read per transaction: with the counter's update, DynamoDB's 100 items. */
const markedPerTransaction = 99
/** Rounds of re-reading what another request marked meanwhile before leaving it to that request. */
const markRounds = 4

export const createNotificationRepository = (db: DynamoDBDocumentClient, table: string) => {
  const { queryItems } = createQueries(db, table)

  /** Which of these notifications of the user are there and unread: one BatchGet per 100. */
  const unreadAmong = async (userId: string, ids: string[]) =>
    (
      await batchGet(
        db,
        table,
        ids.map((id) => notificationKey(userId, id)),
        { consistent: true },
      )
    )
      .filter((item) => item.read === false)
      .map((item) => item.id as string)

  /**
   * Marks notifications read that were unread when looked at: 99 a transaction, each on condition
   * it still is, with the unread counter down by as many. A transaction that meets one another
   * request marked meanwhile changes nothing; its notifications are looked at again.
   */
  const markUnreadRead = async (userId: string, unread: string[]) => {
    let pending = unread
    for (let round = 1; pending.length > 0; round++) {
      const refused: string[] = []
      for (let start = 0; start < pending.length; start += markedPerTransaction) {
        const ids = pending.slice(start, start + markedPerTransaction)
        const marks: TransactItem[] = ids.map((id) => ({
          Update: {
            TableName: table,
            Key: notificationKey(userId, id),
            UpdateExpression: 'SET #read = :true',
            ConditionExpression: `${itemExists} AND #read = :false`,
            ExpressionAttributeNames: { '#read': 'read' },
            ExpressionAttributeValues: { ':true': true, ':false': false },
          },
        }))
        const counter: TransactItem = {
          Update: {
            TableName: table,
            Key: unreadCounterKey(userId),
            UpdateExpression: 'ADD unread :change',
            ExpressionAttributeValues: { ':change': -ids.length },
          },
        }
        try {
          await withConflictRetry(() => db.send(new TransactWriteCommand({ TransactItems: [...marks, counter] })))
        } catch (error) {
          if (writeRefusal(error) !== 'condition') throw error
          refused.push(...ids)
        }
      }
      pending = refused.length > 0 && round < markRounds ? await unreadAmong(userId, refused) : []
    }
  }

  return {
    /** One Query: the unread counter sorts first, then the newest notifications. */
    listForUser: async (userId: string, limit: number) => {
      const { items } = await queryItems(inboxOf(userId), { descending: true, limit: limit + 1 })
      const counter = items.find((item) => hasKey(item, unreadCounterKey(userId)))
      return {
        items: items
          .filter((item) => item !== counter)
          .slice(0, limit)
          .map(toNotification),
        unread: Math.max(0, (counter?.unread as number | undefined) ?? 0),
      }
    },
    /** One BatchGet and a transaction per 99 unread ones, whatever is asked (ids not the user's are not found). */
    markRead: async (userId: string, ids: string[]) => markUnreadRead(userId, await unreadAmong(userId, [...new Set(ids)])),
    deliver: (notifications: Notifications.OutgoingNotification[]) => deliverEach(db, table, notifications),
    /** A Query of the unread ones (per 1 MB of them) and a transaction per 99. */
    markAllRead: async (userId: string) => {
      let start: Record<string, unknown> | undefined
      do {
        const page = await queryItems(notificationsOf(userId), {
          filter: { expression: '#read = :false', names: { '#read': 'read' }, values: { ':false': false } },
          consistent: true,
          ...(start ? { start } : {}),
        })
        await markUnreadRead(
          userId,
          page.items.map((item) => item.id as string),
        )
        start = page.lastKey
      } while (start)
    },
  } satisfies Notifications.NotificationStore
}
