import { tableDefinition } from './table-definition.ts'

/**
 * Key builders: the only place that knows how keys are spelled. Each access pattern is named here
 * once, as a `Partition`: the table or index it reads, its partition key, and `entry(…)`, the key
 * attributes that put an item where that pattern finds it. A repository writes `entry(…)` into
 * the item and hands the same partition to `queryItems` / `queryPage` to read it back.
 */

/** The key attributes of the table, or of one of its indexes. */
export type KeyNames = { readonly partitionKey: string; readonly sortKey: string; readonly indexName?: string }

/** A condition on the sort key of a Query. */
export type SortKeyCondition =
  | { beginsWith: string }
  | { below: string }
  | { after: string }
  | { between: readonly [string, string] }

/** The items of one partition of the table or of an index, in sort-key order. */
export type Partition = {
  keys: KeyNames
  pk: string
  /** Where other kinds of item share the partition: the sort keys of this pattern's items. */
  within?: SortKeyCondition
}

export type Pattern<Parts extends unknown[]> = Partition & {
  /** The key attributes that place an item in this partition. */
  entry: (...parts: Parts) => Record<string, string>
}

const table = { partitionKey: tableDefinition.partitionKey, sortKey: tableDefinition.sortKey } as const
export type ItemKey = Record<(typeof table)[keyof typeof table], string>
const [gsi1, gsi2, gsi3] = tableDefinition.globalSecondaryIndexes

const pattern = <Parts extends unknown[]>(
  keys: KeyNames,
  pk: string,
  sortKey: (...parts: Parts) => string,
  within?: SortKeyCondition,
): Pattern<Parts> => ({
  keys,
  pk,
  ...(within ? { within } : {}),
  entry: (...parts) => ({ [keys.partitionKey]: pk, [keys.sortKey]: sortKey(...parts) }),
})

const itemKey = (pk: string, sk: string): ItemKey => ({ [table.partitionKey]: pk, [table.sortKey]: sk })

/** Sort keys that order by time, ties broken by id. */
const byTime = (at: string, id: string) => `${at}#${id}`
/** Prices are padded so that the strings sort as the numbers do. */
const pricePart = (priceFen: number) => String(priceFen).padStart(10, '0')
/** Sorts after every `<at>#<id>` (ids never hold `~`): the upper bound of "up to `at`". */
const upTo = (at: string) => `${at}#~`

/** The sort keys of items due by `now` (`<due time>#<id>`, oldest first). */
export const dueBy = (now: Date): SortKeyCondition => ({ below: upTo(now.toISOString()) })
/** The sort keys of items due after `now` (`<due time>#<id>`), and after `position` (where a page ended) if later. */
export const dueAfter = (now: Date, position?: string): SortKeyCondition => {
  const bound = upTo(now.toISOString())
  return { after: position && position > bound ? position : bound }
}

// The market ---------------------------------------------------------------------------------

/** A fixed item the health check reads: a real round trip that needs no data to exist. */
export const healthKey = () => itemKey('MARKET', 'HEALTH')
/** Written once by the demo seed, so a restart can tell the demo data is already there. */
export const seedMarkerKey = () => itemKey('MARKET', 'SEED')

/** All categories share one partition so the taxonomy is one Query. */
export const allCategories = () =>
  pattern(table, 'TAXONOMY', (categoryId: string) => `CATEGORY#${categoryId}`, { beginsWith: 'CATEGORY#' })
export const categoryKey = (categoryId: string) => allCategories().entry(categoryId)
/** A rename's re-index job, one per category (a later rename replaces it), beside the taxonomy. */
export const reindexJobs = () =>
  pattern(table, 'TAXONOMY', (categoryId: string) => `REINDEX#${categoryId}`, { beginsWith: 'REINDEX#' })
export const reindexJobKey = (categoryId: string) => reindexJobs().entry(categoryId)

// Accounts -----------------------------------------------------------------------------------

const userPartition = (userId: string) => `USER#${userId}`
export const userKey = (userId: string) => itemKey(userPartition(userId), 'PROFILE')
/** One item per email: its conditional put is what makes emails unique. */
export const emailKey = (email: string) => itemKey(`EMAIL#${email}`, 'EMAIL')
export const sessionKey = (sessionId: string) => itemKey(`SESSION#${sessionId}`, 'SESSION')
/** Sign-in attempts of one email in the current window (see the accounts repository). */
export const loginAttemptsKey = (email: string) => itemKey(`LOGIN#${email}`, 'ATTEMPTS')

/** A password reset, by the hash of its token (TTL: it ends with its 30 minutes). */
export const passwordResetKey = (tokenHash: string) => itemKey(`RESET#${tokenHash}`, 'RESET')

/** gsi1: suppliers waiting for verification, oldest first (sparse: only pending users carry it). */
export const pendingVerifications = () => pattern(gsi1, 'VERIFICATION#pending', byTime)
/** gsi2: every user, newest first, for the administrators' list. */
export const allUsers = () => pattern(gsi2, 'USERS', byTime)
/** Verified suppliers (sparse: a decision other than approval takes a supplier out), oldest account first. */
export const verifiedSuppliers = () => pattern(gsi3, 'SUPPLIERS#verified', (userId: string) => userId)

/**
 * The administrators' user search: one item per search term of an account (see
 * Accounts.userSearchTerms), written with the account; a search is a begins_with Query here.
 */
export const userSearchEntries = () => pattern(table, 'USER_SEARCH', (term: string, userId: string) => `${term}#${userId}`)

/** The audit log, newest first when read backwards. */
export const auditLog = () => pattern(table, 'AUDIT', byTime)
export const auditKey = (at: string, id: string) => auditLog().entry(at, id)
/** gsi1: an object's audit history. */
export const auditOf = (targetId: string) => pattern(gsi1, `AUDIT#${targetId}`, (at: string) => at)
/** gsi2: what one person did, for the log's `actor` filter. */
export const auditBy = (actorId: string) => pattern(gsi2, `AUDIT#BY#${actorId}`, byTime)
/** gsi3: every action of one kind, for the log's `action` filter. */
export const auditOfAction = (action: string) => pattern(gsi3, `AUDIT#ACTION#${action}`, byTime)
/**
 * The audit entries between two instants, both inclusive, on any of the log's orders (their sort
 * keys start with the entry's time: `<at>` or `<at>#<id>`); undefined when the span is open.
 */
export const auditWithin = (span: { from?: string | undefined; to?: string | undefined }): SortKeyCondition | undefined =>
  span.from || span.to ? { between: [span.from ?? '0', upTo(span.to ?? '9')] } : undefined

// Listings and search ------------------------------------------------------------------------

export const listingKey = (listingId: string) => itemKey(`LISTING#${listingId}`, 'LISTING')
/** gsi2: a supplier's own listings, newest first, every status. */
/** A supplier's claim on one of its item numbers (货号): which listing holds it. */
export const itemNumberKey = (supplierId: string, itemNumber: string) =>
  itemKey(`ITEM_NUMBER#${supplierId}#${itemNumber}`, 'ITEM_NUMBER')
export const listingImportKey = (importId: string) => itemKey(`LISTING_IMPORT#${importId}`, 'IMPORT')
/** Which import read a supplier's file, by the file's content hash. */
export const listingFileKey = (supplierId: string, fileHash: string) => itemKey(`LISTING_FILE#${supplierId}#${fileHash}`, 'FILE')
export const listingsOfSupplier = (supplierId: string) => pattern(gsi2, `SUPPLIER#${supplierId}#LISTINGS`, byTime)
/**
 * gsi3: listings by moderation status, oldest first. Active listings with edits awaiting review
 * sit in the pending_review queue, since that is where an administrator has work to do.
 */
export const listingsInModeration = (queue: string) => pattern(gsi3, `LISTINGS#${queue}`, byTime)

/** One per user and listing: the user's report in the listing's current round of open reports. */
export const listingReportKey = (listingId: string, userId: string) => itemKey(`LISTING#${listingId}`, `REPORT#${userId}`)
/** A listing's open reports, while it has any: settling them deletes it. */
export const listingReportsKey = (listingId: string) => itemKey(`LISTING#${listingId}`, 'REPORTS')
/** gsi3: listings with open reports, by their first open report (sparse: only open-report items carry it). */
export const reportedListings = () => pattern(gsi3, 'LISTINGS_REPORTED', byTime)

/**
 * The search index: one entry per term of an active listing. The table orders a term's entries
 * by listing time (newest first when read backwards); gsi1 orders them by price.
 */
export const searchEntries = (term: string) => pattern(table, `SEARCH#${term}`, byTime)
export const searchEntriesByPrice = (term: string) =>
  pattern(
    gsi1,
    `SEARCH#${term}`,
    (priceFen: number, listedAt: string, listingId: string) => `${pricePart(priceFen)}#${listedAt}#${listingId}`,
  )
/** Search entries priced from `min` to `max` fen, both included (read through `searchEntriesByPrice`). */
export const pricedBetween = (min = 0, max = 9_999_999_999): SortKeyCondition => ({
  between: [pricePart(min), upTo(pricePart(max))],
})

// Notifications ------------------------------------------------------------------------------

/**
 * gsi3: e-mail waiting to be sent, by when it is next due (sparse: an item leaves once sent or
 * given up on). A notification item is its own entry; a reset e-mail has an item of its own.
 */
export const mailQueue = () => pattern(gsi3, 'MAIL#due', byTime)
/** A queued e-mail that is not a notification (the password reset's, carrying its token). */
export const mailKey = (mailId: string) => itemKey(`MAIL#${mailId}`, 'MAIL')

/** A user's notifications sit in the user's partition. */
export const notificationsOf = (userId: string) =>
  pattern(table, userPartition(userId), (notificationId: string) => `NOTIF#${notificationId}`, { beginsWith: 'NOTIF#' })
export const notificationKey = (userId: string, notificationId: string) => notificationsOf(userId).entry(notificationId)
/** Sorts after every NOTIF#<ulid>, so a newest-first Query of the inbox returns it first. */
export const unreadCounterKey = (userId: string) => itemKey(userPartition(userId), 'NOTIF~COUNT')
/** The notifications and the unread counter, in one Query. */
export const inboxOf = (userId: string): Partition => ({
  keys: table,
  pk: userPartition(userId),
  within: { beginsWith: 'NOTIF' },
})

// Orders and payments ------------------------------------------------------------------------

export const orderKey = (orderId: string) => itemKey(`ORDER#${orderId}`, 'ORDER')
/** An order number's guard: the number is taken (numbers are drawn at random, so they may clash). */
export const orderNumberKey = (orderNumber: string) => itemKey(`ORDER_NUMBER#${orderNumber}`, 'ORDER_NUMBER')
/** A buyer's open sample order of a listing (one at a time) and the credit of a paid one. */
export const sampleHoldKey = (buyerId: string, listingId: string) => itemKey(`SAMPLES#${buyerId}`, `HOLD#${listingId}`)
export const sampleCreditKey = (buyerId: string, listingId: string) => itemKey(`SAMPLES#${buyerId}`, `CREDIT#${listingId}`)
/** gsi1 / gsi2: a buyer's and a supplier's orders, newest first. */
export const ordersOfBuyer = (buyerId: string) => pattern(gsi1, `BUYER#${buyerId}#ORDERS`, byTime)
export const ordersOfSupplier = (supplierId: string) => pattern(gsi2, `SUPPLIER#${supplierId}#ORDERS`, byTime)
/**
 * gsi3: orders by status, ordered by their next deadline — payment due for unpaid orders,
 * automatic completion for delivered ones — so the scheduled job reads only what is due.
 * Unpaid orders whose bank transfer awaits the supplier's confirmation wait in their own queue.
 */
export const ordersInQueue = (queue: string) => pattern(gsi3, `ORDERS#${queue}`, byTime)
/**
 * Orders an administrator must look at: one item per open flag, in one partition (flags are
 * exceptions, far below a partition's write limit), oldest first within each kind. The items are
 * written and deleted in the transactions that raise and settle the flags on the order.
 */
export const flaggedOrders = (kind: string) =>
  pattern(table, 'FLAGGED_ORDERS', (at: string, orderId: string) => `${kind}#${byTime(at, orderId)}`, {
    beginsWith: `${kind}#`,
  })
/**
 * The orders waiting for one party's next step (see `Orders.attentionOf`), newest first: a copy of
 * the order per party whose turn it is, put or deleted in every transaction that writes the order,
 * so the "needs your action" list and its count are one Query of this partition.
 */
export const ordersAwaitingParty = (party: string, userId: string) => pattern(table, `TODO#${party}#${userId}`, byTime)
export const stripeEventKey = (eventId: string) => itemKey(`STRIPE_EVENT#${eventId}`, 'EVENT')
export const paymentIntentKey = (paymentIntentId: string) => itemKey(`PAYMENT_INTENT#${paymentIntentId}`, 'PAYMENT_INTENT')

/** An Idempotency-Key is scoped to the user who sent it (two users may pick the same key). */
export const idempotencyKey = (scope: string, key: string) => itemKey(`IDEMPOTENCY#${scope}#${key}`, 'KEY')

// Purchase requests and bids -----------------------------------------------------------------

const rfqPartition = (rfqId: string) => `RFQ#${rfqId}`
export const rfqKey = (rfqId: string) => itemKey(rfqPartition(rfqId), 'RFQ')
/** A supplier's bid sits with the request, keyed by supplier: one live bid per supplier per request. */
export const bidsOfRfq = (rfqId: string) =>
  pattern(table, rfqPartition(rfqId), (supplierId: string) => `BID#${supplierId}`, { beginsWith: 'BID#' })
export const bidKey = (rfqId: string, supplierId: string) => bidsOfRfq(rfqId).entry(supplierId)
/** The request and its bids: its whole partition. */
export const rfqWithBids = (rfqId: string): Partition => ({ keys: table, pk: rfqPartition(rfqId) })
/** gsi1: a category's open requests (for everyone or by invitation), soonest deadline first: the feed of one category. */
export const rfqFeed = (categoryId: string) => pattern(gsi1, `RFQFEED#${categoryId}`, byTime)
/** gsi2: a buyer's requests, newest first. */
export const rfqsOfBuyer = (buyerId: string) => pattern(gsi2, `BUYER#${buyerId}#RFQS`, byTime)
/** gsi3: requests by status, by their next deadline (bidding for open ones, award for closed ones); open ones are also the feed of every category. */
export const rfqsInQueue = (status: string) => pattern(gsi3, `RFQS#${status}`, byTime)
/** gsi2: a supplier's bids, newest first. */
export const bidsOfSupplier = (supplierId: string) => pattern(gsi2, `SUPPLIER#${supplierId}#BIDS`, byTime)

// Ratings and supplier figures ---------------------------------------------------------------

/** A supplier's objective figures sit beside its profile, so its card (read by every browse page) stays small. */
export const supplierStatsKey = (supplierId: string) => itemKey(userPartition(supplierId), 'STATS')
const ratingPartition = (ratingId: string) => `RATING#${ratingId}`
export const ratingKey = (ratingId: string) => itemKey(ratingPartition(ratingId), 'RATING')
/** One per user and rating: its conditional put is what lets a user report a rating once. */
export const ratingReportKey = (ratingId: string, userId: string) => itemKey(ratingPartition(ratingId), `REPORT#${userId}`)
/** gsi2: a supplier's visible ratings, newest first (sparse: a hidden rating leaves it). */
export const visibleRatingsOf = (supplierId: string) => pattern(gsi2, `SUPPLIER#${supplierId}#RATINGS`, byTime)
/** gsi3: the administrators' queues: visible ratings with open reports (by the first), hidden ones (by when). */
export const ratingsInQueue = (queue: string) => pattern(gsi3, `RATINGS#${queue}`, byTime)

// Market figures and the price index --------------------------------------------------------

/**
 * The market's counters of a day sit in one of a few shards, picked at random per write, so that
 * orders paid at once do not all update one item; a report reads each shard's days with one Query.
 */
export const marketShards = 4
export const marketDays = (shard: number) => pattern(table, `MARKET_DAYS#${shard}`, (day: string) => day)
/** Sort keys of the days from `from` to `to`, both included. */
export const daysBetween = (from: string, to: string): SortKeyCondition => ({ between: [from, to] })
/**
 * A material's traded prices: one item per week, unit and price, counting the paid orders at that
 * price, so a week of a material is as many items as it had distinct prices.
 */
export const pricesOf = (categoryId: string) =>
  pattern(
    table,
    `PRICES#${categoryId}`,
    (week: string, unit: string, priceFen: number) => `${week}#${unit}#${pricePart(priceFen)}`,
  )
export const weeksBetween = (fromWeek: string, toWeek: string): SortKeyCondition => ({ between: [fromWeek, `${toWeek}#~`] })
export const growthTargetsKey = () => itemKey('MARKET', 'GROWTH_TARGETS')
export const indexMaterialsKey = () => itemKey('MARKET', 'PRICE_INDEX_MATERIALS')

// Supplier certifications -------------------------------------------------------------------

export const certificationKey = (certificationId: string) => itemKey(`CERT#${certificationId}`, 'CERT')
/** gsi2: a supplier's certifications, newest request first. */
export const certificationsOfSupplier = (supplierId: string) => pattern(gsi2, `SUPPLIER#${supplierId}#CERTS`, byTime)
/** gsi3: certifications by status, by request time: the administrators' queue. */
export const certificationsInStatus = (status: string) => pattern(gsi3, `CERTS#${status}`, byTime)
/**
 * The market's certified suppliers and their badges, one attribute per supplier: the "certified
 * green" filter, the count of certified suppliers and the daily expiry job each read it with one
 * Get. Written only by certification decisions (an administrator's pace), so one item holds.
 */
export const certifiedSuppliersKey = () => itemKey('MARKET', 'CERTIFIED_SUPPLIERS')

// Message threads ----------------------------------------------------------------------------

const threadPartition = (threadId: string) => `THREAD#${threadId}`
export const threadKey = (threadId: string) => itemKey(threadPartition(threadId), 'THREAD')
/** A thread's messages sit with it, in the order they were sent (ids are ULIDs). */
export const messagesOf = (threadId: string) =>
  pattern(table, threadPartition(threadId), (messageId: string) => `MSG#${messageId}`, { beginsWith: 'MSG#' })
export const messageKey = (threadId: string, messageId: string) => messagesOf(threadId).entry(messageId)
/** One inbox entry per party of a thread, beside it: what that party has not read. */
export const threadEntryKey = (threadId: string, userId: string) => itemKey(threadPartition(threadId), `MEMBER#${userId}`)
/** gsi1: a user's threads, latest message first when read backwards. */
export const threadsOfUser = (userId: string) => pattern(gsi1, `USER#${userId}#THREADS`, byTime)
/** gsi2: a user's threads on one request, listing or order. */
export const threadsOfUserOn = (userId: string, kind: string, subjectId: string) =>
  pattern(gsi2, `USER#${userId}#THREADS#${kind}#${subjectId}`, (threadId: string) => threadId)
/** A user's unread messages in all its threads. */
export const unreadMessagesKey = (userId: string) => itemKey(userPartition(userId), 'THREADS~UNREAD')
