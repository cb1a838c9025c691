import {
  AwardInput,
  AwardResult,
  Bid,
  BidInput,
  BidsForBuyer,
  CompareQuery,
  FeedPage,
  FeedQuery,
  IdParam,
  MyBidsPage,
  PageQuery,
  PostRfqInput,
  ReasonInput,
  Rfq,
  RfqPage,
  RfqView,
} from '@market/contracts'
import { Rfqs } from '@market/core'
import type { ApiDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { createAuth } from '../middleware/auth.ts'
import { idempotent } from '../middleware/idempotency.ts'
import { validate } from '../middleware/validate.ts'
import { describeRoute } from '../openapi/describe.ts'

/** Purchase requests (询价单) and sealed bids (报价). */
export const createRfqsApp = (deps: ApiDeps) => {
  const { requireUser, requireRole } = createAuth(deps)
  const buyer = requireRole('buyer')
  const supplier = requireRole('supplier')
  return createGroupApp(deps)
    .post(
      '/api/rfqs',
      describeRoute({
        summary: 'A garment maker posts a purchase request',
        tags: ['rfqs'],
        responses: { 201: { description: 'The open request', schema: Rfq } },
      }),
      buyer,
      validate('json', PostRfqInput),
      async (c) => c.json(await Rfqs.postRfq(deps, c.var.actor, c.req.valid('json')), 201),
    )
    .get(
      '/api/rfqs/mine',
      describeRoute({
        summary: 'The buyer’s own requests, newest first',
        tags: ['rfqs'],
        responses: { 200: { description: 'A page of requests', schema: RfqPage } },
      }),
      buyer,
      validate('query', PageQuery),
      async (c) => c.json(await Rfqs.listMyRfqs(deps, c.var.actor, c.req.valid('query')), 200),
    )
    .get(
      '/api/rfqs/feed',
      describeRoute({
        summary: 'Open requests a verified supplier may bid on, soonest deadline first (bid counts, never bids)',
        tags: ['rfqs'],
        responses: {
          200: { description: 'A page of requests, each with the status of the supplier’s own bid', schema: FeedPage },
        },
      }),
      supplier,
      validate('query', FeedQuery),
      async (c) => c.json(await Rfqs.supplierFeed(deps, c.var.actor, c.req.valid('query')), 200),
    )
    .get(
      '/api/rfqs/:id',
      describeRoute({
        summary: 'A request: for its buyer, administrators, and the suppliers it is open to (with their own bid)',
        tags: ['rfqs'],
        responses: { 200: { description: 'The request', schema: RfqView } },
      }),
      requireUser,
      validate('param', IdParam),
      async (c) => c.json(await Rfqs.getRfq(deps, c.var.actor, c.req.valid('param').id), 200),
    )
    .post(
      '/api/rfqs/:id/cancel',
      describeRoute({
        summary: 'The buyer cancels its request, with a reason; bidders are told',
        tags: ['rfqs'],
        responses: { 200: { description: 'The cancelled request', schema: Rfq } },
      }),
      buyer,
      validate('param', IdParam),
      validate('json', ReasonInput),
      async (c) => c.json(await Rfqs.cancelRfq(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json').reason), 200),
    )
    .post(
      '/api/rfqs/:id/bids',
      describeRoute({
        summary: 'A supplier bids, or revises its live bid (earlier versions are kept)',
        tags: ['rfqs'],
        responses: {
          201: { description: 'A new bid', schema: Bid },
          200: { description: 'The revised bid', schema: Bid },
        },
      }),
      supplier,
      validate('param', IdParam),
      validate('json', BidInput),
      async (c) => {
        const bid = await Rfqs.placeBid(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json'))
        return c.json(bid, bid.history.length > 0 ? 200 : 201)
      },
    )
    .post(
      '/api/rfqs/:id/bids/mine/withdraw',
      describeRoute({
        summary: 'A supplier withdraws its bid before the deadline',
        tags: ['rfqs'],
        responses: { 200: { description: 'The withdrawn bid', schema: Bid } },
      }),
      supplier,
      validate('param', IdParam),
      async (c) => c.json(await Rfqs.withdrawBid(deps, c.var.actor, c.req.valid('param').id), 200),
    )
    .get(
      '/api/rfqs/:id/bids',
      describeRoute({
        summary: 'The buyer compares the bids: prices in its unit, totals, standing and a weighted score',
        tags: ['rfqs'],
        responses: {
          200: { description: 'The bids (only their number, for a tender before its deadline)', schema: BidsForBuyer },
        },
      }),
      buyer,
      validate('param', IdParam),
      validate('query', CompareQuery),
      async (c) => c.json(await Rfqs.compareBids(deps, c.var.actor, c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .post(
      '/api/rfqs/:id/award',
      describeRoute({
        summary: 'Award one bid or split the quantity across up to 3; creates one order per accepted bid',
        tags: ['rfqs'],
        responses: { 200: { description: 'The awarded request and its orders', schema: AwardResult } },
      }),
      buyer,
      idempotent(deps),
      validate('param', IdParam),
      validate('json', AwardInput),
      async (c) => c.json(await Rfqs.awardRfq(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .get(
      '/api/bids/mine',
      describeRoute({
        summary: 'The supplier’s own bids with the requests they answer',
        tags: ['rfqs'],
        responses: { 200: { description: 'A page of bids', schema: MyBidsPage } },
      }),
      supplier,
      validate('query', PageQuery),
      async (c) => c.json(await Rfqs.myBids(deps, c.var.actor, c.req.valid('query')), 200),
    )
}

export type RfqsApp = ReturnType<typeof createRfqsApp>
