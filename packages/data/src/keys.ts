/**
 * Key builders: the only place that knows how an item's pk / sk are spelled. Repositories use
 * these; nothing else concatenates key strings.
 */
export type ItemKey = { pk: string; sk: string }

/** A fixed item the health check reads: a real round trip that needs no data to exist. */
export const healthKey = (): ItemKey => ({ pk: 'MARKET', sk: 'HEALTH' })

/** Written once by the demo seed, so a restart can tell the demo data is already there. */
export const seedMarkerKey = (): ItemKey => ({ pk: 'MARKET', sk: 'SEED' })

/** All categories share one partition so the taxonomy is one Query. */
export const categoryKey = (categoryId: string): ItemKey => ({ pk: 'TAXONOMY', sk: `CATEGORY#${categoryId}` })
export const categoryPartition = () => 'TAXONOMY'
export const categorySortPrefix = () => 'CATEGORY#'

export const userKey = (userId: string): ItemKey => ({ pk: `USER#${userId}`, sk: 'PROFILE' })
/** One item per email: its conditional put is what makes emails unique. */
export const emailKey = (email: string): ItemKey => ({ pk: `EMAIL#${email}`, sk: 'EMAIL' })
export const sessionKey = (sessionId: string): ItemKey => ({ pk: `SESSION#${sessionId}`, sk: 'SESSION' })
export const loginFailuresKey = (email: string): ItemKey => ({ pk: `LOGIN#${email}`, sk: 'FAILURES' })
export const auditKey = (at: string, id: string): ItemKey => ({ pk: 'AUDIT', sk: `${at}#${id}` })

/** gsi1: suppliers waiting for verification, oldest first (sparse: only pending users carry it). */
export const pendingVerificationIndex = (submittedAt: string, userId: string) => ({
  gsi1pk: 'VERIFICATION#pending',
  gsi1sk: `${submittedAt}#${userId}`,
})
/** gsi2: every user, newest first, for the administrators' list. */
export const userListIndex = (createdAt: string, userId: string) => ({ gsi2pk: 'USERS', gsi2sk: `${createdAt}#${userId}` })
/** gsi1: an object's audit history. */
export const auditByTargetIndex = (targetId: string, at: string) => ({ gsi1pk: `AUDIT#${targetId}`, gsi1sk: at })

export const listingKey = (listingId: string): ItemKey => ({ pk: `LISTING#${listingId}`, sk: 'LISTING' })
/** gsi2: a supplier's own listings, newest first, every status. */
export const listingsOfSupplierIndex = (supplierId: string, createdAt: string, listingId: string) => ({
  gsi2pk: `SUPPLIER#${supplierId}#LISTINGS`,
  gsi2sk: `${createdAt}#${listingId}`,
})
/**
 * gsi3: listings by moderation status, oldest first. Active listings with edits awaiting review
 * sit in the pending_review queue, since that is where an administrator has work to do.
 */
export const listingModerationIndex = (queue: string, since: string, listingId: string) => ({
  gsi3pk: `LISTINGS#${queue}`,
  gsi3sk: `${since}#${listingId}`,
})

/**
 * The search index: one entry per term of an active listing. The table key orders a term's
 * listings newest first; gsi1 orders them by price. Prices are padded so strings sort as numbers.
 */
export const searchEntryKey = (term: string, listedAt: string, listingId: string): ItemKey => ({
  pk: `SEARCH#${term}`,
  sk: `${listedAt}#${listingId}`,
})
export const searchEntryPriceIndex = (term: string, priceFen: number, listedAt: string, listingId: string) => ({
  gsi1pk: `SEARCH#${term}`,
  gsi1sk: `${String(priceFen).padStart(10, '0')}#${listedAt}#${listingId}`,
})

export const notificationKey = (userId: string, notificationId: string): ItemKey => ({
  pk: `USER#${userId}`,
  sk: `NOTIF#${notificationId}`,
})
/** Sorts after every NOTIF#<ulid>, so a newest-first Query of the notifications returns it first. */
export const unreadCounterKey = (userId: string): ItemKey => ({ pk: `USER#${userId}`, sk: 'NOTIF~COUNT' })

export const orderKey = (orderId: string): ItemKey => ({ pk: `ORDER#${orderId}`, sk: 'ORDER' })
/** gsi1 / gsi2: a buyer's and a supplier's orders, newest first. */
export const ordersOfBuyerIndex = (buyerId: string, createdAt: string, orderId: string) => ({
  gsi1pk: `BUYER#${buyerId}#ORDERS`,
  gsi1sk: `${createdAt}#${orderId}`,
})
export const ordersOfSupplierIndex = (supplierId: string, createdAt: string, orderId: string) => ({
  gsi2pk: `SUPPLIER#${supplierId}#ORDERS`,
  gsi2sk: `${createdAt}#${orderId}`,
})
/**
 * gsi3: orders by status, ordered by their next deadline — payment due for unpaid orders,
 * automatic completion for delivered ones — so the scheduled job reads only what is due.
 * Unpaid orders whose bank transfer awaits the supplier's confirmation wait in their own queue.
 */
export const orderQueueIndex = (queue: string, dueAt: string, orderId: string) => ({
  gsi3pk: `ORDERS#${queue}`,
  gsi3sk: `${dueAt}#${orderId}`,
})
export const stripeEventKey = (eventId: string): ItemKey => ({ pk: `STRIPE_EVENT#${eventId}`, sk: 'EVENT' })
export const paymentIntentKey = (paymentIntentId: string): ItemKey => ({
  pk: `PAYMENT_INTENT#${paymentIntentId}`,
  sk: 'PAYMENT_INTENT',
})

/** An Idempotency-Key is scoped to the user who sent it (two users may pick the same key). */
export const idempotencyKey = (scope: string, key: string): ItemKey => ({ pk: `IDEMPOTENCY#${scope}#${key}`, sk: 'KEY' })

export const rfqKey = (rfqId: string): ItemKey => ({ pk: `RFQ#${rfqId}`, sk: 'RFQ' })
/** A supplier's bid sits with the request, keyed by supplier: one live bid per supplier per request. */
export const bidKey = (rfqId: string, supplierId: string): ItemKey => ({ pk: `RFQ#${rfqId}`, sk: `BID#${supplierId}` })
/** gsi1: open requests for everyone in a category, soonest deadline first (only while open and not invitation-only). */
export const rfqFeedIndex = (categoryId: string, bidDeadline: string, rfqId: string) => ({
  gsi1pk: `RFQFEED#${categoryId}`,
  gsi1sk: `${bidDeadline}#${rfqId}`,
})
/** gsi2: a buyer's requests, newest first. */
export const rfqsOfBuyerIndex = (buyerId: string, createdAt: string, rfqId: string) => ({
  gsi2pk: `BUYER#${buyerId}#RFQS`,
  gsi2sk: `${createdAt}#${rfqId}`,
})
/** gsi3: requests by status, by their next deadline (bidding for open ones, award for closed ones). */
export const rfqQueueIndex = (status: string, dueAt: string, rfqId: string) => ({
  gsi3pk: `RFQS#${status}`,
  gsi3sk: `${dueAt}#${rfqId}`,
})
/** gsi2: a supplier's bids, newest first. */
export const bidsOfSupplierIndex = (supplierId: string, createdAt: string, rfqId: string) => ({
  gsi2pk: `SUPPLIER#${supplierId}#BIDS`,
  gsi2sk: `${createdAt}#${rfqId}`,
})
/** An invitation to an invitation-only request: the invited supplier's feed reads these. */
export const invitationKey = (supplierId: string, bidDeadline: string, rfqId: string): ItemKey => ({
  pk: `INVITED#${supplierId}`,
  sk: `${bidDeadline}#${rfqId}`,
})
