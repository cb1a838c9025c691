import { createHash } from 'node:crypto'
import { type Message, messageDeleteMinutes, type OrderStatus, type ThreadKind } from '@market/contracts'
import type { StoredThread } from './ports.ts'

/** What a user may do with a thread: write and read (its parties), only read, or nothing (404). */
export type ThreadAccess = 'party' | 'reader' | 'none'

/**
 * A thread is private to its buyer and supplier; an administrator reads an order's thread only
 * while that order is in dispute (`orderStatus` is the order's live status).
 */
export const accessOf = (
  thread: Pick<StoredThread, 'buyer' | 'supplier' | 'subject'>,
  actor: { id: string; role: string },
  orderStatus?: OrderStatus,
): ThreadAccess => {
  if (actor.id === thread.buyer.id || actor.id === thread.supplier.id) return 'party'
  if (actor.role === 'admin' && thread.subject.kind === 'order' && orderStatus === 'disputed') return 'reader'
  return 'none'
}

/** Whether the message may be deleted by this user now: only by its sender, within the window; `gone` reads as 404. */
export const deletion = (message: Pick<Message, 'senderId' | 'createdAt' | 'deletedAt'>, userId: string, now: Date) => {
  if (message.senderId !== userId || message.deletedAt) return 'gone' as const
  return now.getTime() - Date.parse(message.createdAt) <= messageDeleteMinutes * 60_000
    ? ('allowed' as const)
    : ('closed' as const)
}

/** The earliest send time whose message may still be deleted at `now`. */
export const deletableSince = (now: Date) => new Date(now.getTime() - messageDeleteMinutes * 60_000).toISOString()

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * One thread per subject and pair: its id is derived from them (an id-shaped digest), so opening
 * it twice, even at once, names the same item and its conditional put makes one thread.
 */
export const threadIdOf = (kind: ThreadKind, subjectId: string, buyerId: string, supplierId: string) => {
  const digest = createHash('sha256').update(`${kind}#${subjectId}#${buyerId}#${supplierId}`).digest()
  // The first character stays within 0–7, as a ULID's does.
  return [...digest.subarray(0, 26)].map((byte, index) => crockford[index === 0 ? byte % 8 : byte % 32]).join('')
}

/** The newest message's first characters, for the inbox. */
export const previewOf = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text)
