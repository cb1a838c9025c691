import * as z from 'zod'
import { text, ulid, wholeIn } from './fields.ts'
import { PhotoKey, SupplierCard, UnitId } from './listings.ts'
import { InvoiceParty, PartyCard } from './orders.ts'
import { SupplierStanding } from './ratings.ts'
import * as values from './values.ts'

export const RfqStatus = z.enum(values.rfqStatuses)
export type RfqStatus = z.infer<typeof RfqStatus>

export const BidStatus = z.enum(values.bidStatuses)
export type BidStatus = z.infer<typeof BidStatus>

export const PostRfqInput = z.strictObject({
  title: text(120),
  categoryId: z.string().regex(values.categoryIdPattern),
  specs: text(2000),
  quantity: wholeIn(values.limits.quantity),
  unit: UnitId,
  targetUnitPriceFen: wholeIn(values.limits.unitPriceFen).optional(),
  /** The day the goods are needed (in Lhasa). */
  neededBy: z.iso.date(),
  deliveryPlace: text(200).default('拉萨'),
  bidDeadline: z.iso.datetime({ offset: true }),
  invitedSupplierIds: z.array(ulid()).max(values.maxInvitedSuppliers).optional(),
  photos: z.array(PhotoKey).max(values.maxRfqPhotos, `At most ${values.maxRfqPhotos} photos`).default([]),
  /** A tender: even the buyer sees only how many bids there are until the deadline. */
  sealedUntilDeadline: z.boolean().default(false),
  /** Not given: no invoice, freight to be agreed, no sample. */
  invoice: z.enum(values.invoiceTypes).optional(),
  freightTerms: z.enum(values.freightTerms).optional(),
  /** Suppliers should send a sample before the order. */
  sampleRequired: z.boolean().optional(),
})
export type PostRfqInput = z.infer<typeof PostRfqInput>

export const Rfq = z.object({
  id: z.string(),
  buyer: PartyCard,
  title: z.string(),
  categoryId: z.string(),
  specs: z.string(),
  quantity: z.number().int(),
  unit: UnitId,
  targetUnitPriceFen: z.number().int().optional(),
  neededBy: z.string(),
  deliveryPlace: z.string(),
  bidDeadline: z.string(),
  /** The buyer may award until then; afterwards the request expires. */
  awardDeadline: z.string(),
  invitedSupplierIds: z.array(z.string()).optional(),
  photos: z.array(z.string()),
  sealedUntilDeadline: z.boolean(),
  /** Absent on requests posted before buyers could say. */
  invoice: z.enum(values.invoiceTypes).optional(),
  freightTerms: z.enum(values.freightTerms).optional(),
  sampleRequired: z.boolean().optional(),
  status: RfqStatus,
  bidCount: z.number().int(),
  createdAt: z.string(),
  /** Time from posting to the first bid: how fast the market answers. */
  firstBidAt: z.string().optional(),
  responseMinutes: z.number().int().optional(),
  closedAt: z.string().optional(),
  awardedAt: z.string().optional(),
  cancelledAt: z.string().optional(),
  cancelReason: z.string().optional(),
  version: z.number().int(),
})
export type Rfq = z.infer<typeof Rfq>

export const RfqPage = z.object({ items: z.array(Rfq), nextCursor: z.string().nullable() })

/**
 * A request as a supplier reads it: `invitedSupplierIds` names only that supplier (when invited),
 * and a tender shows no bid count nor first-bid time until its deadline.
 */
export const SupplierRfq = Rfq.extend({ bidCount: z.number().int().optional() })
export type SupplierRfq = z.infer<typeof SupplierRfq>

/** A request in a supplier's feed, with where that supplier's own bid stands (if it bid). */
export const FeedItem = SupplierRfq.extend({ myBidStatus: BidStatus.optional() })
export type FeedItem = z.infer<typeof FeedItem>
export const FeedPage = z.object({ items: z.array(FeedItem), nextCursor: z.string().nullable() })

export const FeedQuery = z.strictObject({
  category: z.string().max(40).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(25),
})
export type FeedQuery = z.infer<typeof FeedQuery>

export const BidInput = z.strictObject({
  unitPriceFen: wholeIn(values.limits.unitPriceFen),
  /** Another unit of the same measure may be quoted (码 for 米, 斤 for 公斤); bolts need metresPerBolt. */
  unit: UnitId.optional(),
  metresPerBolt: z.number().positive().max(values.maxMetresPerBolt).optional(),
  quantity: wholeIn(values.limits.quantity),
  leadTimeDays: wholeIn(values.limits.leadTimeDays),
  validUntil: z.iso.date(),
  note: text(1000).optional(),
  /** Freight for the whole quantity to the delivery place, in fen; not given or 0: included in the price. */
  freightFen: wholeIn(values.limits.freightFen).optional(),
})
export type BidInput = z.infer<typeof BidInput>

export const BidRevision = z.object({
  at: z.string(),
  unitPriceFen: z.number().int(),
  unit: UnitId,
  quantity: z.number().int(),
  leadTimeDays: z.number().int(),
  validUntil: z.string(),
  note: z.string().optional(),
  freightFen: z.number().int().optional(),
})

export const Bid = z.object({
  id: z.string(),
  rfqId: z.string(),
  supplier: SupplierCard,
  unitPriceFen: z.number().int(),
  unit: UnitId,
  metresPerBolt: z.number().optional(),
  quantity: z.number().int(),
  leadTimeDays: z.number().int(),
  validUntil: z.string(),
  note: z.string().optional(),
  /** Freight for the whole quantity, carried by the award's order (absent: included). */
  freightFen: z.number().int().optional(),
  status: BidStatus,
  /** Earlier versions of this bid, oldest first. */
  history: z.array(BidRevision),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** The order an accepted bid became. */
  orderId: z.string().optional(),
})
export type Bid = z.infer<typeof Bid>

export const MyBid = Bid.extend({
  rfq: Rfq.pick({ id: true, title: true, status: true, bidDeadline: true, quantity: true, unit: true }),
})
export const MyBidsPage = z.object({ items: z.array(MyBid), nextCursor: z.string().nullable() })

const weight = (name: keyof typeof values.compareWeights) =>
  z.coerce.number().min(0).max(100).default(values.compareWeights[name])
export const CompareQuery = z.strictObject({
  price: weight('price'),
  leadTime: weight('leadTime'),
  reputation: weight('reputation'),
})
export type CompareQuery = z.infer<typeof CompareQuery>

export const ComparedBid = Bid.extend({
  /** The quoted price per unit of the request (码 → 米, 斤 → 公斤, bolts by metres per bolt); absent when it cannot convert. */
  unitPriceInRfqUnitFen: z.number().int().optional(),
  quantityInRfqUnit: z.number().optional(),
  totalFen: z.number().int().optional(),
  score: z.number(),
  /** The points price, lead time and reputation each contribute to the score, with the buyer's weights. */
  scoreParts: z.object({ price: z.number(), leadTime: z.number(), reputation: z.number() }),
  /** The bidder's ratings, on-time rate and response time, read live. */
  standing: SupplierStanding,
})
export type ComparedBid = z.infer<typeof ComparedBid>

export const BidsForBuyer = z.object({
  rfq: Rfq,
  /** A tender before its deadline: only the count is shown. */
  sealed: z.boolean(),
  bids: z.array(ComparedBid),
  weights: CompareQuery,
})

export const AwardInput = z.strictObject({
  awards: z
    .array(z.strictObject({ bidId: ulid(), quantity: z.number().int().positive() }))
    .min(1)
    .max(values.maxAwardedBids, `At most ${values.maxAwardedBids} bids`),
  /** Who the invoices are made out to: required when the request asks for an invoice. */
  invoice: InvoiceParty.optional(),
})
export type AwardInput = z.infer<typeof AwardInput>

export const AwardResult = z.object({ rfq: Rfq, orderIds: z.array(z.string()) })

/** A request as its reader sees it: the buyer and administrators all of it, a supplier its own view and bid. */
export const RfqView = SupplierRfq.extend({ myBid: Bid.optional() })
export type RfqView = z.infer<typeof RfqView>
