import * as z from 'zod'
import { LocalizedText } from './catalog.ts'
import { phone, text, ulid, wholeIn } from './fields.ts'
import { UnitId } from './listings.ts'
import * as values from './values.ts'

export const OrderStatus = z.enum(values.orderStatuses)
export type OrderStatus = z.infer<typeof OrderStatus>

export const ShippingAddress = z.strictObject({
  name: text(60),
  phone,
  address: text(300),
})

const [pickup, ship] = values.deliveryMethods
export const Delivery = z.discriminatedUnion('method', [
  /** Collected at the supplier's stall in the market. */
  z.strictObject({ method: z.literal(pickup) }),
  z.strictObject({ method: z.literal(ship), address: ShippingAddress }),
])
export type Delivery = z.infer<typeof Delivery>

export const InvoiceType = z.enum(values.invoiceTypes)
export type InvoiceType = z.infer<typeof InvoiceType>

/** Who the supplier's invoice is made out to: the buyer's company title (发票抬头) and tax number (纳税人识别号). */
export const InvoiceParty = z.strictObject({
  title: text(100),
  taxNumber: z.string().trim().toUpperCase().regex(values.taxNumberPattern, 'A tax number of 15–20 letters and digits'),
})
export type InvoiceParty = z.infer<typeof InvoiceParty>

/** The invoice an order asks for: none, or an ordinary or special VAT invoice made out to the buyer's company. */
export const OrderInvoice = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  InvoiceParty.extend({ type: z.enum(['ordinary', 'special']) }),
])
export type OrderInvoice = z.infer<typeof OrderInvoice>

export const PlaceOrderInput = z.strictObject({
  listingId: ulid('A listing id'),
  quantity: wholeIn(values.limits.quantity),
  delivery: Delivery,
  note: text(500).optional(),
  /** Not given: no invoice. */
  invoice: OrderInvoice.optional(),
  /** The listing's sample instead of the goods: one sample, no minimum (quantity must be 1). */
  sample: z.literal(true).optional(),
})
export type PlaceOrderInput = z.infer<typeof PlaceOrderInput>

export const OrderLine = z.object({
  listingId: z.string().optional(),
  title: LocalizedText,
  unit: UnitId,
  quantity: z.number().int(),
  unitPriceFen: z.number().int(),
  amountFen: z.number().int(),
})
export type OrderLine = z.infer<typeof OrderLine>

export const TimelineEvent = z.object({
  at: z.string(),
  by: z.enum(values.timelineActors),
  event: z.string(),
  note: z.string().optional(),
})
export type TimelineEvent = z.infer<typeof TimelineEvent>

export const PaymentMethod = z.enum(values.paymentMethods)
export type PaymentMethod = z.infer<typeof PaymentMethod>

export const PaymentAnomalyKind = z.enum(values.paymentAnomalyKinds)
export type PaymentAnomalyKind = z.infer<typeof PaymentAnomalyKind>

export const PaymentAnomaly = z.object({
  kind: PaymentAnomalyKind,
  at: z.string(),
  eventId: z.string(),
  /** What Stripe reported: charged (or, for refunds, refunded so far), in fen and its currency. */
  amountFen: z.number().int().optional(),
  currency: z.string().optional(),
  checkoutSessionId: z.string().optional(),
  paymentIntentId: z.string().optional(),
  /** The refund the market made at once, for a payment it could not take. */
  refund: z.object({ id: z.string(), amountFen: z.number().int() }).optional(),
})
export type PaymentAnomaly = z.infer<typeof PaymentAnomaly>

export const Payment = z.object({
  method: PaymentMethod.optional(),
  transfer: z.object({ reference: z.string(), paidAt: z.string(), recordedAt: z.string() }).optional(),
  checkoutSessionId: z.string().optional(),
  /** When Stripe closes the session unless it is paid first: never after the payment is due. */
  checkoutExpiresAt: z.string().optional(),
  paymentIntentId: z.string().optional(),
  paidAt: z.string().optional(),
  /** Refunded so far (several refunds at Stripe add up here). */
  refund: z
    .object({
      at: z.string(),
      amountFen: z.number().int(),
      via: z.enum(['stripe', 'offline']),
      stripeRefundId: z.string().optional(),
    })
    .optional(),
  anomalies: z.array(PaymentAnomaly).optional(),
})
export type Payment = z.infer<typeof Payment>

export const Shipment = z.union([
  z.object({ carrier: z.string(), trackingNumber: z.string(), shippedAt: z.string() }),
  z.object({ pickupReadyAt: z.string(), shippedAt: z.string() }),
])
export type Shipment = z.infer<typeof Shipment>

export const Dispute = z.object({
  reason: z.string(),
  details: z.string(),
  openedAt: z.string(),
  resolution: z
    .object({ outcome: z.enum(values.disputeOutcomes), note: z.string(), at: z.string(), adminId: z.string() })
    .optional(),
})
export type Dispute = z.infer<typeof Dispute>

export const OrderFlagKind = z.enum(values.orderFlagKinds)
export type OrderFlagKind = z.infer<typeof OrderFlagKind>
export const OrderFlag = z.object({ kind: OrderFlagKind, at: z.string() })
export type OrderFlag = z.infer<typeof OrderFlag>

export const CancellationReason = z.enum(values.cancellationReasons)
export type CancellationReason = z.infer<typeof CancellationReason>

/** Who is on the other side of an order; a supplier's stall in the market, for pickups. */
export const PartyCard = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string(),
  phone: z.string().optional(),
  stall: z.string().optional(),
})

export const Order = z.object({
  id: z.string(),
  /** LS-YYYYMMDD-NNNNNN (older orders -NNNN): what people read, search and write as a transfer's memo (orders before it have none). */
  orderNumber: z.string().optional(),
  source: z.enum(['listing', 'rfq']),
  rfqId: z.string().optional(),
  bidId: z.string().optional(),
  buyer: PartyCard,
  supplier: PartyCard,
  lines: z.array(OrderLine),
  /** Freight as its own line (0: included in the price, 包邮); absent on orders before it was: 0. */
  freightFen: z.number().int().optional(),
  /** A sample order: one sample of the listing, at its sample price. */
  sample: z.boolean().optional(),
  /** A sample of this listing the buyer paid for within 60 days, credited on this bulk order (a line of its own). */
  sampleCredit: z
    .object({
      orderId: z.string(),
      orderNumber: z.string().optional(),
      /** What this order takes off: the credit, or the goods if they cost less. */
      amountFen: z.number().int(),
      /** The whole credit, given back if this order is cancelled unpaid. */
      valueFen: z.number().int(),
      until: z.string(),
    })
    .optional(),
  /** The goods plus the freight, less any sample credit: what the buyer pays. */
  totalFen: z.number().int(),
  /** Absent: no invoice asked for. */
  invoice: OrderInvoice.optional(),
  currency: z.literal('CNY'),
  status: OrderStatus,
  version: z.number().int(),
  delivery: Delivery,
  note: z.string().optional(),
  payment: Payment,
  shipment: Shipment.optional(),
  dispute: Dispute.optional(),
  /** Why a cancelled order was cancelled, with the words of whoever did it. */
  cancellation: z.object({ reason: CancellationReason, note: z.string().optional() }).optional(),
  flags: z.array(OrderFlag).optional(),
  timeline: z.array(TimelineEvent),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Unpaid orders are cancelled then (unless a bank transfer is waiting for confirmation). */
  paymentDueAt: z.string(),
  deliveredAt: z.string().optional(),
  /** Delivered orders complete then, unless disputed. */
  autoCompleteAt: z.string().optional(),
  /** The buyer's rating of the supplier for this order (one per order). */
  ratingId: z.string().optional(),
  /** What the supplier promised: the listing's lead time in days, or the day an awarded request needed the goods by. */
  leadTimeDays: z.number().int().optional(),
  neededBy: z.string().optional(),
  /** Fixed when the order is paid: the supplier ships on time by then. */
  shipBy: z.string().optional(),
  /** The material's category, for the market's figures and price index (orders before them have none). */
  categoryId: z.string().optional(),
})
export type Order = z.infer<typeof Order>

export const OrderStep = z.enum(values.orderSteps)
export type OrderStep = z.infer<typeof OrderStep>

/** Where the buyer sends a bank transfer: the supplier's approved account, with its phone. */
export const Payee = z.object({
  holder: z.string(),
  bank: z.string(),
  number: z.string(),
  phone: z.string().optional(),
  collectionQr: z.string().optional(),
})
export type Payee = z.infer<typeof Payee>

export const OrderAttention = z.enum(values.orderAttentions)
export type OrderAttention = z.infer<typeof OrderAttention>
/** What the order waits for from its reader (null when nothing: it waits for the other party, or for nobody). */
const attention = OrderAttention.nullable()

/**
 * An order as one reader sees it: the ways it can be paid, the steps that reader may take now and
 * what it waits for from that reader.
 */
export const OrderView = Order.extend({
  paymentMethods: z.array(PaymentMethod),
  actions: z.array(OrderStep),
  attention,
  /** On the order's own page, while a transfer may be sent: the supplier's approved account. */
  payee: Payee.optional(),
})
export type OrderView = z.infer<typeof OrderView>

export const OrdersQuery = z.strictObject({
  role: z.enum(values.selfRegisteredRoles),
  status: OrderStatus.optional(),
  /** An order number, or the end of one (`0042`, `20261201-0042`). */
  q: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z-]{1,20}$/, 'An order number or its end')
    .optional(),
  /** Only the orders that wait for the caller's next step (待付款, 待发货, 待确认收款, 待收货, 待评价). */
  needs: z.enum(['action']).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
export type OrdersQuery = z.infer<typeof OrdersQuery>

/** An order in its party's list, with what it waits for from that party. */
export const PartyOrder = Order.extend({ attention })
export type PartyOrder = z.infer<typeof PartyOrder>
export const OrdersPage = z.object({ items: z.array(PartyOrder), nextCursor: z.string().nullable() })

/**
 * What waits for the signed-in user, for the navigation's badges. Each count stops at
 * `attentionCountCap` (the web shows "99+").
 */
export const AttentionCounts = z.object({
  /** Orders waiting for the user's next step. */
  orders: z.number().int(),
  notifications: z.number().int(),
  /** Unread messages in the user's threads. */
  messages: z.number().int(),
  /** An administrator's queues. */
  admin: z
    .object({
      verifications: z.number().int(),
      listings: z.number().int(),
      ratings: z.number().int(),
      flaggedOrders: z.number().int(),
      disputes: z.number().int(),
    })
    .optional(),
})
export type AttentionCounts = z.infer<typeof AttentionCounts>
/**
 * The administrators' console: how much waits in each queue. Each count stops at
 * `adminQueueCountCap` (the web shows "999+").
 */
export const AdminQueueCounts = z.object({
  verifications: z.number().int(),
  bankAccountChanges: z.number().int(),
  listingsToReview: z.number().int(),
  reportedListings: z.number().int(),
  reportedRatings: z.number().int(),
  disputes: z.number().int(),
  /** Bank transfers a supplier has not confirmed by their deadline. */
  unconfirmedTransfers: z.number().int(),
  /** Suppliers' certificates waiting for a decision. */
  certificationRequests: z.number().int(),
})
export type AdminQueueCounts = z.infer<typeof AdminQueueCounts>

/** Orders as an administrator sees them: each with the steps an administrator may take now. */
export const AdminOrdersPage = z.object({ items: z.array(OrderView), nextCursor: z.string().nullable() })

export const SampleCreditQuery = z.strictObject({ listingId: ulid('A listing id') })

/** The buyer's credit from a paid sample of the listing, taken off its next bulk order; null when none is valid. */
export const SampleCreditResponse = z.object({
  credit: z
    .object({ amountFen: z.number().int(), until: z.string(), orderId: z.string(), orderNumber: z.string().optional() })
    .nullable(),
})
export type SampleCreditResponse = z.infer<typeof SampleCreditResponse>

export const ExportQuery = z.strictObject({ role: z.enum(values.selfRegisteredRoles) })

export const TransferInput = z.strictObject({
  reference: text(80),
  paidAt: z.iso.date().or(z.iso.datetime()),
})

export const ShipInput = z.union([
  z.strictObject({ carrier: text(60), trackingNumber: text(60) }),
  z.strictObject({ pickupReadyAt: z.iso.datetime().or(z.iso.date()) }),
])
export type ShipInput = z.infer<typeof ShipInput>

export const DisputeInput = z.strictObject({
  reason: z.enum(values.disputeReasons),
  details: text(2000),
})
export type DisputeInput = z.infer<typeof DisputeInput>

export const ResolveDisputeInput = z.strictObject({ outcome: z.enum(values.disputeOutcomes), note: text(1000) })
export type ResolveDisputeInput = z.infer<typeof ResolveDisputeInput>

export const CancelOrderInput = z.strictObject({ reason: text(300).optional() })

/** The supplier's words to the buyer: the transfer did not arrive. */
export const DeclineTransferInput = z.strictObject({ reason: text(values.maxReasonLength) })
export type DeclineTransferInput = z.infer<typeof DeclineTransferInput>

/** An administrator's note on a flagged order: written to the timeline and the audit log. */
export const AdminOrderNoteInput = z.strictObject({ note: text(values.maxReasonLength) })
export type AdminOrderNoteInput = z.infer<typeof AdminOrderNoteInput>

export const CheckoutResponse = z.object({ url: z.string(), sessionId: z.string() })

export const AdminOrdersQuery = z.strictObject({
  status: OrderStatus.default('disputed'),
  /** The orders flagged for an administrator (oldest flag first), in place of the status list. */
  flag: OrderFlagKind.optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})
export type AdminOrdersQuery = z.infer<typeof AdminOrdersQuery>
