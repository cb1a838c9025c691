import type { Message, MessageInput, OpenThreadInput, Thread, ThreadsQuery } from '@market/contracts'
import { messageDeleteMinutes } from '@market/contracts'
import type { AccountStore, StoredUser } from '../accounts/ports.ts'
import { NotFoundError } from '../errors.ts'
import { ForeignPhotoError } from '../listings/errors.ts'
import { requireImages } from '../listings/photos.ts'
import type { ListingStore, PhotoStore } from '../listings/ports.ts'
import { type NotificationStore, notification, titleParams } from '../notifications/notifications.ts'
import type { OrderStore } from '../orders/ports.ts'
import type { Clock, IdGenerator } from '../ports.ts'
import type { RfqStore } from '../rfqs/ports.ts'
import { maySupplierBid } from '../rfqs/rfqs.ts'
import { BuyersAskError, DeleteWindowClosedError, supplierRequired, ThreadReadOnlyError } from './errors.ts'
import type { StoredThread, ThreadEntry, ThreadParty, ThreadStore } from './ports.ts'
import { accessOf, deletableSince, deletion, previewOf, threadIdOf } from './rules.ts'

export type ThreadDeps = {
  clock: Clock
  ids: IdGenerator
  threads: ThreadStore
  accounts: AccountStore
  rfqs: RfqStore
  listings: ListingStore
  orders: OrderStore
  photos: PhotoStore
  notifications: NotificationStore
}

type Actor = StoredUser

const partyOf = (user: StoredUser): ThreadParty => ({ id: user.id, company: user.company.name })

const toThread = ({ lastMessageId: _, ...thread }: ThreadEntry): Thread => thread

/** The thread as `actor` may see it, or 404; `reader`: an administrator reading a disputed order's thread. */
const findThread = async (deps: ThreadDeps, actor: Actor, id: string) => {
  const thread = await deps.threads.get(id)
  if (thread) {
    const orderStatus =
      actor.role === 'admin' && thread.subject.kind === 'order' ? (await deps.orders.get(thread.subject.id))?.status : undefined
    const access = accessOf(thread, actor, orderStatus)
    if (access !== 'none') return { thread, access }
  }
  throw new NotFoundError('thread')
}

const activeSupplier = async (deps: ThreadDeps, id: string) => {
  const user = await deps.accounts.findUserById(id)
  if (user?.role !== 'supplier' || user.status !== 'active') throw new NotFoundError('supplier')
  return user
}

/** Who the thread on a subject is between, and what the inbox calls it; 404 where the actor has no part in it. */
const pairOn = async (deps: ThreadDeps, actor: Actor, subject: OpenThreadInput['subject']) => {
  if (subject.kind === 'rfq') {
    const rfq = await deps.rfqs.get(subject.id)
    if (!rfq) throw new NotFoundError('rfq')
    const title = { zh: rfq.title }
    if (actor.id === rfq.buyer.id) {
      if (!subject.supplierId) throw supplierRequired()
      const supplier = await activeSupplier(deps, subject.supplierId)
      // A buyer asks a supplier its request is open to, or one that bid on it.
      if (!maySupplierBid(rfq, supplier) && !(await deps.rfqs.bidOf(rfq.id, supplier.id))) throw new NotFoundError('supplier')
      return { buyer: { id: rfq.buyer.id, company: rfq.buyer.company }, supplier: partyOf(supplier), title }
    }
    if (actor.role === 'supplier' && (maySupplierBid(rfq, actor) || (await deps.rfqs.bidOf(rfq.id, actor.id))))
      return { buyer: { id: rfq.buyer.id, company: rfq.buyer.company }, supplier: partyOf(actor), title }
    throw new NotFoundError('rfq')
  }
  if (subject.kind === 'listing') {
    const listing = await deps.listings.get(subject.id)
    if (listing?.status !== 'active') throw new NotFoundError('listing')
    if (actor.role !== 'buyer') throw new BuyersAskError()
    return { buyer: partyOf(actor), supplier: partyOf(await activeSupplier(deps, listing.supplierId)), title: listing.title }
  }
  const order = await deps.orders.get(subject.id)
  if (!order || (actor.id !== order.buyer.id && actor.id !== order.supplier.id)) throw new NotFoundError('order')
  return {
    buyer: { id: order.buyer.id, company: order.buyer.company },
    supplier: { id: order.supplier.id, company: order.supplier.company },
    title: { zh: order.orderNumber ?? order.id },
  }
}

/** Adds a message to a thread the sender is a party of; the other party is told. */
const post = async (deps: ThreadDeps, sender: Actor, thread: StoredThread, input: MessageInput) => {
  if (input.photos.some((key) => !key.startsWith(`photos/${sender.id}/`))) throw new ForeignPhotoError()
  await requireImages(deps.photos, input.photos)
  const now = deps.clock.now().toISOString()
  const message: Message = {
    id: deps.ids.next(),
    threadId: thread.id,
    senderId: sender.id,
    text: input.text,
    photos: input.photos,
    createdAt: now,
  }
  const recipientId = sender.id === thread.buyer.id ? thread.supplier.id : thread.buyer.id
  const from = sender.id === thread.buyer.id ? thread.buyer.company : thread.supplier.company
  const next: StoredThread = { ...thread, lastMessageAt: now, lastMessageId: message.id, preview: previewOf(input.text) }
  await deps.threads.post({
    thread: next,
    message,
    recipientId,
    notifications: [
      notification(deps, recipientId, 'thread.message', {
        threadId: thread.id,
        kind: thread.subject.kind,
        from,
        ...titleParams(thread.title),
      }),
    ],
  })
  return { thread: next, message }
}

/**
 * Opens the thread on a request, listing or order between the actor and the other party, or
 * reuses the pair's thread, with a first message. `created`: whether the thread is new.
 */
export const openThread = async (deps: ThreadDeps, actor: Actor, input: OpenThreadInput) => {
  const pair = await pairOn(deps, actor, input.subject)
  const subject = { kind: input.subject.kind, id: input.subject.id }
  const id = threadIdOf(subject.kind, subject.id, pair.buyer.id, pair.supplier.id)
  const now = deps.clock.now().toISOString()
  const fresh: StoredThread = { id, subject, ...pair, createdAt: now, lastMessageAt: now, preview: '' }
  const created = await deps.threads.open(fresh)
  const thread = created ? fresh : ((await deps.threads.get(id)) ?? fresh)
  const sent = await post(deps, actor, thread, { text: input.text, photos: [] })
  return { created, thread: toThread({ ...sent.thread, unread: 0 }) }
}

export const sendMessage = async (deps: ThreadDeps, actor: Actor, threadId: string, input: MessageInput) => {
  const { thread, access } = await findThread(deps, actor, threadId)
  if (access !== 'party') throw new ThreadReadOnlyError()
  return (await post(deps, actor, thread, input)).message
}

/** A page of a thread's messages, newest first; a party's reading marks the thread read for it. */
export const threadMessages = async (
  deps: ThreadDeps,
  actor: Actor,
  threadId: string,
  page: { cursor?: string; limit: number },
) => {
  const { thread, access } = await findThread(deps, actor, threadId)
  const messages = await deps.threads.messages(threadId, page)
  if (access === 'party') await deps.threads.markRead(threadId, actor.id)
  return { thread: toThread({ ...thread, unread: 0 }), ...messages }
}

/** The sender deletes its own message within the window; for anyone else it does not exist. */
export const deleteMessage = async (deps: ThreadDeps, actor: Actor, threadId: string, messageId: string) => {
  const { access } = await findThread(deps, actor, threadId)
  const message = access === 'party' ? await deps.threads.message(threadId, messageId) : undefined
  const now = deps.clock.now()
  const verdict = message ? deletion(message, actor.id, now) : 'gone'
  if (verdict === 'gone') throw new NotFoundError('message')
  if (verdict === 'closed') throw new DeleteWindowClosedError(messageDeleteMinutes)
  const at = now.toISOString()
  const deleted = await deps.threads.deleteMessage(threadId, messageId, {
    senderId: actor.id,
    sentAfter: deletableSince(now),
    at,
  })
  if (!deleted) throw new DeleteWindowClosedError(messageDeleteMinutes)
}

/**
 * The actor's threads, latest message first, with its unread total; on one subject, only those.
 * An administrator has no threads of its own: it finds a disputed order's thread by the order.
 */
export const listThreads = async (deps: ThreadDeps, actor: Actor, query: ThreadsQuery) => {
  const subject = query.kind && query.subjectId ? { kind: query.kind, id: query.subjectId } : undefined
  if (actor.role === 'admin') {
    const order = subject?.kind === 'order' ? await deps.orders.get(subject.id) : undefined
    const thread =
      order?.status === 'disputed'
        ? await deps.threads.get(threadIdOf('order', order.id, order.buyer.id, order.supplier.id))
        : undefined
    return { items: thread ? [toThread({ ...thread, unread: 0 })] : [], unread: 0, nextCursor: null }
  }
  const page = await deps.threads.listFor(actor.id, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(subject ? { subject } : {}),
  })
  return { ...page, items: page.items.map(toThread) }
}
