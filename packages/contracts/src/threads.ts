import * as z from 'zod'
import { LocalizedText } from './catalog.ts'
import { text, ulid } from './fields.ts'
import { PhotoKey } from './listings.ts'
import * as values from './values.ts'

export const ThreadKind = z.enum(values.threadKinds)
export type ThreadKind = z.infer<typeof ThreadKind>

/**
 * What a thread is about. A buyer opening a thread on its own request names the supplier it asks;
 * a supplier opening one on a request is that supplier.
 */
export const ThreadSubject = z.strictObject({
  kind: ThreadKind,
  id: ulid('The id of the request, listing or order'),
  supplierId: ulid('A supplier id').optional(),
})
export type ThreadSubject = z.infer<typeof ThreadSubject>

export const MessageInput = z.strictObject({
  text: text(values.maxMessageLength),
  photos: z.array(PhotoKey).max(values.maxMessagePhotos, `At most ${values.maxMessagePhotos} photos`).default([]),
})
export type MessageInput = z.infer<typeof MessageInput>

export const OpenThreadInput = z.strictObject({ subject: ThreadSubject, text: text(values.maxMessageLength) })
export type OpenThreadInput = z.infer<typeof OpenThreadInput>

export const MessageParams = z.strictObject({ id: ulid(), messageId: ulid() })

const Party = z.object({ id: z.string(), company: z.string() })

export const Message = z.object({
  id: z.string(),
  threadId: z.string(),
  senderId: z.string(),
  /** Empty once its sender deleted it. */
  text: z.string(),
  photos: z.array(z.string()),
  createdAt: z.string(),
  /** Set when its sender deleted it (within `values.messageDeleteMinutes` of sending). */
  deletedAt: z.string().optional(),
})
export type Message = z.infer<typeof Message>

/** A thread as one of its parties (or an administrator reading a disputed order's) sees it. */
export const Thread = z.object({
  id: z.string(),
  subject: z.object({ kind: ThreadKind, id: z.string() }),
  /** The request's, listing's or order's title or number, for the inbox. */
  title: LocalizedText,
  buyer: Party,
  supplier: Party,
  createdAt: z.string(),
  lastMessageAt: z.string(),
  /** The newest message's first characters. */
  preview: z.string(),
  /** Messages the reader has not read (0 for an administrator). */
  unread: z.number().int(),
})
export type Thread = z.infer<typeof Thread>

export const ThreadPage = z.object({ items: z.array(Thread), unread: z.number().int(), nextCursor: z.string().nullable() })
export type ThreadPage = z.infer<typeof ThreadPage>

export const MessagePage = z.object({ thread: Thread, items: z.array(Message), nextCursor: z.string().nullable() })
export type MessagePage = z.infer<typeof MessagePage>

/**
 * The reader's threads, latest message first; with `kind` and `subjectId`, only those on that
 * request, listing or order (a buyer's request has one per supplier).
 */
export const ThreadsQuery = z
  .strictObject({
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    kind: ThreadKind.optional(),
    subjectId: ulid().optional(),
  })
  .refine((query) => (query.kind === undefined) === (query.subjectId === undefined), {
    message: 'kind and subjectId go together',
    path: ['subjectId'],
  })
export type ThreadsQuery = z.infer<typeof ThreadsQuery>
