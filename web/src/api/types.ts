import type { FeedItem, RfqView as RfqViewContract } from '@market/contracts'
import type { InferResponseType } from 'hono/client'
import type { api } from './client.ts'

/**
 * What the API answers, as the typed client infers it from the API's own apps: the web never
 * restates a response's shape or casts an answer into one.
 */
type Ok<Endpoint> = InferResponseType<Endpoint, 200>
type Item<Endpoint> = Ok<Endpoint> extends { items: (infer T)[] } ? T : never

type Api = typeof api
type Orders = Api['orders']['api']['orders']
type Rfqs = Api['rfqs']['api']['rfqs']
type Listings = Api['listings']['api']
type Admin = Api['admin']['api']['admin']

/** An order as one reader sees it: how it may be paid, and the steps that reader may take now. */
export type OrderView = Ok<Orders[':id']['$get']>
/** An order in the administrators' lists, with the steps an administrator may take on it now. */
export type AdminOrder = Item<Admin['orders']['$get']>

export type ListingDetail = Ok<Listings['listings'][':id']['$get']>
export type OwnListing = Item<Listings['suppliers']['me']['listings']['$get']>
export type ListingForReview = Item<Admin['listings']['$get']>
export type ReportedListing = Item<Admin['listings']['reported']['$get']>

/**
 * A request as its reader sees it: a supplier also sees its own bid. The handler answers either
 * the bare request or the request with `myBid`, and the inferred union keeps only the bare one;
 * so the answer is taken as the contract's type, which the inferred one must be assignable to.
 */
export type RfqView = RfqViewContract & Ok<Rfqs[':id']['$get']>
/** A request in a list; in a supplier's feed, with where its own bid stands (lost from the inferred type the same way). */
export type RfqInList = Item<Rfqs['mine']['$get']> | (FeedItem & Item<Rfqs['feed']['$get']>)
export type BidComparison = Ok<Rfqs[':id']['bids']['$get']>
export type ComparedBid = BidComparison['bids'][number]
export type MyBid = Item<Api['rfqs']['api']['bids']['mine']['$get']>

type Threads = Api['threads']['api']['threads']
/** A message thread as its reader sees it, with what that reader has not read. */
export type ThreadItem = Item<Threads['$get']>
export type ThreadMessage = Item<Threads[':id']['messages']['$get']>

export type NotificationItem = Item<Api['notifications']['api']['notifications']['$get']>

type Ratings = Api['ratings']['api']
/** A rating as its reader may see it (a hidden one's reason for its parties, reports for administrators). */
export type RatingView = Ok<Ratings['ratings'][':id']['$get']>
/** A supplier's public page: card, categories, aggregates, figures and newest reviews. */
export type SupplierPageView = Ok<Ratings['suppliers'][':id']['$get']>

/** The market's figures by period, and the public price index. */
export type MetricsReport = Ok<Api['metrics']['api']['admin']['metrics']['$get']>
export type PriceIndexAnswer = Ok<Api['metrics']['api']['market']['price-index']['$get']>
