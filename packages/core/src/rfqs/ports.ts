import type { Bid, Rfq } from '@market/contracts'
import type { OutgoingNotification } from '../notifications/notifications.ts'
import type { StoredOrder } from '../orders/ports.ts'
import type { KeyAnswer, KeyedRead } from '../ports.ts'
import type { StatsChange } from '../ratings/figures.ts'

export type StoredRfq = Rfq
export type StoredBid = Bid

export type BidWrite = {
  rfqId: string
  bid: StoredBid
  /** 'new' for a supplier's first bid on the request; else the version it revises or withdraws. */
  expected: 'new' | { version: number; statuses: Bid['status'][] }
  /** +1 when a bid becomes live, −1 when one is withdrawn. */
  liveBidsDelta: 1 | 0 | -1
  /** Set on the request's first bid only (the write keeps the first one if bids race). */
  firstBid?: { at: string; responseMinutes: number }
  /** A supplier's first bid on the request: its response time joins the supplier's figures. */
  supplierStats?: StatsChange
  /** How many response times the supplier's figures held when read: the store trims the sample once it outgrows its size. */
  responseTimesHeld?: number
  notifications: OutgoingNotification[]
}

/** A request and a user's own bid on it (a buyer or an administrator has none). */
export type RfqWithOwnBid = { rfq?: StoredRfq; bid?: StoredBid }

/** What a bid starts from: the request, the supplier's bid on it, and how many response times its figures hold. */
export type BidContext = RfqWithOwnBid & { responseTimesHeld: number }

export type RfqChange = {
  rfq: StoredRfq
  expected: { version: number; status: Rfq['status'] }
  /** Bids whose status changes with the request, each conditional on the version read. */
  bids?: { bid: StoredBid; expectedVersion: number }[]
  /** Orders created by an award, through the orders module's own item shape, each with its number's guard. */
  orders?: StoredOrder[]
  notifications?: OutgoingNotification[]
  /** Notifications written in the change's transaction when they fit in it, else right after it. */
  notificationsIfRoom?: OutgoingNotification[]
  /** The Idempotency-Key the change answers, recorded in its transaction. */
  keyAnswer?: KeyAnswer
}

export interface RfqStore {
  create(rfq: StoredRfq, notifications: OutgoingNotification[]): Promise<void>
  get(id: string): Promise<StoredRfq | undefined>
  /** Several requests in one read, in the order asked for (missing ones left out). */
  getMany(ids: string[]): Promise<StoredRfq[]>
  listByBuyer(
    buyerId: string,
    page: { cursor?: string; limit: number },
  ): Promise<{ items: StoredRfq[]; nextCursor: string | null }>
  /**
   * Requests a supplier may bid on, soonest deadline first, whose deadline is after `now`: the
   * public ones of `categories` and those it is invited to — or, given `category`, that category's
   * only (invitations included). Each with the status of the supplier's own bid, if it bid. A page
   * reads a bounded number of requests, so it may hold fewer than `limit` and still have a cursor.
   */
  feed(input: {
    supplierId: string
    categories: string[]
    category?: string
    cursor?: string
    limit: number
    now: Date
  }): Promise<{ items: { rfq: StoredRfq; myBidStatus?: StoredBid['status'] }[]; nextCursor: string | null }>
  bids(rfqId: string): Promise<StoredBid[]>
  /** The request and all its bids, in one Query of the request's partition. */
  withBids(rfqId: string): Promise<{ rfq: StoredRfq; bids: StoredBid[] } | undefined>
  bidOf(rfqId: string, supplierId: string): Promise<StoredBid | undefined>
  /** The request and the user's own bid on it in one read, consistent: what its page shows the user. */
  withOwnBid(rfqId: string, userId: string): KeyedRead<RfqWithOwnBid>
  /** The request, the supplier's bid and its figures' response sample in one read, consistent. */
  bidContext(rfqId: string, supplierId: string): KeyedRead<BidContext>
  bidsOfSupplier(
    supplierId: string,
    page: { cursor?: string; limit: number },
  ): Promise<{ items: StoredBid[]; nextCursor: string | null }>
  /** The bid and the request's counters in one transaction, on condition the request is open and before its deadline. */
  saveBid(write: BidWrite, now: Date): Promise<void>
  /** The request with its bids, orders and notifications in one transaction. */
  change(change: RfqChange): Promise<void>
  /** Requests whose bidding deadline (open) or award deadline (closed) has passed. */
  listDue(queue: 'bidding' | 'award', now: Date, limit: number): Promise<StoredRfq[]>
}
