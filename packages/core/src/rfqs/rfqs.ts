import {
  type AwardInput,
  type BidInput,
  type CompareQuery,
  type FeedQuery,
  inRequestUnit,
  type PostRfqInput,
  type Rfq,
  type SupplierRfq,
  totalFen,
  unitsCompare,
} from '@market/contracts'
import type { StoredUser } from '../accounts/ports.ts'
import type { CategoryStore } from '../catalog/ports.ts'
import { isOpen } from '../catalog/rules.ts'
import { NotFoundError } from '../errors.ts'
import { CategoryRetiredError, SupplierNotVerifiedError, UnknownCategoryError } from '../listings/errors.ts'
import { requireImages } from '../listings/photos.ts'
import type { PhotoStore } from '../listings/ports.ts'
import { toSupplierCard } from '../listings/rules.ts'
import { notification, type OutgoingNotification } from '../notifications/notifications.ts'
import { numberOrders } from '../orders/numbers.ts'
import { orderFromAward } from '../orders/orders.ts'
import type { Clock, IdGenerator, KeyedWrite } from '../ports.ts'
import type { SupplierDirectory } from '../ratings/ports.ts'
import { standingOf } from '../ratings/suppliers.ts'
import {
  AwardError,
  BiddingClosedError,
  BidExpiredError,
  BidStateError,
  PriceBelowOneFenError,
  RfqStateError,
  scheduleProblem,
  TooManyBidsError,
  UnitMismatchError,
} from './errors.ts'
import type { BidContext, RfqStore, RfqWithOwnBid, StoredBid, StoredRfq } from './ports.ts'
import { scoreBids } from './scoring.ts'

export type RfqDeps = {
  rfqs: RfqStore
  categories: CategoryStore
  /** Bidders' ratings and figures, read live for the comparison. */
  suppliers: SupplierDirectory
  clock: Clock
  ids: IdGenerator
}
type Actor = StoredUser

const hour = 3600 * 1000
const day = 24 * hour
export const awardWindowMs = 14 * day
/** Live bids one request takes: the award, which settles all of them, is one transaction. */
export const maxLiveBids = 40

/** A date in Lhasa (UTC+8) as the instant it begins. */
const startOfLhasaDay = (date: string) => new Date(`${date}T00:00:00+08:00`)
const todayInLhasa = (now: Date) => new Date(now.getTime() + 8 * hour).toISOString().slice(0, 10)

const live = (bid: StoredBid) => bid.status === 'submitted' || bid.status === 'revised'
const isVerifiedSupplier = (user: Actor) => user.role === 'supplier' && user.verificationDetails?.status === 'verified'

/** Whether a supplier may see and bid on a request: invited, or (when open to all) trading in its category. */
export const maySupplierBid = (rfq: Rfq, supplier: Actor) =>
  isVerifiedSupplier(supplier) &&
  (rfq.invitedSupplierIds?.length
    ? rfq.invitedSupplierIds.includes(supplier.id)
    : (supplier.tradeCategories ?? []).includes(rfq.categoryId))

const isSealed = (rfq: Rfq, now: Date) => rfq.sealedUntilDeadline && Date.parse(rfq.bidDeadline) > now.getTime()

/**
 * A request as a supplier sees it: of the invited suppliers only itself, and of a tender before its
 * deadline nothing of the bidding (how many bids, how soon the first), which would tell it where it stands.
 */
const toSupplierView = (rfq: StoredRfq, supplier: Actor, now: Date): SupplierRfq => {
  const { invitedSupplierIds, bidCount, firstBidAt, responseMinutes, ...request } = rfq
  return {
    ...request,
    ...(invitedSupplierIds?.includes(supplier.id) ? { invitedSupplierIds: [supplier.id] } : {}),
    ...(isSealed(rfq, now)
      ? {}
      : { bidCount, ...(firstBidAt ? { firstBidAt } : {}), ...(responseMinutes !== undefined ? { responseMinutes } : {}) }),
  }
}

const findRfq = async (deps: RfqDeps, id: string) => {
  const rfq = await deps.rfqs.get(id)
  if (!rfq) throw new NotFoundError('rfq')
  return rfq
}

/** The request if it is the buyer's own: another buyer learns nothing, not even that it exists. */
const ownedBy = <T extends { rfq: StoredRfq }>(found: T | undefined, buyer: Actor) => {
  if (!found || found.rfq.buyer.id !== buyer.id) throw new NotFoundError('rfq')
  return found
}

const findOwnRfq = async (deps: RfqDeps, buyer: Actor, id: string) => ownedBy({ rfq: await findRfq(deps, id) }, buyer).rfq

const notifyBidders = (deps: RfqDeps, rfq: Rfq, bids: StoredBid[], type: string) =>
  bids.map((bid) => notification(deps, bid.supplier.id, type, { rfqId: rfq.id, title: rfq.title }))

export const postRfq = async (deps: RfqDeps & { photos: PhotoStore }, buyer: Actor, input: PostRfqInput) => {
  const now = deps.clock.now()
  const category = await deps.categories.getCategory(input.categoryId)
  if (!category) throw new UnknownCategoryError(input.categoryId)
  if (!isOpen(category)) throw new CategoryRetiredError(input.categoryId)
  const deadline = new Date(input.bidDeadline)
  if (deadline.getTime() < now.getTime() + hour)
    throw scheduleProblem('bidDeadline', 'The bid deadline must be at least an hour from now')
  if (deadline.getTime() > now.getTime() + 60 * day)
    throw scheduleProblem('bidDeadline', 'The bid deadline can be at most 60 days away')
  if (deadline >= startOfLhasaDay(input.neededBy))
    throw scheduleProblem('neededBy', 'The goods must be needed after the bid deadline')
  if (input.photos.some((key) => !key.startsWith(`photos/${buyer.id}/`)))
    throw scheduleProblem('photos', 'Photos must be ones you uploaded')
  await requireImages(deps.photos, input.photos)
  const rfq: StoredRfq = {
    id: deps.ids.next(),
    buyer: {
      id: buyer.id,
      name: buyer.name,
      company: buyer.company.name,
      ...(buyer.company.phone ? { phone: buyer.company.phone } : {}),
    },
    title: input.title,
    categoryId: input.categoryId,
    specs: input.specs,
    quantity: input.quantity,
    unit: input.unit,
    ...(input.targetUnitPriceFen ? { targetUnitPriceFen: input.targetUnitPriceFen } : {}),
    neededBy: input.neededBy,
    deliveryPlace: input.deliveryPlace,
    bidDeadline: deadline.toISOString(),
    awardDeadline: new Date(deadline.getTime() + awardWindowMs).toISOString(),
    ...(input.invitedSupplierIds?.length ? { invitedSupplierIds: [...new Set(input.invitedSupplierIds)] } : {}),
    photos: input.photos,
    sealedUntilDeadline: input.sealedUntilDeadline,
    invoice: input.invoice ?? 'none',
    freightTerms: input.freightTerms ?? 'negotiable',
    sampleRequired: input.sampleRequired ?? false,
    status: 'open',
    bidCount: 0,
    createdAt: now.toISOString(),
    version: 1,
  }
  // Invited suppliers hear of it at once; an open request shows in every matching supplier's feed.
  const invitations = (rfq.invitedSupplierIds ?? []).map((supplierId) =>
    notification(deps, supplierId, 'rfq.invited', { rfqId: rfq.id, title: rfq.title }),
  )
  await deps.rfqs.create(rfq, invitations)
  return rfq
}

export const listMyRfqs = (deps: RfqDeps, buyer: Actor, page: { cursor?: string; limit: number }) =>
  deps.rfqs.listByBuyer(buyer.id, page)

export const supplierFeed = async (deps: RfqDeps, supplier: Actor, query: FeedQuery) => {
  if (!isVerifiedSupplier(supplier)) throw new SupplierNotVerifiedError(supplier.verificationDetails?.status ?? 'unverified')
  const now = deps.clock.now()
  const page = await deps.rfqs.feed({
    supplierId: supplier.id,
    categories: supplier.tradeCategories ?? [],
    limit: query.limit,
    now,
    ...(query.category ? { category: query.category } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  })
  // The read already chose them; the rule that decides stays the one every other read applies.
  const items = page.items.filter(
    ({ rfq }) =>
      rfq.status === 'open' &&
      Date.parse(rfq.bidDeadline) > now.getTime() &&
      (!query.category || rfq.categoryId === query.category) &&
      maySupplierBid(rfq, supplier),
  )
  // Where the supplier's own bid stands, so the feed can say "you bid" (never anything of others' bids).
  return {
    items: items.map(({ rfq, myBidStatus }) => ({
      ...toSupplierView(rfq, supplier, now),
      ...(myBidStatus ? { myBidStatus } : {}),
    })),
    nextCursor: page.nextCursor,
  }
}

/**
 * A request as one reader may see it: its buyer and administrators; suppliers it is for, or that
 * bid. `read`: the request and the reader's own bid, if the caller read them already (with the session).
 */
export const getRfq = async (deps: RfqDeps, actor: Actor, id: string, read?: RfqWithOwnBid) => {
  const { rfq, bid: myBid } = read ?? (await deps.rfqs.withOwnBid(id, actor.id).read())
  if (!rfq) throw new NotFoundError('rfq')
  if (actor.role === 'admin' || rfq.buyer.id === actor.id) return rfq
  if (actor.role === 'supplier') {
    if (myBid || maySupplierBid(rfq, actor))
      return { ...toSupplierView(rfq, actor, deps.clock.now()), ...(myBid ? { myBid } : {}) }
  }
  throw new NotFoundError('rfq')
}

export const cancelRfq = async (deps: RfqDeps, buyer: Actor, id: string, reason: string) => {
  const rfq = await findOwnRfq(deps, buyer, id)
  if (rfq.status !== 'open' && rfq.status !== 'closed') throw new RfqStateError(rfq.status, 'cancelled')
  const now = deps.clock.now().toISOString()
  const bidders = (await deps.rfqs.bids(id)).filter(live)
  const next: StoredRfq = { ...rfq, status: 'cancelled', cancelledAt: now, cancelReason: reason, version: rfq.version + 1 }
  await deps.rfqs.change({
    rfq: next,
    expected: { version: rfq.version, status: rfq.status },
    notifications: notifyBidders(deps, rfq, bidders, 'rfq.cancelled'),
  })
  return next
}

/**
 * A bid, or a revision of the supplier's live bid (one live bid per supplier; earlier versions
 * kept). `read`: the request and the supplier's bid, if the caller read them already (with the session).
 */
export const placeBid = async (deps: RfqDeps, supplier: Actor, rfqId: string, input: BidInput, read?: BidContext) => {
  const { rfq, bid: existing, responseTimesHeld } = read ?? (await deps.rfqs.bidContext(rfqId, supplier.id).read())
  if (!rfq) throw new NotFoundError('rfq')
  if (!maySupplierBid(rfq, supplier) && !existing) {
    if (!isVerifiedSupplier(supplier)) throw new SupplierNotVerifiedError(supplier.verificationDetails?.status ?? 'unverified')
    throw new NotFoundError('rfq')
  }
  const now = deps.clock.now()
  if (rfq.status !== 'open') throw new RfqStateError(rfq.status, 'bid on')
  if (Date.parse(rfq.bidDeadline) <= now.getTime()) throw new BiddingClosedError()
  const unit = input.unit ?? rfq.unit
  if (!unitsCompare(unit, rfq.unit, input.metresPerBolt)) throw new UnitMismatchError()
  const inRfqUnit = inRequestUnit({ ...input, unit }, rfq.unit)
  if (inRfqUnit && inRfqUnit.quantity > rfq.quantity)
    throw scheduleProblem('quantity', 'A bid cannot offer more than the request asks for')
  // A price that rounds to nothing in the request's unit would become an order for nothing.
  if (inRfqUnit && inRfqUnit.unitPriceFen < 1) throw new PriceBelowOneFenError(Boolean(input.metresPerBolt))
  if (input.validUntil < rfq.bidDeadline.slice(0, 10) || input.validUntil < todayInLhasa(now)) {
    throw scheduleProblem('validUntil', 'A bid must stay valid at least until the bid deadline')
  }
  const isLive = existing && live(existing)
  if (!isLive && rfq.bidCount >= maxLiveBids) throw new TooManyBidsError()
  const at = now.toISOString()
  const terms = {
    unitPriceFen: input.unitPriceFen,
    unit,
    ...(input.metresPerBolt ? { metresPerBolt: input.metresPerBolt } : {}),
    quantity: input.quantity,
    leadTimeDays: input.leadTimeDays,
    validUntil: input.validUntil,
    ...(input.note ? { note: input.note } : {}),
    ...(input.freightFen ? { freightFen: input.freightFen } : {}),
  }
  const bid: StoredBid = existing
    ? {
        ...existing,
        metresPerBolt: undefined,
        note: undefined,
        freightFen: undefined,
        ...terms,
        status: isLive ? 'revised' : 'submitted',
        history: [
          ...existing.history,
          {
            at: existing.updatedAt,
            unitPriceFen: existing.unitPriceFen,
            unit: existing.unit,
            quantity: existing.quantity,
            leadTimeDays: existing.leadTimeDays,
            validUntil: existing.validUntil,
            ...(existing.note ? { note: existing.note } : {}),
            ...(existing.freightFen ? { freightFen: existing.freightFen } : {}),
          },
        ],
        updatedAt: at,
        version: existing.version + 1,
      }
    : {
        id: deps.ids.next(),
        rfqId,
        supplier: toSupplierCard(supplier, supplier.id, deps.clock.now()),
        ...terms,
        status: 'submitted',
        history: [],
        createdAt: at,
        updatedAt: at,
        version: 1,
      }
  const responseMinutes = Math.round((now.getTime() - Date.parse(rfq.createdAt)) / 60000)
  const firstBid = rfq.firstBidAt ? undefined : { at, responseMinutes }
  await deps.rfqs.saveBid(
    {
      rfqId,
      bid,
      expected: existing ? { version: existing.version, statuses: [existing.status] } : 'new',
      liveBidsDelta: isLive ? 0 : 1,
      ...(firstBid ? { firstBid } : {}),
      // How soon this supplier answered the request: its first bid on it, never a revision or a bid after a withdrawal.
      ...(existing ? {} : { supplierStats: { supplierId: supplier.id, responseMinutes }, responseTimesHeld }),
      notifications: [
        notification(deps, rfq.buyer.id, isLive ? 'rfq.bid_revised' : 'rfq.bid_received', { rfqId, title: rfq.title }),
      ],
    },
    now,
  )
  return bid
}

export const withdrawBid = async (deps: RfqDeps, supplier: Actor, rfqId: string, read?: BidContext) => {
  const { rfq, bid } = read ?? (await deps.rfqs.bidContext(rfqId, supplier.id).read())
  if (!rfq) throw new NotFoundError('rfq')
  if (!bid) throw new NotFoundError('bid')
  if (!live(bid)) throw new BidStateError(bid.status)
  const now = deps.clock.now()
  if (rfq.status !== 'open') throw new RfqStateError(rfq.status, 'changed')
  const next: StoredBid = { ...bid, status: 'withdrawn', updatedAt: now.toISOString(), version: bid.version + 1 }
  await deps.rfqs.saveBid(
    {
      rfqId,
      bid: next,
      expected: { version: bid.version, statuses: [bid.status] },
      liveBidsDelta: -1,
      notifications: [notification(deps, rfq.buyer.id, 'rfq.bid_withdrawn', { rfqId, title: rfq.title })],
    },
    now,
  )
  return next
}

/** A supplier's bids with the requests they answer (its own bids only; never others'). */
export const myBids = async (deps: RfqDeps, supplier: Actor, page: { cursor?: string; limit: number }) => {
  const bids = await deps.rfqs.bidsOfSupplier(supplier.id, page)
  const rfqs = new Map((await deps.rfqs.getMany([...new Set(bids.items.map((bid) => bid.rfqId))])).map((rfq) => [rfq.id, rfq]))
  return {
    items: bids.items.flatMap((bid) => {
      const rfq = rfqs.get(bid.rfqId)
      return rfq
        ? [
            {
              ...bid,
              rfq: {
                id: rfq.id,
                title: rfq.title,
                status: rfq.status,
                bidDeadline: rfq.bidDeadline,
                quantity: rfq.quantity,
                unit: rfq.unit,
              },
            },
          ]
        : []
    }),
    nextCursor: bids.nextCursor,
  }
}

/**
 * The buyer's comparison: every bid with its price in the request's unit, its total, the
 * supplier's standing (card, ratings, on-time rate and response time, read live in one BatchGet)
 * and a weighted score. A tender shows only the count until its deadline.
 */
export const compareBids = async (deps: RfqDeps, buyer: Actor, rfqId: string, weights: CompareQuery) => {
  const rfq = await findOwnRfq(deps, buyer, rfqId)
  const now = deps.clock.now()
  if (isSealed(rfq, now)) return { rfq, sealed: true, bids: [], weights }
  const bids = (await deps.rfqs.bids(rfqId)).filter((bid) => bid.status !== 'withdrawn')
  const suppliers = await deps.suppliers.records([...new Set(bids.map((bid) => bid.supplier.id))])
  const records = new Map(suppliers.map((record) => [record.user.id, record]))
  const compared = bids.map((bid) => {
    const converted = inRequestUnit(bid, rfq.unit)
    const record = records.get(bid.supplier.id)
    return {
      ...bid,
      supplier: record ? toSupplierCard(record.user, bid.supplier.id, now) : bid.supplier,
      ...(converted
        ? {
            unitPriceInRfqUnitFen: converted.unitPriceFen,
            quantityInRfqUnit: converted.quantity,
            totalFen: totalFen(converted),
          }
        : {}),
      standing: standingOf(record, now),
    }
  })
  const scored = scoreBids(
    compared.map((bid) => ({ ...bid, unitPriceFen: bid.unitPriceInRfqUnitFen, reputation: bid.standing.score })),
    weights,
  )
  return {
    rfq,
    sealed: false,
    bids: compared
      .map((bid, index) => ({
        ...bid,
        score: scored[index]?.score ?? 0,
        scoreParts: scored[index]?.scoreParts ?? { price: 0, leadTime: 0, reputation: 0 },
      }))
      .sort((a, b) => b.score - a.score),
    weights,
  }
}

/**
 * Awards one bid, or splits the quantity across up to three. In one transaction: the request
 * becomes awarded, the chosen bids accepted, every other live bid rejected, and one order per
 * accepted bid is created. Concurrent awards: the request's version lets exactly one through.
 * One read (the request with its bids) and one write; a replay of an award finds the request
 * awarded, and the API answers it from the key's record.
 */
export const awardRfq = async (
  deps: RfqDeps,
  buyer: Actor,
  rfqId: string,
  input: AwardInput,
  keyed?: KeyedWrite<{ rfq: StoredRfq; orderIds: string[] }>,
) => {
  const { rfq, bids } = ownedBy(await deps.rfqs.withBids(rfqId), buyer)
  const now = deps.clock.now()
  if (rfq.status !== 'open' && rfq.status !== 'closed') throw new RfqStateError(rfq.status, 'awarded')
  // The request asked bidders to price an invoice: its orders need whom to make it out to.
  const invoiceType = rfq.invoice ?? 'none'
  if (invoiceType !== 'none' && !input.invoice)
    throw scheduleProblem('invoice', 'The request asks for an invoice: give the company title and tax number')
  if (isSealed(rfq, now)) throw new RfqStateError('sealed until its deadline', 'awarded yet')
  if (Date.parse(rfq.awardDeadline) <= now.getTime()) throw new RfqStateError('past its award deadline', 'awarded')
  const chosenIds = input.awards.map((award) => award.bidId)
  if (new Set(chosenIds).size !== chosenIds.length) throw new AwardError('Each bid can be awarded once')
  const total = input.awards.reduce((sum, award) => sum + award.quantity, 0)
  if (total > rfq.quantity)
    throw new AwardError('The awards add up to more than the request asks for', { requested: rfq.quantity, awarded: total })
  const today = todayInLhasa(now)
  const accepted = input.awards.map((award) => {
    const bid = bids.find((candidate) => candidate.id === award.bidId)
    if (!bid) throw new AwardError('No such bid on this request', { bidId: award.bidId })
    if (!live(bid)) throw new BidStateError(bid.status)
    if (bid.validUntil < today) throw new BidExpiredError(bid.id)
    const converted = inRequestUnit(bid, rfq.unit)
    if (!converted || converted.unitPriceFen < 1)
      throw new AwardError('This bid’s price does not convert to a price in the request’s unit', { bidId: bid.id })
    if (award.quantity > converted.quantity)
      throw new AwardError('More than the bid offers', { bidId: bid.id, offered: converted.quantity })
    return { bid, quantity: award.quantity, unitPriceFen: converted.unitPriceFen }
  })
  const at = now.toISOString()
  // The orders' numbers are guarded in the award's transaction: built again if another order has one of them.
  return numberOrders(deps, accepted.length, async (numbers) => {
    const orders = accepted.map((award, index) =>
      orderFromAward(deps, {
        rfq,
        bidId: award.bid.id,
        buyer,
        supplier: { id: award.bid.supplier.id, name: award.bid.supplier.name, company: award.bid.supplier.company },
        quantity: award.quantity,
        unitPriceFen: award.unitPriceFen,
        freightFen: award.bid.freightFen ?? 0,
        invoice: invoiceType !== 'none' && input.invoice ? { type: invoiceType, ...input.invoice } : { type: 'none' },
        ...(numbers[index] ? { orderNumber: numbers[index] } : {}),
      }),
    )
    const changedBids = bids.filter(live).map((bid) => {
      const index = accepted.findIndex((award) => award.bid.id === bid.id)
      const next: StoredBid = {
        ...bid,
        status: index >= 0 ? 'accepted' : 'rejected',
        ...(index >= 0 ? { orderId: orders[index]?.id } : {}),
        updatedAt: at,
        version: bid.version + 1,
      }
      return { bid: next, expectedVersion: bid.version }
    })
    const next: StoredRfq = { ...rfq, status: 'awarded', awardedAt: at, closedAt: rfq.closedAt ?? at, version: rfq.version + 1 }
    const acceptedNotes: OutgoingNotification[] = accepted.map((award, index) =>
      notification(deps, award.bid.supplier.id, 'rfq.bid_accepted', {
        rfqId,
        title: rfq.title,
        orderId: orders[index]?.id ?? '',
        orderNumber: orders[index]?.orderNumber ?? '',
      }),
    )
    const result = { rfq: next, orderIds: orders.map((order) => order.id) }
    const rejected = changedBids.filter((change) => change.bid.status === 'rejected').map((change) => change.bid)
    await deps.rfqs.change({
      rfq: next,
      expected: { version: rfq.version, status: rfq.status },
      bids: changedBids,
      orders,
      notifications: acceptedNotes,
      // Up to 40 rejected bidders may not fit the award's transaction: those are told right after it.
      notificationsIfRoom: notifyBidders(deps, rfq, rejected, 'rfq.bid_rejected'),
      keyAnswer: keyed?.answer(result),
    })
    return result
  })
}

export type RfqJobReport = { closed: number; expired: number }

/**
 * The deadline job: closes requests whose bid deadline passed (the buyer is told), and expires
 * closed ones not awarded within 14 days (bidders are told). Each change is conditional on the
 * version read, so two runs at once close and notify once.
 */
export const runRfqJobs = async (deps: RfqDeps): Promise<RfqJobReport> => {
  const now = deps.clock.now()
  const report: RfqJobReport = { closed: 0, expired: 0 }
  const attempt = async (rfq: StoredRfq, next: StoredRfq, notifications: OutgoingNotification[]) => {
    try {
      await deps.rfqs.change({ rfq: next, expected: { version: rfq.version, status: rfq.status }, notifications })
      return true
    } catch (error) {
      if (error instanceof RfqStateError) return false
      throw error
    }
  }
  for (const rfq of await deps.rfqs.listDue('bidding', now, 100)) {
    const next: StoredRfq = { ...rfq, status: 'closed', closedAt: now.toISOString(), version: rfq.version + 1 }
    if (
      await attempt(rfq, next, [
        notification(deps, rfq.buyer.id, 'rfq.closed', { rfqId: rfq.id, title: rfq.title, bids: String(rfq.bidCount) }),
      ])
    ) {
      report.closed += 1
    }
  }
  for (const rfq of await deps.rfqs.listDue('award', now, 100)) {
    const bidders = (await deps.rfqs.bids(rfq.id)).filter(live)
    const next: StoredRfq = { ...rfq, status: 'expired', version: rfq.version + 1 }
    if (
      await attempt(rfq, next, [
        ...notifyBidders(deps, rfq, bidders, 'rfq.expired'),
        notification(deps, rfq.buyer.id, 'rfq.expired', { rfqId: rfq.id, title: rfq.title }),
      ])
    ) {
      report.expired += 1
    }
  }
  return report
}
