import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Notification } from '@market/contracts'
import type { Notifications } from '@market/core'
import { hasKey, itemExists, type TransactItem } from './items.ts'
import { inboxOf, notificationKey, notificationsOf, unreadCounterKey } from './keys.ts'
import { createQueries } from './query.ts'
import { writeRefusal } from './transactions.ts'

/** The writes that deliver notifications; the caller puts them in the transaction of the change. */
export const notificationWrites = (table: string, notifications: Notifications.OutgoingNotification[]): TransactItem[] => {
  const perUser = new Map<string, number>()
  const puts: TransactItem[] = notifications.map(({ userId, type, ...notification }) => {
    perUser.set(userId, (perUser.get(userId) ?? 0) + 1)
    return {
      Put: {
        TableName: table,
        // `type` names the kind of item in this table, so the notification's own type goes by another name.
        Item: { ...notificationKey(userId, notification.id), type: 'notification', notificationType: type, ...notification },
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

const toNotification = (item: Record<string, unknown>): Notification => ({
  id: item.id as string,
  type: item.notificationType as string,
  params: item.params as Record<string, string>,
  read: item.read as boolean,
  createdAt: item.createdAt as string,
})

export const createNotificationRepository = (db: DynamoDBDocumentClient, table: string) => {
  const { queryItems } = createQueries(db, table)
  const markRead = async (userId: string, ids: string[]) => {
    for (const id of ids) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: table,
                  Key: notificationKey(userId, id),
                  UpdateExpression: 'SET #read = :true',
                  ConditionExpression: `${itemExists} AND #read = :false`,
                  ExpressionAttributeNames: { '#read': 'read' },
                  ExpressionAttributeValues: { ':true': true, ':false': false },
                },
              },
              {
                Update: {
                  TableName: table,
                  Key: unreadCounterKey(userId),
                  UpdateExpression: 'ADD unread :minusOne',
                  ExpressionAttributeValues: { ':minusOne': -1 },
                },
              },
            ],
          }),
        )
      } catch (error) {
        // Already read, or not this user's: nothing to change.
        if (!writeRefusal(error)) throw error
      }
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
    markRead,
    deliver: async (notifications: Notifications.OutgoingNotification[]) => {
      for (const single of notifications) {
        await db.send(new TransactWriteCommand({ TransactItems: notificationWrites(table, [single]) }))
      }
    },
    markAllRead: async (userId: string) => {
      let start: Record<string, unknown> | undefined
      do {
        const page = await queryItems(notificationsOf(userId), {
          filter: { expression: '#read = :false', names: { '#read': 'read' }, values: { ':false': false } },
          ...(start ? { start } : {}),
        })
        await markRead(
          userId,
          page.items.map((item) => item.id as string),
        )
        start = page.lastKey
      } while (start)
    },
  } satisfies Notifications.NotificationStore
}
