import type {
  AdminOrdersQuery,
  DisputeInput,
  Order,
  OrdersQuery,
  OrderView,
  PaymentMethod,
  PlaceOrderInput,
  ResolveDisputeInput,
  ShipInput,
} from '@market/contracts'
import type { StoredUser } from '../accounts/ports.ts'
import { auditEntry } from '../audit/audit-entry.ts'
import { NotFoundError } from '../errors.ts'
import type { ListingStore } from '../listings/ports.ts'
import { isPubliclyVisible, unitPriceFor } from '../listings/rules.ts'
import { notification, type OutgoingNotification } from '../notifications/notifications.ts'
import type { Clock, IdGenerator, KeyedWrite } from '../ports.ts'
import {
  BelowMinimumError,
  DisputeWindowClosedError,
  NotPartyRoleError,
  OrderStateError,
  OwnListingError,
  PaymentEventSeenError,
  StripeUnavailableError,
} from './errors.ts'
import { advance, completionDelayMs, disputeWindowMs, nextSteps, paymentWindowMs, type Step, steps } from './lifecycle.ts'
import type { OrderChange, OrderStore, PaymentEvent, PaymentGateway, StoredOrder } from './ports.ts'

export type OrderDeps = {
  orders: OrderStore
  listings: ListingStore
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
  // Card payment is offered only where Stripe is set up, and not once a bank transfer is on its way.
  const offersCheckout = Boolean(deps.payments) && !order.payment.transfer
  const actions = role ? nextSteps(order, role).filter((step) => step !== 'start_checkout' || offersCheckout) : []
  return { ...order, paymentMethods: paymentMethods(deps), actions }
}

const notifyOther = (deps: OrderDeps, order: Order, to: 'buyer' | 'supplier', type: string): OutgoingNotification =>
  notification(deps, order[to].id, type, {
    orderId: order.id,
    title: order.lines[0]?.title.zh ?? '',
    totalFen: String(order.totalFen),
  })

/**
 * An order from a listing: the unit price is the listing's tier for the quantity, computed here
 * from the stored listing; the stock is taken in the same transaction that writes the order, on
 * condition that the listing is still active, has the stock, and has not been repriced meanwhile.
 */
export const placeOrder = async (deps: OrderDeps, buyer: Actor, input: PlaceOrderInput, keyed?: KeyedWrite<StoredOrder>) => {
  const found = await deps.listings.getWithSupplier(input.listingId)
  if (!found || !isPubliclyVisible(found) || !found.supplier) throw new NotFoundError('listing')
  const { listing, supplier } = found
  if (listing.supplierId === buyer.id) throw new OwnListingError()
  if (input.quantity < listing.moq) throw new BelowMinimumError(listing.moq)
  const unitPriceFen = unitPriceFor(listing.priceTiers, input.quantity) as number
  const now = deps.clock.now()
  const order: StoredOrder = {
    id: deps.ids.next(),
    source: 'listing',
    buyer: partyCard(buyer),
    supplier: partyCard(supplier),
    lines: [
      {
        listingId: listing.id,
        title: listing.title,
        unit: listing.unit,
        quantity: input.quantity,
        unitPriceFen,
        amountFen: unitPriceFen * input.quantity,
      },
    ],
    totalFen: unitPriceFen * input.quantity,
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
    claim: { listingId: listing.id, quantity: input.quantity, priceVersion: listing.priceVersion ?? 0 },
    notifications: [notifyOther(deps, order, 'supplier', 'order.placed')],
    keyAnswer: keyed?.(order),
  })
  return order
}

const changeOrder = async (
  deps: OrderDeps,
  previous: StoredOrder,
  next: StoredOrder,
  extra: Omit<OrderChange, 'order' | 'expected'> = {},
) => {
  await deps.orders.change({ order: next, expected: { version: previous.version, status: previous.status }, ...extra })
  return next
}

export const getOrder = async (deps: OrderDeps, actor: Actor, id: string) => findVisibleOrder(deps, actor, id)

export const listOrders = (deps: OrderDeps, actor: Actor, query: OrdersQuery) => deps.orders.listForParty(actor.id, query)

export const listOrdersByStatus = (deps: OrderDeps, query: AdminOrdersQuery) => deps.orders.listByStatus(query.status, query)

/** The buyer says the bank transfer (对公转账) was sent; the supplier confirms it arrived. */
export const recordTransfer = async (deps: OrderDeps, buyer: Actor, id: string, input: { reference: string; paidAt: string }) => {
  const order = await findOrderFor(deps, buyer, id, 'record_transfer')
  const now = deps.clock.now()
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
  return order.source === 'listing' && line?.listingId
    ? { restoreStock: { listingId: line.listingId, quantity: line.quantity } }
    : {}
}

export const cancelOrder = async (deps: OrderDeps, buyer: Actor, id: string, reason?: string) => {
  const order = await findOrderFor(deps, buyer, id, 'cancel')
  const next = advance(order, 'cancel', deps.clock.now(), {}, reason)
  return changeOrder(deps, order, next, {
    ...restoreStockOf(order),
    notifications: [notifyOther(deps, order, 'supplier', 'order.cancelled')],
  })
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
    notifications: [notifyOther(deps, order, 'buyer', 'order.resolved'), notifyOther(deps, order, 'supplier', 'order.resolved')],
    audit: auditEntry({
      id: deps.ids.next(),
      at: now,
      actorId: admin.id,
      action: `order.dispute.${input.outcome}`,
      targetType: 'order',
      targetId: order.id,
      reason: input.note,
    }),
  })
}

/** Starts a Stripe Checkout for the order's total, as computed when it was placed. */
export const startCheckout = async (
  deps: OrderDeps,
  buyer: Actor,
  id: string,
  urls: { success: string; cancel: string },
  keyed?: KeyedWrite<{ sessionId: string; url: string }>,
) => {
  if (!deps.payments) throw new StripeUnavailableError()
  const order = await findOrderFor(deps, buyer, id, 'start_checkout')
  if (order.payment.transfer) throw new OrderStateError('awaiting transfer confirmation', 'paid by card')
  const session = await deps.payments.createCheckout(order, urls)
  const next = advance(order, 'start_checkout', deps.clock.now(), {
    payment: { ...order.payment, checkoutSessionId: session.sessionId },
  })
  await changeOrder(deps, order, next, { keyAnswer: keyed?.(session) })
  return session
}

/**
 * A Stripe webhook, already verified. Each event is applied at most once (its id is recorded in
 * the same transaction as the change), and events that arrive late or out of order change
 * nothing they should not: a paid order is not "expired", a refund of an unknown payment waits
 * for nothing.
 */
export const handlePaymentEvent = async (deps: OrderDeps, event: PaymentEvent): Promise<'applied' | 'ignored' | 'replayed'> => {
  const order = event.orderId
    ? await deps.orders.get(event.orderId)
    : event.paymentIntentId
      ? await deps.orders.findByPaymentIntent(event.paymentIntentId)
      : undefined
  const now = deps.clock.now()
  const ignore = async () => ((await deps.orders.recordStripeEvent(event.id)) ? 'ignored' : 'replayed')
  if (!order) return ignore()
  const note = (entry: string): StoredOrder => ({
    ...order,
    version: order.version + 1,
    updatedAt: now.toISOString(),
    timeline: [...order.timeline, { at: now.toISOString(), by: 'stripe', event: entry }],
  })
  let next: StoredOrder | undefined
  let notifications: OutgoingNotification[] = []
  if (event.type === 'checkout.session.completed' && event.paid && order.status === 'pending_payment') {
    next = advance(order, 'stripe_paid', now, {
      payment: {
        ...order.payment,
        method: 'stripe',
        paidAt: now.toISOString(),
        ...(event.paymentIntentId ? { paymentIntentId: event.paymentIntentId } : {}),
        ...(event.checkoutSessionId ? { checkoutSessionId: event.checkoutSessionId } : {}),
      },
    })
    notifications = [notifyOther(deps, order, 'supplier', 'order.paid'), notifyOther(deps, order, 'buyer', 'order.paid')]
  } else if (event.type === 'checkout.session.expired' && order.status === 'pending_payment') {
    next = note('checkout_expired')
  } else if (event.type === 'payment_intent.payment_failed' && order.status === 'pending_payment') {
    next = note('payment_failed')
  } else if (event.type === 'charge.refunded' && !order.payment.refund && order.payment.method === 'stripe') {
    next = {
      ...note('refunded'),
      payment: {
        ...order.payment,
        refund: { at: now.toISOString(), amountFen: event.amountRefundedFen ?? order.totalFen, via: 'stripe' },
      },
    }
  }
  if (!next) return ignore()
  try {
    await changeOrder(deps, order, next, { stripeEventId: event.id, notifications })
    return 'applied'
  } catch (error) {
    // A replay of this event, or another change won the race: either way the event is spent.
    if (error instanceof OrderStateError || error instanceof PaymentEventSeenError) return 'replayed'
    throw error
  }
}

export type JobReport = { cancelledUnpaid: number; completed: number }

/**
 * The scheduled job: cancels orders unpaid 24 h after they were placed (stock restored, in one
 * transaction) and completes orders 7 days after delivery. Safe to run twice at once: each change
 * is conditional on the status and version it read, so only one run applies it.
 */
export const runOrderJobs = async (deps: OrderDeps): Promise<JobReport> => {
  const now = deps.clock.now()
  const report: JobReport = { cancelledUnpaid: 0, completed: 0 }
  const attempt = async (order: StoredOrder, step: Step, extra: Omit<OrderChange, 'order' | 'expected'>) => {
    try {
      await changeOrder(deps, order, advance(order, step, now), extra)
      return true
    } catch (error) {
      if (error instanceof OrderStateError) return false // the other run, or the buyer, got there first
      throw error
    }
  }
  for (const order of await deps.orders.listDue('payment', now, 100)) {
    if (order.payment.transfer) continue // the buyer says it paid: the supplier must look first
    const cancelled = await attempt(order, 'expire', {
      ...restoreStockOf(order),
      notifications: [notifyOther(deps, order, 'buyer', 'order.expired'), notifyOther(deps, order, 'supplier', 'order.expired')],
    })
    if (cancelled) report.cancelledUnpaid += 1
  }
  for (const order of await deps.orders.listDue('completion', now, 100)) {
    if (await attempt(order, 'complete', { notifications: [notifyOther(deps, order, 'supplier', 'order.completed')] }))
      report.completed += 1
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
    rfq: { id: string; title: string; unit: Order['lines'][number]['unit']; deliveryPlace: string }
    bidId: string
    buyer: Actor
    supplier: Order['supplier']
    quantity: number
    unitPriceFen: number
  },
): StoredOrder => {
  const now = deps.clock.now()
  const amountFen = award.unitPriceFen * award.quantity
  return {
    id: deps.ids.next(),
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
    totalFen: amountFen,
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
