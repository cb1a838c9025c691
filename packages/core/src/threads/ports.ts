import type { LocalizedText, Message, ThreadKind } from '@market/contracts'
import type { OutgoingNotification } from '../notifications/notifications.ts'

export type ThreadParty = { id: string; company: string }

/** A thread as stored: what it is about, its two parties, and its newest message. */
export type StoredThread = {
  id: string
  subject: { kind: ThreadKind; id: string }
  title: LocalizedText
  buyer: ThreadParty
  supplier: ThreadParty
  createdAt: string
  lastMessageAt: string
  lastMessageId?: string
  preview: string
}

/** A thread as one party's inbox holds it: with what that party has not read. */
export type ThreadEntry = StoredThread & { unread: number }

export type Page<T> = { items: T[]; nextCursor: string | null }

export type MessagePost = {
  thread: StoredThread
  message: Message
  /** The other party: its unread counts go up by one in the same transaction. */
  recipientId: string
  notifications: OutgoingNotification[]
}

export interface ThreadStore {
  get(id: string): Promise<StoredThread | undefined>
  /** Creates the thread and both parties' inbox entries unless it exists (a condition): true when it did. */
  open(thread: StoredThread): Promise<boolean>
  /** A message, with the thread's newest message and both inbox entries, in one transaction. */
  post(post: MessagePost): Promise<void>
  /** Newest first: one Query. */
  messages(threadId: string, page: { cursor?: string; limit: number }): Promise<Page<Message>>
  message(threadId: string, messageId: string): Promise<Message | undefined>
  /**
   * Blanks a message on condition `senderId` sent it, at or after `sentAfter`, and it is not
   * deleted yet (false when not); clears the thread's preview if it was the newest.
   */
  deleteMessage(threadId: string, messageId: string, by: { senderId: string; sentAfter: string; at: string }): Promise<boolean>
  /** A user's threads, latest message first (one Query), or those on one subject; with the user's total unread. */
  listFor(
    userId: string,
    query: { cursor?: string; limit: number; subject?: { kind: ThreadKind; id: string } },
  ): Promise<Page<ThreadEntry> & { unread: number }>
  /** Sets the user's unread of the thread to 0, and its total down by as many. */
  markRead(threadId: string, userId: string): Promise<void>
}
