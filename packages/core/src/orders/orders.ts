import type {
  AdminOrderNoteInput,
  AdminOrdersQuery,
  DeclineTransferInput,
  DisputeInput,
  Order,
  OrderFlag,
  OrderInvoice,
  OrdersQuery,
  OrderView,
  PaymentAnomaly,
  PaymentMethod,
  PlaceOrderInput,
  ResolveDisputeInput,
  ShipInput,
} from '@market/contracts'
import type { AccountStore, StoredUser } from '../accounts/ports.ts'
import { auditActor, auditEntry } from '../audit/audit-entry.ts'
import { KeyAnsweredError, NotFoundError } from '../errors.ts'
import { isPubliclyVisible, unitPriceFor } from '../listings/rules.ts'
import { orderMarketChange } from '../metrics/changes.ts'
import { notification, type OutgoingNotification, titleParams } from '../notifications/notifications.ts'
import type { Clock, IdGenerator, KeyedWrite } from '../ports.ts'
import { statsChangeOf, withShipBy } from '../ratings/figures.ts'
import { attentionOf } from './attention.ts'
import {
  BelowMinimumError,
  DisputeWindowClosedError,
  NotPartyRoleError,
  OrderStateError,
  OwnListingError,
  PaidAtOutOfRangeError,
  PaymentEventSeenError,
  PaymentInProgressError,
  StripeUnavailableError,
  StripeUnreachableError,
} from './errors.ts'
import {
  advance,
  canTake,
  completionDelayMs,
  disputeWindowMs,
  ensureCanTake,
  nextSteps,
  paymentWindowMs,
  raiseFlag,
  type Step,
  settleFlag,
  steps,
  transferConfirmationWindowMs,
} from './lifecycle.ts'
import { numberOrders } from './numbers.ts'
import type {
  CheckoutClosing,
  OrderChange,
  OrderStore,
  PaymentEvent,
  PaymentGateway,
  PlacementRead,
  StoredOrder,
} from './ports.ts'
import { creditOn, NoSampleError, SampleQuantityError, sampleChangesOf } from './samples.ts'

export type OrderDeps = {
  orders: OrderStore
  /** Null where Stripe keys are not configured: bank transfer is then the only way to pay. */
  payments: PaymentGateway | null
  clock: Clock
  ids: IdGenerator
}
type Actor = StoredUser

const partyCard = (user: Actor) => ({
  id: user.id,
  name: user.name,
  company: user.company.name,
  ...(user.company.phone ? { phone: user.company.phone } : {}),
  ...(user.verificationDetails?.stall ? { stall: user.verificationDetails.stall } : {}),
})

const roleIn = (order: Order, actor: Actor): 'buyer' | 'supplier' | 'admin' | undefined =>
  actor.id === order.buyer.id
    ? 'buyer'
    : actor.id === order.supplier.id
      ? 'supplier'
      : actor.role === 'admin'
        ? 'admin'
        : undefined

/** The order if the actor is one of its parties or an administrator; 404 for anyone else. */
const findVisibleOrder = async (deps: OrderDeps, actor: Actor, id: string) => {
  const order = await deps.orders.get(id)
  if (!order || !roleIn(order, actor)) throw new NotFoundError('order')
  return order
}

/** The order if the actor is the party whose step this is; 404 for strangers, 403 for the other party. */
const findOrderFor = async (deps: OrderDeps, actor: Actor, id: string, step: Step) => {
  const order = await findVisibleOrder(deps, actor, id)
  const by = steps[step].by
  if (roleIn(order, actor) !== by) throw new NotPartyRoleError(by)
  return order
}

export const paymentMethods = (deps: Pick<OrderDeps, 'payments'>): PaymentMethod[] =>
  deps.payments ? ['bank_transfer', 'stripe'] : ['bank_transfer']

export const toView = (deps: Pick<OrderDeps, 'payments'>, order: Order, actor: Actor): OrderView => {
  const role = roleIn(order, actor)
  // Card payment is offered only where Stripe is set up (the lifecycle stops it once a transfer is recorded).
  const actions = role ? nextSteps(order, role).filter((step) => step !== 'start_checkout' || deps.payments) : []
  const attention = role === 'buyer' || role === 'supplier' ? attentionOf(order, role) : null
  return { ...order, paymentMethods: paymentMethods(deps), actions, attention }
}

const notifyOther = (deps: OrderDeps, order: Order, to: 'buyer' | 'supplier', type: string): OutgoingNotification =>
  notification(deps, order[to].id, type, {
    orderId: order.id,
    ...(order.orderNumber ? { orderNumber: order.orderNumber } : {}),
    ...titleParams(order.lines[0]?.title),
    totalFen: String(order.totalFen),
  })

/**
 * An order from a listing: the unit price is the listing's tier for the quantity, computed here
 * from the stored listing; the stock is taken in the same transaction that writes the order, on
 * condition that the listing is still active, has the stock, and has not been repriced meanwhile.
 * A sample order takes no stock and has no minimum: one sample at the listing's sample price. A bulk
 * order takes off the price of a sample of the listing the buyer paid for within 60 days. What it
 * reads is read at once, with the answer of the request's Idempotency-Key: a replay writes nothing.
 */
/** `first`: what the placement reads first, if it was read with the session (see OrderStore's placementRead). */
export const placeOrder = async (
  deps: OrderDeps,
  buyer: Actor,
  input: PlaceOrderInput,
  keyed?: KeyedWrite<StoredOrder>,
  first?: PlacementRead,
) => {
  const now = deps.clock.now()
  const { found, credit, recorded } = await deps.orders.forPlacement(
    { listingId: input.listingId, buyerId: buyer.id, key: keyed?.key },
    now,
    first,
  )
  if (recorded) throw new KeyAnsweredError(recorded)
  if (!found || !isPubliclyVisible(found) || !found.supplier) throw new NotFoundError('listing')
  const { listing, supplier } = found
  if (listing.supplierId === buyer.id) throw new OwnListingError()
  const pair = { buyerId: buyer.id, listingId: listing.id }
  let line: Order['lines'][number]
  let placement: Pick<Parameters<OrderStore['place']>[0], 'claim' | 'sample' | 'credit'>
  let sampleCredit: Order['sampleCredit']
  if (input.sample) {
    if (!listing.sample) throw new NoSampleError()
    if (input.quantity !== 1) throw new SampleQuantityError()
    const priceFen = listing.sample.priceFen
    line = {
      listingId: listing.id,
      title: listing.title,
      unit: listing.unit,
      quantity: 1,
      unitPriceFen: priceFen,
      amountFen: priceFen,
    }
    placement = { sample: { ...pair, priceFen } }
  } else {
    if (input.quantity < listing.moq) throw new BelowMinimumError(listing.moq)
    const unitPriceFen = unitPriceFor(listing.priceTiers, input.quantity) as number
    line = {
      listingId: listing.id,
      title: listing.title,
      unit: listing.unit,
      quantity: input.quantity,
      unitPriceFen,
      amountFen: unitPriceFen * input.quantity,
    }
    const amountFen = creditOn(credit, line.amountFen, now)
    placement = {
      claim: { listingId: listing.id, quantity: input.quantity, priceVersion: listing.priceVersion ?? 0 },
      ...(credit && amountFen > 0 ? { credit } : {}),
    }
    if (credit && amountFen > 0) {
      const { orderId, orderNumber, until, amountFen: valueFen } = credit
      sampleCredit = { orderId, ...(orderNumber ? { orderNumber } : {}), amountFen, valueFen, until }
    }
  }
  const id = deps.ids.next()
  return numberOrders(deps, 1, async ([orderNumber]) => {
    const order: StoredOrder = {
      id,
      ...(orderNumber ? { orderNumber } : {}),
      source: 'listing',
      ...(input.sample ? { sample: true } : {}),
      buyer: partyCard(buyer),
      supplier: partyCard(supplier),
      lines: [line],
      leadTimeDays: listing.leadTimeDays,
      categoryId: listing.categoryId,
      // Listings state no freight: a listing order's freight is 0 (included, or agreed outside the order).
      freightFen: 0,
      ...(sampleCredit ? { sampleCredit } : {}),
      totalFen: line.amountFen - (sampleCredit?.amountFen ?? 0),
      invoice: input.invoice ?? { type: 'none' },
      currency: 'CNY',
      status: 'pending_payment',
      version: 1,
      delivery: input.delivery,
      ...(input.note ? { note: input.note } : {}),
      payment: {},
      timeline: [{ at: now.toISOString(), by: 'buyer', event: 'placed' }],
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      paymentDueAt: new Date(now.getTime() + paymentWindowMs).toISOString(),
    }
    await deps.orders.place({
      order,
      ...placement,
      notifications: [notifyOther(deps, order, 'supplier', 'order.placed')],
      keyAnswer: keyed?.answer(order),
    })
    return order
  })
}

/** The buyer's valid sample credit on a listing, as the buy form shows it before the order. */
export const sampleCreditOf = async (deps: OrderDeps, buyer: Actor, listingId: string) => {
  const credit = await deps.orders.sampleCredit({ buyerId: buyer.id, listingId })
  if (!credit || creditOn(credit, credit.amountFen, deps.clock.now()) === 0) return { credit: null }
  const { amountFen, until, orderId, orderNumber } = credit
  return { credit: { amountFen, until, orderId, ...(orderNumber ? { orderNumber } : {}) } }
}

type ChangeExtras = Omit<OrderChange, 'order' | 'expected' | 'flags'>

/** The flags a change raises and settles, when it does either. */
const flagChanges = (previous: Order, next: Order) => {
  const key = (flag: OrderFlag) => `${flag.kind}#${flag.at}`
  const before = new Set((previous.flags ?? []).map(key))
  const after = new Set((next.flags ?? []).map(key))
  const raised = (next.flags ?? []).filter((flag) => !before.has(key(flag)))
  const settled = (previous.flags ?? []).filter((flag) => !after.has(key(flag)))
  return raised.length > 0 || settled.length > 0 ? { flags: { raised, settled } } : {}
}

const changeOrder = async (deps: OrderDeps, previous: StoredOrder, next: StoredOrder, extra: ChangeExtras = {}) => {
  // A step that pays the order fixes its ship-by; a step the supplier's figures count moves them with it.
  const order = withShipBy(previous, next)
  const supplierStats = statsChangeOf(previous, order)
  const market = orderMarketChange(previous, order)
  const samples = sampleChangesOf(previous, order, deps.clock.now())
  await deps.orders.change({
    order,
    expected: { version: previous.version, status: previous.status },
    ...flagChanges(previous, order),
    ...(supplierStats ? { supplierStats } : {}),
    ...(market ? { market } : {}),
    ...(Object.keys(samples).length > 0 ? { samples } : {}),
    ...extra,
  })
  return order
}

export const getOrder = async (deps: OrderDeps, actor: Actor, id: string) => findVisibleOrder(deps, actor, id)

/**
 * The order's own page. While it awaits payment it shows where to send a bank transfer: the
 * supplier's approved account, read now (a change waiting for approval is not shown until approved).
 */
export const orderPage = async (
  deps: OrderDeps & { accounts: Pick<AccountStore, 'findUserById'> },
  actor: Actor,
  id: string,
): Promise<OrderView> => {
  const order = await findVisibleOrder(deps, actor, id)
  const view = toView(deps, order, actor)
  if (order.status !== 'pending_payment') return view
  const supplier = await deps.accounts.findUserById(order.supplier.id)
  if (!supplier?.bankAccount) return view
  const phone = order.supplier.phone ?? supplier.company.phone ?? supplier.verificationDetails?.contactPhone
  return { ...view, payee: { ...supplier.bankAccount, ...(phone ? { phone } : {}) } }
}

/** A party's orders (or only those waiting for its next step), each with what it waits for from that party. */
export const listOrders = async (deps: OrderDeps, actor: Actor, query: OrdersQuery) => {
  const page = await deps.orders.listForParty(actor.id, query)
  return { ...page, items: page.items.map((order) => ({ ...order, attention: attentionOf(order, query.role) })) }
}

/** Orders by status, or the orders flagged for an administrator. */
export const listOrdersByStatus = (deps: OrderDeps, { flag, status, ...page }: AdminOrdersQuery) =>
  flag ? deps.orders.listFlagged(flag, page) : deps.orders.listByStatus(status, page)

/** Lhasa keeps China Standard Time (UTC+8) all year: a date a buyer gives is a day there. */
const lhasaDay = (at: Date) => new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
/** Room for clocks that disagree and for times typed to the minute. */
const clockSkewMs = 5 * 60 * 1000

/** A transfer is paid within the order's life: not before the order was placed, not in the future. */
const paidWithinLife = (order: Order, paidAt: string, now: Date) => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(paidAt)) return paidAt >= lhasaDay(new Date(order.createdAt)) && paidAt <= lhasaDay(now)
  const at = Date.parse(paidAt)
  return at >= Date.parse(order.createdAt) - clockSkewMs && at <= now.getTime() + clockSkewMs
}

/**
 * The buyer says the bank transfer (对公转账) was sent, once; then the supplier confirms it arrived
 * or declines it, and 72 hours on without either an administrator looks.
 */
export const recordTransfer = async (deps: OrderDeps, buyer: Actor, id: string, input: { reference: string; paidAt: string }) => {
  const order = await findOrderFor(deps, buyer, id, 'record_transfer')
  const now = deps.clock.now()
  ensureCanTake(order, 'record_transfer')
  if (!paidWithinLife(order, input.paidAt, now)) throw new PaidAtOutOfRangeError()
  const next = advance(order, 'record_transfer', now, {
    payment: {
      ...order.payment,
      method: 'bank_transfer',
      transfer: { reference: input.reference, paidAt: new Date(input.paidAt).toISOString(), recordedAt: now.toISOString() },
    },
  })
  return changeOrder(deps, order, next, { notifications: [notifyOther(deps, order, 'supplier', 'order.transfer_recorded')] })
}

export const confirmPayment = async (deps: OrderDeps, supplier: Actor, id: string) => {
  const order = await findOrderFor(deps, supplier, id, 'confirm_payment')
  const now = deps.clock.now()
  const next = advance(order, 'confirm_payment', now, {
    payment: { ...order.payment, method: 'bank_transfer', paidAt: now.toISOString() },
  })
  return changeOrder(deps, order, next, { notifications: [notifyOther(deps, order, 'buyer', 'order.paid')] })
}

export const shipOrder = async (deps: OrderDeps, supplier: Actor, id: string, input: ShipInput) => {
  const order = await findOrderFor(deps, supplier, id, 'ship')
  const now = deps.clock.now()
  const shipment =
    'carrier' in input
      ? { carrier: input.carrier, trackingNumber: input.trackingNumber, shippedAt: now.toISOString() }
      : { pickupReadyAt: new Date(input.pickupReadyAt).toISOString(), shippedAt: now.toISOString() }
  const next = advance(order, 'ship', now, { shipment })
  return changeOrder(deps, order, next, { notifications: [notifyOther(deps, order, 'buyer', 'order.shipped')] })
}

export const receiveOrder = async (deps: OrderDeps, buyer: Actor, id: string) => {
  const order = await findOrderFor(deps, buyer, id, 'receive')
  const now = deps.clock.now()
  const next = advance(order, 'receive', now, {
    deliveredAt: now.toISOString(),
    autoCompleteAt: new Date(now.getTime() + completionDelayMs).toISOString(),
  })
  return changeOrder(deps, order, next, { notifications: [notifyOther(deps, order, 'supplier', 'order.delivered')] })
}

const restoreStockOf = (order: Order) => {
  const line = order.lines[0]
  // A sample took no stock.
  return order.source === 'listing' && line?.listingId && !order.sample
    ? { restoreStock: { listingId: line.listingId, quantity: line.quantity } }
    : {}
}

const minute = 60 * 1000

/**
 * Stripe takes sessions that expire 30 minutes to 24 hours after they are made: the payment's due
 * time, within those bounds. The bounds fall on whole minutes a minute or two inside Stripe's, so
 * a request retried within the minute asks Stripe for the very same session.
 */
const checkoutExpiry = (order: Order, now: Date) => {
  const earliest = Math.ceil((now.getTime() + 31 * minute) / minute) * minute
  const latest = Math.floor((now.getTime() + 24 * 60 * minute - 2 * minute) / minute) * minute
  const at = Math.min(Math.max(Date.parse(order.paymentDueAt), earliest), latest)
  return new Date(Math.floor(at / 1000) * 1000)
}

/**
 * Closes the order's Checkout Session so it can no longer be paid, before the order stops taking
 * payment. Stripe unreachable: StripeUnreachableError (503), and the caller has changed nothing.
 */
const closeCheckout = async (deps: OrderDeps, order: Order, now: Date): Promise<CheckoutClosing | 'none'> => {
  const { checkoutSessionId, checkoutExpiresAt } = order.payment
  if (!checkoutSessionId || (checkoutExpiresAt && Date.parse(checkoutExpiresAt) <= now.getTime())) return 'none'
  // Without Stripe keys there is no session to close (nor a webhook to hear it paid).
  if (!deps.payments) return 'none'
  return deps.payments.expireCheckout(checkoutSessionId)
}

type CancelStep = 'cancel' | 'decline_transfer' | 'cancel_overdue' | 'expire'

/**
 * Cancels the order by `step`: its Checkout Session closed first (a session paid meanwhile is
 * refunded when its payment arrives), then one transaction writes the order, puts its stock back
 * on the listing, and the notifications and audit entry.
 */
const cancelBy = async (
  deps: OrderDeps,
  order: StoredOrder,
  step: CancelStep,
  cancellation: NonNullable<Order['cancellation']>,
  extra: Omit<ChangeExtras, 'restoreStock'>,
) => {
  ensureCanTake(order, step)
  const now = deps.clock.now()
  await closeCheckout(deps, order, now)
  const next = advance(order, step, now, { cancellation }, cancellation.note)
  return changeOrder(deps, order, next, { ...restoreStockOf(order), ...extra })
}

/** The buyer cancels before paying; not once a bank transfer is recorded (the supplier must look first). */
export const cancelOrder = async (deps: OrderDeps, buyer: Actor, id: string, reason?: string) => {
  const order = await findOrderFor(deps, buyer, id, 'cancel')
  return cancelBy(
    deps,
    order,
    'cancel',
    { reason: 'buyer_cancelled', ...(reason ? { note: reason } : {}) },
    {
      notifications: [notifyOther(deps, order, 'supplier', 'order.cancelled')],
    },
  )
}

/** The supplier says the recorded transfer never arrived: the order is cancelled and its stock freed. */
export const declineTransfer = async (deps: OrderDeps, supplier: Actor, id: string, input: DeclineTransferInput) => {
  const order = await findOrderFor(deps, supplier, id, 'decline_transfer')
  return cancelBy(
    deps,
    order,
    'decline_transfer',
    { reason: 'transfer_declined', note: input.reason },
    { notifications: [notifyOther(deps, order, 'buyer', 'order.transfer_declined')] },
  )
}

const adminAudit = (deps: OrderDeps, admin: Actor, order: Order, action: string, reason: string) =>
  auditEntry({
    id: deps.ids.next(),
    at: deps.clock.now(),
    actor: auditActor(admin),
    action,
    // Read as people write it: its number (orders before numbers by id).
    target: { type: 'order', id: order.id, name: order.orderNumber ?? order.id },
    reason,
  })

const notifyBoth = (deps: OrderDeps, order: Order, type: string) => [
  notifyOther(deps, order, 'buyer', type),
  notifyOther(deps, order, 'supplier', type),
]

/** An administrator confirms an overdue transfer that did arrive (the supplier's statement, a bank slip). */
export const confirmOverdueTransfer = async (deps: OrderDeps, admin: Actor, id: string, { note }: AdminOrderNoteInput) => {
  const order = await findOrderFor(deps, admin, id, 'confirm_overdue')
  const now = deps.clock.now()
  const next = advance(
    order,
    'confirm_overdue',
    now,
    { payment: { ...order.payment, method: 'bank_transfer', paidAt: now.toISOString() } },
    note,
  )
  return changeOrder(deps, order, next, {
    notifications: notifyBoth(deps, order, 'order.paid'),
    audit: adminAudit(deps, admin, order, 'order.transfer.confirm', note),
  })
}

/** An administrator cancels an order whose transfer is overdue: the stock goes back on the listing. */
export const cancelOverdueOrder = async (deps: OrderDeps, admin: Actor, id: string, { note }: AdminOrderNoteInput) => {
  const order = await findOrderFor(deps, admin, id, 'cancel_overdue')
  return cancelBy(
    deps,
    order,
    'cancel_overdue',
    { reason: 'admin_cancelled', note },
    {
      notifications: notifyBoth(deps, order, 'order.cancelled_by_admin'),
      audit: adminAudit(deps, admin, order, 'order.cancel', note),
    },
  )
}

/** An administrator has looked at the payment anomalies recorded on the order: the flag goes. */
export const acknowledgeAnomalies = async (deps: OrderDeps, admin: Actor, id: string, { note }: AdminOrderNoteInput) => {
  const order = await findOrderFor(deps, admin, id, 'acknowledge')
  const next = advance(order, 'acknowledge', deps.clock.now(), { flags: settleFlag(order, 'payment_anomaly') }, note)
  return changeOrder(deps, order, next, { audit: adminAudit(deps, admin, order, 'order.anomaly.acknowledge', note) })
}

export const openDispute = async (deps: OrderDeps, buyer: Actor, id: string, input: DisputeInput) => {
  const order = await findOrderFor(deps, buyer, id, 'dispute')
  const now = deps.clock.now()
  if (order.deliveredAt && now.getTime() - Date.parse(order.deliveredAt) > disputeWindowMs) throw new DisputeWindowClosedError()
  const next = advance(order, 'dispute', now, { dispute: { ...input, openedAt: now.toISOString() } }, input.reason)
  return changeOrder(deps, order, next, { notifications: [notifyOther(deps, order, 'supplier', 'order.disputed')] })
}

/**
 * An administrator settles a dispute: a refund goes back through Stripe when Stripe took the
 * money, and is recorded as made offline otherwise; a release lets the supplier keep it.
 */
export const resolveDispute = async (deps: OrderDeps, admin: Actor, id: string, input: ResolveDisputeInput) => {
  const order = await deps.orders.get(id)
  if (!order) throw new NotFoundError('order')
  if (order.status !== 'disputed') throw new OrderStateError(order.status, 'resolved')
  const now = deps.clock.now()
  let payment = order.payment
  if (input.outcome === 'refund') {
    if (order.payment.method === 'stripe' && order.payment.paymentIntentId) {
      if (!deps.payments) throw new StripeUnavailableError()
      const refund = await deps.payments.refund({
        paymentIntentId: order.payment.paymentIntentId,
        amountFen: order.totalFen,
        idempotencyKey: `refund-${order.id}`,
      })
      payment = {
        ...payment,
        refund: { at: now.toISOString(), amountFen: order.totalFen, via: 'stripe', stripeRefundId: refund.refundId },
      }
    } else {
      payment = { ...payment, refund: { at: now.toISOString(), amountFen: order.totalFen, via: 'offline' } }
    }
  }
  const next = advance(
    order,
    'resolve',
    now,
    {
      payment,
      dispute: {
        ...(order.dispute as NonNullable<Order['dispute']>),
        resolution: { ...input, at: now.toISOString(), adminId: admin.id },
      },
    },
    input.outcome,
  )
  return changeOrder(deps, order, next, {
    notifications: notifyBoth(deps, order, 'order.resolved'),
    audit: adminAudit(deps, admin, order, `order.dispute.${input.outcome}`, input.note),
  })
}

/**
 * Starts a Stripe Checkout for the order's total, as computed when it was placed, expiring when
 * the payment is due. One open session an order: one left open (another tab) is closed first.
 * Stripe failing changes nothing, so the order stays payable and a retry works.
 */
export const startCheckout = async (
  deps: OrderDeps,
  buyer: Actor,
  id: string,
  urls: { success: string; cancel: string },
  keyed?: KeyedWrite<{ sessionId: string; url: string }>,
) => {
  const payments = deps.payments
  if (!payments) throw new StripeUnavailableError()
  const order = await findOrderFor(deps, buyer, id, 'start_checkout')
  ensureCanTake(order, 'start_checkout')
  const now = deps.clock.now()
  if ((await closeCheckout(deps, order, now)) === 'complete') throw new PaymentInProgressError()
  const expiresAt = checkoutExpiry(order, now)
  const session = await payments.createCheckout(order, { ...urls, expiresAt })
  const next = advance(order, 'start_checkout', now, {
    payment: { ...order.payment, checkoutSessionId: session.sessionId, checkoutExpiresAt: expiresAt.toISOString() },
  })
  await changeOrder(deps, order, next, { keyAnswer: keyed?.answer(session) })
  return session
}

type EventChange = { next: StoredOrder } & Omit<ChangeExtras, 'stripeEventId'>

const anomaly = (kind: PaymentAnomaly['kind'], event: PaymentEvent, at: Date, facts: Partial<PaymentAnomaly> = {}) => ({
  kind,
  at: at.toISOString(),
  eventId: event.id,
  ...(event.amountFen !== undefined ? { amountFen: event.amountFen } : {}),
  ...(event.currency ? { currency: event.currency } : {}),
  ...(event.checkoutSessionId ? { checkoutSessionId: event.checkoutSessionId } : {}),
  ...(event.paymentIntentId ? { paymentIntentId: event.paymentIntentId } : {}),
  ...facts,
})

/** The order with anomalies on its payment record, flagged for an administrator: the event is not applied. */
const withAnomalies = (order: StoredOrder, anomalies: PaymentAnomaly[], at: Date, payment: Partial<Order['payment']> = {}) =>
  advance(
    order,
    'payment_anomaly',
    at,
    {
      payment: { ...order.payment, ...payment, anomalies: [...(order.payment.anomalies ?? []), ...anomalies] },
      flags: raiseFlag(order, 'payment_anomaly', at),
    },
    anomalies.map((entry) => entry.kind).join(', '),
  )

/**
 * A completed Checkout: applied only when it is the order's own session, for the order's total in
 * yuan. A payment the order can no longer take (cancelled meanwhile, or paid already) is refunded
 * at once (one refund per payment, whatever the retries).
 */
const completedCheckout = async (
  deps: OrderDeps & { payments: PaymentGateway },
  order: StoredOrder,
  event: PaymentEvent,
  now: Date,
): Promise<EventChange | undefined> => {
  const known = [order.payment.paymentIntentId, ...(order.payment.anomalies ?? []).map((entry) => entry.paymentIntentId)]
  if (event.paymentIntentId && known.includes(event.paymentIntentId)) return undefined // taken or refunded before
  if (canTake(order, 'stripe_paid')) {
    const mismatches = (
      [
        [event.amountFen !== order.totalFen, 'amount_mismatch'],
        [event.currency !== 'cny', 'currency_mismatch'],
        [event.checkoutSessionId !== order.payment.checkoutSessionId, 'session_mismatch'],
      ] as const
    ).flatMap(([differs, kind]) => (differs ? [anomaly(kind, event, now)] : []))
    if (mismatches.length > 0) return { next: withAnomalies(order, mismatches, now) }
    const next = advance(order, 'stripe_paid', now, {
      payment: {
        ...order.payment,
        method: 'stripe',
        paidAt: now.toISOString(),
        ...(event.paymentIntentId ? { paymentIntentId: event.paymentIntentId } : {}),
      },
    })
    return { next, notifications: notifyBoth(deps, order, 'order.paid') }
  }
  const amountFen = event.amountFen ?? order.totalFen
  const refund = event.paymentIntentId
    ? await deps.payments.refund({
        paymentIntentId: event.paymentIntentId,
        amountFen,
        idempotencyKey: `refund-${order.id}-${event.paymentIntentId}`,
      })
    : undefined
  const kind = order.status === 'cancelled' ? 'paid_after_cancel' : 'paid_twice'
  const facts = refund ? { refund: { id: refund.refundId, amountFen } } : {}
  return {
    next: withAnomalies(order, [anomaly(kind, event, now, facts)], now),
    notifications: notifyBoth(deps, order, 'order.payment_refunded'),
  }
}

/**
 * A refund made at Stripe (the dashboard, or one of ours heard back): the whole payment before the
 * goods left undoes the sale; anything else is recorded and flagged.
 */
const refundedCharge = (deps: OrderDeps, order: StoredOrder, event: PaymentEvent, now: Date): EventChange | undefined => {
  if (order.payment.method !== 'stripe' || event.paymentIntentId !== order.payment.paymentIntentId) return undefined
  const refunded = event.amountRefundedFen ?? 0
  if (refunded <= (order.payment.refund?.amountFen ?? 0)) return undefined // known already: ours, heard back
  const refund = { at: now.toISOString(), amountFen: refunded, via: 'stripe' as const }
  if (refunded >= order.totalFen && canTake(order, 'stripe_refunded')) {
    return {
      next: advance(order, 'stripe_refunded', now, {
        payment: { ...order.payment, refund },
        cancellation: { reason: 'refunded' },
      }),
      ...restoreStockOf(order),
      notifications: notifyBoth(deps, order, 'order.refunded'),
    }
  }
  const kind = refunded < order.totalFen ? 'partial_refund' : 'late_refund'
  return { next: withAnomalies(order, [anomaly(kind, event, now, { amountFen: refunded })], now, { refund }) }
}

/** What an event does to the order, if anything. */
const eventChange = async (
  deps: OrderDeps & { payments: PaymentGateway },
  order: StoredOrder,
  event: PaymentEvent,
  now: Date,
): Promise<EventChange | undefined> => {
  const note = (entry: string): EventChange => ({
    next: {
      ...order,
      version: order.version + 1,
      updatedAt: now.toISOString(),
      timeline: [...order.timeline, { at: now.toISOString(), by: 'stripe', event: entry }],
    },
  })
  const ownSession = event.checkoutSessionId === order.payment.checkoutSessionId
  switch (event.type) {
    case 'checkout.session.completed':
      return event.paid ? completedCheckout(deps, order, event, now) : undefined
    case 'checkout.session.expired':
      return ownSession && canTake(order, 'stripe_paid') ? note('checkout_expired') : undefined
    case 'payment_intent.payment_failed':
      return canTake(order, 'stripe_paid') ? note('payment_failed') : undefined
    case 'charge.refunded':
      return refundedCharge(deps, order, event, now)
    default:
      return undefined
  }
}

/**
 * A Stripe webhook, already verified. Each event is applied at most once (its id is recorded in
 * the same transaction as the change), and events that arrive late or out of order change
 * nothing they should not: a paid order is not "expired", a refund of an unknown payment waits
 * for nothing. When another change wins the race for the order, the event is weighed again
 * against the order as it is then.
 */
export const handlePaymentEvent = async (deps: OrderDeps, event: PaymentEvent): Promise<'applied' | 'ignored' | 'replayed'> => {
  const payments = deps.payments
  if (!payments) throw new StripeUnavailableError()
  const ignore = async () => ((await deps.orders.recordStripeEvent(event.id)) ? 'ignored' : 'replayed')
  for (let attempt = 1; ; attempt++) {
    const order = event.orderId
      ? await deps.orders.get(event.orderId)
      : event.paymentIntentId
        ? await deps.orders.findByPaymentIntent(event.paymentIntentId)
        : undefined
    if (!order) return ignore()
    const change = await eventChange({ ...deps, payments }, order, event, deps.clock.now())
    if (!change) return ignore()
    const { next, ...extra } = change
    try {
      await changeOrder(deps, order, next, { ...extra, stripeEventId: event.id })
      return 'applied'
    } catch (error) {
      if (error instanceof PaymentEventSeenError) return 'replayed'
      if (error instanceof OrderStateError && attempt < 3) continue
      throw error
    }
  }
}

export type JobReport = { cancelledUnpaid: number; completed: number; flaggedOverdue: number; retryLater: number }

/**
 * The scheduled job: cancels orders unpaid 24 h after they were placed (Checkout closed, stock
 * restored), flags bank transfers neither confirmed nor declined within 72 h for an administrator,
 * and completes orders 7 days after delivery. Safe to run twice at once: each change is
 * conditional on the status and version it read, so only one run applies it.
 */
export const runOrderJobs = async (deps: OrderDeps): Promise<JobReport> => {
  const now = deps.clock.now()
  const report: JobReport = { cancelledUnpaid: 0, completed: 0, flaggedOverdue: 0, retryLater: 0 }
  const attempt = async (change: () => Promise<unknown>) => {
    try {
      await change()
      return true
    } catch (error) {
      if (error instanceof OrderStateError) return false // the other run, or a party, got there first
      if (error instanceof StripeUnreachableError) {
        report.retryLater += 1 // its session could not be closed: the next run tries again
        return false
      }
      throw error
    }
  }
  for (const order of await deps.orders.listDue('payment', now, 100)) {
    const cancel = () =>
      cancelBy(deps, order, 'expire', { reason: 'payment_overdue' }, { notifications: notifyBoth(deps, order, 'order.expired') })
    if (await attempt(cancel)) report.cancelledUnpaid += 1
  }
  for (const order of await deps.orders.listDue('transfer', new Date(now.getTime() - transferConfirmationWindowMs), 100)) {
    const flag = () =>
      changeOrder(deps, order, advance(order, 'flag_overdue', now, { flags: raiseFlag(order, 'transfer_overdue', now) }), {
        notifications: notifyBoth(deps, order, 'order.transfer_overdue'),
      })
    if (await attempt(flag)) report.flaggedOverdue += 1
  }
  for (const order of await deps.orders.listDue('completion', now, 100)) {
    const complete = () =>
      changeOrder(deps, order, advance(order, 'complete', now), {
        notifications: [notifyOther(deps, order, 'supplier', 'order.completed')],
      })
    if (await attempt(complete)) report.completed += 1
  }
  return report
}

/**
 * The order an accepted bid becomes: the same order model as a listing order, at the bid's price
 * converted to the request's unit, delivered where the request said. Written by the award's
 * transaction (RFQs module) with the orders module's item shape.
 */
export const orderFromAward = (
  deps: Pick<OrderDeps, 'clock' | 'ids'>,
  award: {
    rfq: {
      id: string
      title: string
      categoryId: string
      unit: Order['lines'][number]['unit']
      deliveryPlace: string
      neededBy: string
    }
    bidId: string
    buyer: Actor
    supplier: Order['supplier']
    quantity: number
    unitPriceFen: number
    /** The bid's freight, its own line on the order. */
    freightFen: number
    invoice: OrderInvoice
    orderNumber?: string
  },
): StoredOrder => {
  const now = deps.clock.now()
  const amountFen = award.unitPriceFen * award.quantity
  return {
    id: deps.ids.next(),
    ...(award.orderNumber ? { orderNumber: award.orderNumber } : {}),
    source: 'rfq',
    rfqId: award.rfq.id,
    bidId: award.bidId,
    buyer: partyCard(award.buyer),
    supplier: award.supplier,
    lines: [
      {
        title: { zh: award.rfq.title },
        unit: award.rfq.unit,
        quantity: award.quantity,
        unitPriceFen: award.unitPriceFen,
        amountFen,
      },
    ],
    neededBy: award.rfq.neededBy,
    categoryId: award.rfq.categoryId,
    freightFen: award.freightFen,
    totalFen: amountFen + award.freightFen,
    invoice: award.invoice,
    currency: 'CNY',
    status: 'pending_payment',
    version: 1,
    delivery: {
      method: 'ship',
      address: { name: award.buyer.name, phone: award.buyer.company.phone ?? '', address: award.rfq.deliveryPlace },
    },
    payment: {},
    timeline: [{ at: now.toISOString(), by: 'buyer', event: 'awarded' }],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    paymentDueAt: new Date(now.getTime() + paymentWindowMs).toISOString(),
  }
}
