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
import { actions } from '../actions.ts'
import type { GroupDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { type AuthDeps, createAuth } from '../middleware/auth.ts'
import { idempotent, keyedWrite } from '../middleware/idempotency.ts'
import { validate } from '../middleware/validate.ts'
import { routeDocs } from '../openapi/describe.ts'

const doc = routeDocs('rfqs')

/** What each route says of itself in /api/openapi.json. */
const docs = {
  post: doc('A garment maker posts a purchase request', { 201: ['The open request', Rfq] }),
  mine: doc('The buyer’s own requests, newest first', { 200: ['A page of requests', RfqPage] }),
  feed: doc('Open requests a verified supplier may bid on, soonest deadline first (bid counts, never bids)', {
    200: ['A page of requests, each with the status of the supplier’s own bid', FeedPage],
  }),
  request: doc('A request: for its buyer, administrators, and the suppliers it is open to (with their own bid)', {
    200: ['The request', RfqView],
  }),
  cancel: doc('The buyer cancels its request, with a reason; bidders are told', { 200: ['The cancelled request', Rfq] }),
  bid: doc('A supplier bids, or revises its live bid (earlier versions are kept)', {
    201: ['A new bid', Bid],
    200: ['The revised bid', Bid],
  }),
  withdraw: doc('A supplier withdraws its bid before the deadline', { 200: ['The withdrawn bid', Bid] }),
  compare: doc('The buyer compares the bids: prices in its unit, totals, standing and a weighted score', {
    200: ['The bids (only their number, for a tender before its deadline)', BidsForBuyer],
  }),
  award: doc('Award one bid or split the quantity across up to 3; creates one order per accepted bid', {
    200: ['The awarded request and its orders', AwardResult],
  }),
  myBids: doc('The supplier’s own bids with the requests they answer', { 200: ['A page of bids', MyBidsPage] }),
}

/** Purchase requests (询价单) and sealed bids (报价). */
/** The ports this group's routes use: its Lambda builds only these. */
export type RfqsDeps = GroupDeps<keyof AuthDeps | 'rfqs' | 'categories' | 'suppliers' | 'idempotency' | 'photos'>

export const createRfqsApp = (deps: RfqsDeps) => {
  const { requireRole, requireRoleReading } = createAuth(deps)
  const buyer = requireRole('buyer')
  const supplier = requireRole('supplier')
  // A bid or its withdrawal reads its request and the supplier's bid with the session.
  const supplierOnBid = requireRoleReading((c, userId) => {
    const param = IdParam.safeParse(c.req.param())
    return param.success ? deps.rfqs.bidContext(param.data.id, userId) : undefined
  }, 'supplier')
  // A request's page reads the request and the reader's own bid on it (a supplier's) with the session.
  const reader = requireRoleReading((c, userId) => {
    const param = IdParam.safeParse(c.req.param())
    return param.success ? deps.rfqs.withOwnBid(param.data.id, userId) : undefined
  })
  const byBuyer = actions(deps, buyer)
  const bySupplier = actions(deps, supplier)
  return createGroupApp(deps)
    .post('/api/rfqs', ...byBuyer.withBody(docs.post, PostRfqInput, Rfqs.postRfq, 201))
    .get('/api/rfqs/mine', ...byBuyer.withQuery(docs.mine, PageQuery, Rfqs.listMyRfqs))
    .get('/api/rfqs/feed', ...bySupplier.withQuery(docs.feed, FeedQuery, Rfqs.supplierFeed))
    .get('/api/rfqs/:id', docs.request, reader, validate('param', IdParam), async (c) =>
      c.json(await Rfqs.getRfq(deps, c.var.actor, c.req.valid('param').id, c.var.alongside), 200),
    )
    .post(
      '/api/rfqs/:id/cancel',
      ...byBuyer.onIdWith(docs.cancel, ReasonInput, (deps, actor, id, { reason }) => Rfqs.cancelRfq(deps, actor, id, reason)),
    )
    .post('/api/rfqs/:id/bids', docs.bid, supplierOnBid, validate('param', IdParam), validate('json', BidInput), async (c) => {
      const bid = await Rfqs.placeBid(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.alongside)
      return c.json(bid, bid.history.length > 0 ? 200 : 201)
    })
    .post('/api/rfqs/:id/bids/mine/withdraw', docs.withdraw, supplierOnBid, validate('param', IdParam), async (c) =>
      c.json(await Rfqs.withdrawBid(deps, c.var.actor, c.req.valid('param').id, c.var.alongside), 200),
    )
    .get('/api/rfqs/:id/bids', docs.compare, buyer, validate('param', IdParam), validate('query', CompareQuery), async (c) =>
      c.json(await Rfqs.compareBids(deps, c.var.actor, c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .post(
      '/api/rfqs/:id/award',
      docs.award,
      buyer,
      idempotent(deps),
      validate('param', IdParam),
      validate('json', AwardInput),
      async (c) =>
        c.json(await Rfqs.awardRfq(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json'), keyedWrite(c, 200)), 200),
    )
    .get('/api/bids/mine', ...bySupplier.withQuery(docs.myBids, PageQuery, Rfqs.myBids))
}

export type RfqsApp = ReturnType<typeof createRfqsApp>
