import { type DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Notification } from '@market/contracts'
import type { Notifications } from '@market/core'
import type { TransactItem } from './items.ts'
import { notificationKey, unreadCounterKey, userKey } from './keys.ts'
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
                  ConditionExpression: 'attribute_exists(pk) AND #read = :false',
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
      const result = await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': userKey(userId).pk, ':prefix': 'NOTIF' },
          ScanIndexForward: false,
          Limit: limit + 1,
        }),
      )
      const items = result.Items ?? []
      const counter = items.find((item) => item.sk === unreadCounterKey(userId).sk)
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
        const page = await db.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            FilterExpression: '#read = :false',
            ExpressionAttributeNames: { '#read': 'read' },
            ExpressionAttributeValues: { ':pk': userKey(userId).pk, ':prefix': 'NOTIF#', ':false': false },
            ExclusiveStartKey: start,
          }),
        )
        await markRead(
          userId,
          (page.Items ?? []).map((item) => item.id as string),
        )
        start = page.LastEvaluatedKey
      } while (start)
    },
  } satisfies Notifications.NotificationStore
}
