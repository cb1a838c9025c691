import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { Message } from '@market/contracts'
import type { Threads } from '@market/core'
import type { CursorCodec } from './cursor.ts'
import { type Item, itemExists, itemIsNew, type TransactItem, withoutKeys } from './items.ts'
import { messageKey, messagesOf, threadEntryKey, threadKey, threadsOfUser, threadsOfUserOn, unreadMessagesKey } from './keys.ts'
import { notificationWrites } from './notification-repository.ts'
import { createQueries } from './query.ts'
import { withConflictRetry, writeRefusal } from './transactions.ts'

/** A party's inbox entry: a copy of the thread's summary, placed in its lists, with its unread count. */
const entryItem = (thread: Threads.StoredThread, userId: string, unread: number): Item => ({
  ...threadEntryKey(thread.id, userId),
  type: 'threadEntry',
  ...threadsOfUser(userId).entry(thread.lastMessageAt, thread.id),
  ...threadsOfUserOn(userId, thread.subject.kind, thread.subject.id).entry(thread.id),
  ...thread,
  userId,
  unread,
})

const toEntry = (item: Item): Threads.ThreadEntry => {
  const { userId: _, ...entry } = withoutKeys<Threads.ThreadEntry & { userId: string }>(item)
  return entry
}

/** What a new message changes in each party's entry: its place in the inbox and the preview. */
const entryUpdate = (table: string, thread: Threads.StoredThread, userId: string, unreadBy: number): TransactItem => {
  const inbox = threadsOfUser(userId)
  const place = inbox.entry(thread.lastMessageAt, thread.id)[inbox.keys.sortKey]
  return {
    Update: {
      TableName: table,
      Key: threadEntryKey(thread.id, userId),
      UpdateExpression: 'SET #place = :place, lastMessageAt = :at, lastMessageId = :last, preview = :preview ADD unread :n',
      ExpressionAttributeNames: { '#place': inbox.keys.sortKey },
      ExpressionAttributeValues: {
        ':place': place,
        ':at': thread.lastMessageAt,
        ':last': thread.lastMessageId,
        ':preview': thread.preview,
        ':n': unreadBy,
      },
    },
  }
}

export const createThreadRepository = (db: DynamoDBDocumentClient, table: string, cursors: CursorCodec) => {
  const { queryPage } = createQueries(db, table, cursors)
  const getItem = async (key: Record<string, string>) =>
    (await db.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item

  return {
    get: async (id) => {
      const item = await getItem(threadKey(id))
      return item ? withoutKeys<Threads.StoredThread>(item) : undefined
    },
    open: async (thread) => {
      try {
        await withConflictRetry(() =>
          db.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: table,
                    Item: { ...threadKey(thread.id), type: 'thread', ...thread },
                    ConditionExpression: itemIsNew,
                  },
                },
                { Put: { TableName: table, Item: entryItem(thread, thread.buyer.id, 0) } },
                { Put: { TableName: table, Item: entryItem(thread, thread.supplier.id, 0) } },
              ],
            }),
          ),
        )
        return true
      } catch (error) {
        if (writeRefusal(error) === 'condition') return false
        throw error
      }
    },
    post: async ({ thread, message, recipientId, notifications }) => {
      const senderId = message.senderId
      await withConflictRetry(() =>
        db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: { ...messageKey(thread.id, message.id), type: 'message', ...message },
                  ConditionExpression: itemIsNew,
                },
              },
              {
                Update: {
                  TableName: table,
                  Key: threadKey(thread.id),
                  UpdateExpression: 'SET lastMessageAt = :at, lastMessageId = :last, preview = :preview',
                  ConditionExpression: itemExists,
                  ExpressionAttributeValues: {
                    ':at': thread.lastMessageAt,
                    ':last': thread.lastMessageId,
                    ':preview': thread.preview,
                  },
                },
              },
              entryUpdate(table, thread, senderId, 0),
              entryUpdate(table, thread, recipientId, 1),
              {
                Update: {
                  TableName: table,
                  Key: unreadMessagesKey(recipientId),
                  UpdateExpression: 'ADD unread :one',
                  ExpressionAttributeValues: { ':one': 1 },
                },
              },
              ...notificationWrites(table, notifications),
            ],
          }),
        ),
      )
    },
    messages: async (threadId, { cursor, limit }) => {
      const page = await queryPage(messagesOf(threadId), { descending: true, limit, ...(cursor ? { cursor } : {}) })
      return { items: page.items.map((item) => withoutKeys<Message>(item)), nextCursor: page.nextCursor }
    },
    message: async (threadId, messageId) => {
      const item = await getItem(messageKey(threadId, messageId))
      return item ? withoutKeys<Message>(item) : undefined
    },
    deleteMessage: async (threadId, messageId, { senderId, sentAfter, at }) => {
      try {
        await db.send(
          new UpdateCommand({
            TableName: table,
            Key: messageKey(threadId, messageId),
            UpdateExpression: 'SET #text = :empty, photos = :none, deletedAt = :at',
            ConditionExpression: `${itemExists} AND senderId = :sender AND createdAt >= :since AND attribute_not_exists(deletedAt)`,
            ExpressionAttributeNames: { '#text': 'text' },
            ExpressionAttributeValues: { ':empty': '', ':none': [], ':at': at, ':sender': senderId, ':since': sentAfter },
          }),
        )
      } catch (error) {
        if (writeRefusal(error) === 'condition') return false
        throw error
      }
      // The inbox must not keep showing a deleted message: the previews that show it are cleared,
      // each only while it is still this message's (a newer one may have arrived meanwhile).
      const thread = await getItem(threadKey(threadId))
      const keys = thread
        ? [
            threadKey(threadId),
            threadEntryKey(threadId, (thread.buyer as { id: string }).id),
            threadEntryKey(threadId, (thread.supplier as { id: string }).id),
          ]
        : []
      for (const key of keys) {
        try {
          await db.send(
            new UpdateCommand({
              TableName: table,
              Key: key,
              UpdateExpression: 'SET preview = :empty',
              ConditionExpression: 'lastMessageId = :id',
              ExpressionAttributeValues: { ':empty': '', ':id': messageId },
            }),
          )
        } catch (error) {
          if (writeRefusal(error) !== 'condition') throw error
        }
      }
      return true
    },
    listFor: async (userId, { cursor, limit, subject }) => {
      const partition = subject ? threadsOfUserOn(userId, subject.kind, subject.id) : threadsOfUser(userId)
      const [page, counter] = await Promise.all([
        queryPage(partition, { descending: true, limit, ...(cursor ? { cursor } : {}) }),
        getItem(unreadMessagesKey(userId)),
      ])
      return {
        items: page.items.map(toEntry),
        nextCursor: page.nextCursor,
        unread: Math.max(0, Number(counter?.unread ?? 0)),
      }
    },
    markRead: async (threadId, userId) => {
      const entry = await getItem(threadEntryKey(threadId, userId))
      const unread = Number(entry?.unread ?? 0)
      if (unread <= 0) return
      try {
        // Down by what was read, on condition nothing arrived meanwhile (then the next read marks it).
        await withConflictRetry(() =>
          db.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: table,
                    Key: threadEntryKey(threadId, userId),
                    UpdateExpression: 'SET unread = :zero',
                    ConditionExpression: 'unread = :read',
                    ExpressionAttributeValues: { ':zero': 0, ':read': unread },
                  },
                },
                {
                  Update: {
                    TableName: table,
                    Key: unreadMessagesKey(userId),
                    UpdateExpression: 'ADD unread :change',
                    ExpressionAttributeValues: { ':change': -unread },
                  },
                },
              ],
            }),
          ),
        )
      } catch (error) {
        if (writeRefusal(error) !== 'condition') throw error
      }
    },
  } satisfies Threads.ThreadStore
}

/** A user's unread messages in all its threads, for the navigation's badge: one Get. */
export const unreadMessagesOf = async (db: DynamoDBDocumentClient, table: string, userId: string) =>
  Math.max(0, Number((await db.send(new GetCommand({ TableName: table, Key: unreadMessagesKey(userId) }))).Item?.unread ?? 0))
