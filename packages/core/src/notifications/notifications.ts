import type { LocalizedText, MarkReadInput, Notification } from '@market/contracts'
import type { Clock, IdGenerator } from '../ports.ts'

/** A notification to write, addressed to one user; stored with the change that caused it. */
export type OutgoingNotification = Notification & { userId: string }

export interface NotificationStore {
  /** Newest first, with the unread count: one Query. */
  listForUser(userId: string, limit: number): Promise<{ items: Notification[]; unread: number }>
  markRead(userId: string, ids: string[]): Promise<void>
  markAllRead(userId: string): Promise<void>
  /** Delivers notifications on their own, for news that is not part of a change's transaction. */
  deliver(notifications: OutgoingNotification[]): Promise<void>
}

export const notification = (
  deps: { clock: Clock; ids: IdGenerator },
  userId: string,
  type: string,
  params: Record<string, string>,
): OutgoingNotification => ({ id: deps.ids.next(), userId, type, params, read: false, createdAt: deps.clock.now().toISOString() })

export const listNotifications = (deps: { notifications: NotificationStore }, userId: string) =>
  deps.notifications.listForUser(userId, 50)

export const markRead = (deps: { notifications: NotificationStore }, userId: string, input: MarkReadInput) =>
  'all' in input ? deps.notifications.markAllRead(userId) : deps.notifications.markRead(userId, input.ids)

/**
 * A listing's or order line's title as notification parameters: each language's, written when the
 * notification is, so a reader gets the title in their language where the supplier gave one.
 */
export const titleParams = (title: LocalizedText | undefined): Record<string, string> => ({
  title: title?.zh ?? '',
  ...(title?.bo ? { titleBo: title.bo } : {}),
  ...(title?.en ? { titleEn: title.en } : {}),
})
