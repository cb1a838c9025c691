import type { EditRatingInput, LocalizedText, RateInput, Rating, RatingQueueQuery, RatingScores } from '@market/contracts'
import { ratingDimensions, ratingEditDays } from '@market/contracts/values'
import type { StoredUser } from '../accounts/ports.ts'
import { auditActor, auditEntry } from '../audit/audit-entry.ts'
import { NotFoundError } from '../errors.ts'
import { notification, titleParams } from '../notifications/notifications.ts'
import { NotPartyRoleError, OrderStateError } from '../orders/errors.ts'
import type { OrderStore } from '../orders/ports.ts'
import type { Clock, IdGenerator } from '../ports.ts'
import {
  EditWindowClosedError,
  NotRatingPartyError,
  RatingExistsError,
  RatingStaleError,
  RatingStateError,
  ReplyExistsError,
} from './errors.ts'
import type { Page, RatingStore, StoredRating, SupplierDirectory } from './ports.ts'
import { contributionOf, overallOf, starsOf, totalsChange } from './scores.ts'

export type RatingDeps = {
  ratings: RatingStore
  orders: Pick<OrderStore, 'get'>
  suppliers: SupplierDirectory
  clock: Clock
  ids: IdGenerator
}
type Actor = StoredUser

const day = 24 * 3600 * 1000
/** Only what a buyer received can be rated. */
const rateableStatuses: readonly string[] = ['delivered', 'completed']

/**
 * A rating as one reader may see it: the buyer by its company only; why it was hidden for its
 * two parties and administrators; who reported it for administrators only.
 */
export const toRatingView = (rating: StoredRating, actor?: Actor): Rating => {
  const { buyer, reports, openReports, hidden, ...shown } = rating
  const admin = actor?.role === 'admin'
  const party = actor !== undefined && (actor.id === buyer.id || actor.id === rating.supplierId)
  return {
    ...shown,
    buyer: { company: buyer.company },
    ...(hidden && (party || admin) ? { hidden } : {}),
    ...(admin ? { reports, openReports } : {}),
  }
}

const viewsOf = (page: Page<StoredRating>, actor?: Actor) => ({
  items: page.items.map((rating) => toRatingView(rating, actor)),
  nextCursor: page.nextCursor,
})

const scoresOf = (input: Partial<RatingScores>, base?: RatingScores): RatingScores =>
  Object.fromEntries(ratingDimensions.map((dimension) => [dimension, input[dimension] ?? base?.[dimension]])) as RatingScores

/** A hidden rating exists only for its parties and administrators. */
const mayRead = (rating: StoredRating, actor: Actor | undefined) =>
  rating.status === 'visible' || actor?.role === 'admin' || actor?.id === rating.buyer.id || actor?.id === rating.supplierId

const findRating = async (deps: RatingDeps, actor: Actor | undefined, id: string) => {
  const rating = await deps.ratings.get(id)
  if (!rating || !mayRead(rating, actor)) throw new NotFoundError('rating')
  return rating
}

/**
 * The buyer of a delivered (or completed) order rates its supplier, once. The rating, the order's
 * mark that it is rated and the supplier's totals are one transaction, on condition the order is
 * still the buyer's, delivered or completed and unrated: of two submits at once, one wins.
 * Strangers learn nothing of the order (404); its supplier and administrators may not rate (403).
 */
export const rateOrder = async (deps: RatingDeps, actor: Actor, orderId: string, input: RateInput) => {
  const order = await deps.orders.get(orderId)
  const party = order && (actor.id === order.buyer.id || actor.id === order.supplier.id || actor.role === 'admin')
  if (!order || !party) throw new NotFoundError('order')
  if (actor.id !== order.buyer.id) throw new NotPartyRoleError('buyer')
  if (!rateableStatuses.includes(order.status)) throw new OrderStateError(order.status, 'rated')
  if (order.ratingId) throw new RatingExistsError()
  const now = deps.clock.now()
  const scores = scoresOf(input)
  const rating: StoredRating = {
    id: deps.ids.next(),
    orderId,
    supplierId: order.supplier.id,
    buyer: { id: actor.id, company: order.buyer.company },
    ...(order.lines[0] ? { item: order.lines[0].title } : {}),
    scores,
    overall: overallOf(scores),
    stars: starsOf(scores),
    ...(input.comment ? { comment: input.comment } : {}),
    status: 'visible',
    reports: [],
    openReports: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    editableUntil: new Date(now.getTime() + ratingEditDays * day).toISOString(),
    version: 1,
  }
  await deps.ratings.save({
    rating,
    expected: { order: { id: orderId, buyerId: actor.id, createdAt: order.createdAt } },
    totals: contributionOf(scores),
    notifications: [
      notification(deps, order.supplier.id, 'rating.received', {
        orderId,
        ...titleParams(order.lines[0]?.title),
        stars: String(rating.stars),
      }),
    ],
  })
  return toRatingView(rating, actor)
}

export const getRating = async (deps: RatingDeps, actor: Actor | undefined, id: string) =>
  toRatingView(await findRating(deps, actor, id), actor)

/**
 * Its buyer edits a rating within 30 days, naming the version it read (412 when stale). While the
 * rating counts, the supplier's totals follow by the difference, in the same transaction.
 */
export const editRating = async (deps: RatingDeps, actor: Actor, id: string, input: EditRatingInput) => {
  const rating = await findRating(deps, actor, id)
  if (rating.buyer.id !== actor.id) throw new NotRatingPartyError('buyer')
  if (input.version !== rating.version) throw new RatingStaleError(rating.version)
  const now = deps.clock.now()
  if (now.toISOString() > rating.editableUntil) throw new EditWindowClosedError(ratingEditDays)
  const { comment: _previous, ...kept } = rating
  const scores = scoresOf(input, rating.scores)
  const comment = input.comment === undefined ? rating.comment : input.comment
  const next: StoredRating = {
    ...kept,
    scores,
    overall: overallOf(scores),
    stars: starsOf(scores),
    ...(comment ? { comment } : {}),
    updatedAt: now.toISOString(),
    version: rating.version + 1,
  }
  await deps.ratings.save({
    rating: next,
    expected: { version: rating.version },
    ...(rating.status === 'visible' ? { totals: totalsChange(rating.scores, scores) } : {}),
  })
  return toRatingView(next, actor)
}

/** The supplier answers a rating, once; the buyer is told. */
export const replyToRating = async (deps: RatingDeps, actor: Actor, id: string, input: { text: string }) => {
  const rating = await findRating(deps, actor, id)
  if (rating.supplierId !== actor.id) throw new NotRatingPartyError('supplier')
  if (rating.reply) throw new ReplyExistsError()
  const next: StoredRating = {
    ...rating,
    reply: { text: input.text, at: deps.clock.now().toISOString() },
    version: rating.version + 1,
  }
  try {
    await deps.ratings.save({
      rating: next,
      expected: { version: rating.version },
      notifications: [
        notification(deps, rating.buyer.id, 'rating.replied', { orderId: rating.orderId, ...titleParams(rating.item) }),
      ],
    })
  } catch (error) {
    // Two replies at once: the one that lost finds the other's.
    if (error instanceof RatingStaleError && (await deps.ratings.get(id))?.reply) throw new ReplyExistsError()
    throw error
  }
  return toRatingView(next, actor)
}

/** Any signed-in user reports a rating, once, into the administrators' queue. */
export const reportRating = async (deps: RatingDeps, actor: Actor, id: string, input: { reason: string }) => {
  const rating = await findRating(deps, actor, id)
  await deps.ratings.report(id, { by: actor.id, reason: input.reason, at: deps.clock.now().toISOString() })
  return toRatingView(rating, actor)
}

const ratingName = (rating: StoredRating): LocalizedText => {
  const about = (language: 'zh' | 'bo' | 'en') => (rating.item ? ` · ${rating.item[language] ?? rating.item.zh}` : '')
  return {
    zh: `${rating.buyer.company}${about('zh')}`,
    bo: `${rating.buyer.company}${about('bo')}`,
    en: `${rating.buyer.company}${about('en')}`,
  }
}

const moderate = async (
  deps: RatingDeps,
  admin: Actor,
  rating: StoredRating,
  next: StoredRating,
  decision: { action: string; reason: string; counted: -1 | 0 | 1 },
) => {
  const now = deps.clock.now()
  await deps.ratings.save({
    rating: next,
    expected: { version: rating.version },
    ...(decision.counted ? { totals: contributionOf(rating.scores, decision.counted) } : {}),
    audit: auditEntry({
      id: deps.ids.next(),
      at: now,
      actor: auditActor(admin),
      action: decision.action,
      // A review is named by who wrote it and what it is about.
      target: { type: 'rating', id: rating.id, name: ratingName(rating) },
      reason: decision.reason,
    }),
  })
  return toRatingView(next, admin)
}

/** An administrator hides a rating, with a reason: it leaves the supplier's totals and pages at once. */
export const hideRating = async (deps: RatingDeps, admin: Actor, id: string, { reason }: { reason: string }) => {
  const rating = await findRating(deps, admin, id)
  if (rating.status !== 'visible') throw new RatingStateError(rating.status, 'hidden')
  const next: StoredRating = {
    ...rating,
    status: 'hidden',
    hidden: { reason, at: deps.clock.now().toISOString() },
    openReports: 0,
    version: rating.version + 1,
  }
  return moderate(deps, admin, rating, next, { action: 'rating.hidden', reason, counted: -1 })
}

/**
 * An administrator restores a hidden rating (it counts again), or keeps a reported one as it is:
 * either way its reports are settled and it leaves the queue.
 */
export const restoreRating = async (deps: RatingDeps, admin: Actor, id: string, { reason }: { reason: string }) => {
  const rating = await findRating(deps, admin, id)
  const hidden = rating.status === 'hidden'
  if (!hidden && rating.openReports === 0) throw new RatingStateError('visible', 'restored')
  const { hidden: _hidden, ...kept } = rating
  const next: StoredRating = { ...kept, status: 'visible', openReports: 0, version: rating.version + 1 }
  return moderate(deps, admin, rating, next, {
    action: hidden ? 'rating.restored' : 'rating.kept',
    reason,
    counted: hidden ? 1 : 0,
  })
}

export const ratingQueue = async (deps: RatingDeps, admin: Actor, query: RatingQueueQuery) =>
  viewsOf(await deps.ratings.queue(query), admin)

/** The signed-in supplier's own visible ratings, newest first, to reply to. */
export const myRatings = async (deps: RatingDeps, supplier: Actor, page: { cursor?: string; limit: number }) =>
  viewsOf(await deps.ratings.listVisible(supplier.id, page), supplier)
