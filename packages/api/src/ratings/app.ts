import {
  AdminCertificationInput,
  Certification,
  CertificationDecisionInput,
  CertificationInput,
  CertificationPage,
  CertificationQueueQuery,
  EditRatingInput,
  IdParam,
  PageQuery,
  RateInput,
  Rating,
  RatingPage,
  RatingQueueQuery,
  RatingReasonInput,
  ReasonInput,
  ReplyInput,
  SupplierProfile,
  SupplierSearchQuery,
  SupplierSearchResult,
} from '@market/contracts'
import { Certifications, Ratings } from '@market/core'
import { actions } from '../actions.ts'
import type { GroupDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { type AuthDeps, createAuth, loadActor } from '../middleware/auth.ts'
import { pagesOn } from '../middleware/paging-scope.ts'
import { validate } from '../middleware/validate.ts'
import { routeDocs } from '../openapi/describe.ts'

const doc = routeDocs('ratings')

/** What each route says of itself in /api/openapi.json. */
const docs = {
  rate: doc('The buyer rates the supplier of a delivered or completed order, once (409 for a second)', {
    201: ['The rating', Rating],
  }),
  rating: doc('A rating; a hidden one only for its buyer, its supplier and administrators', { 200: ['The rating', Rating] }),
  edit: doc('The buyer edits its rating within 30 days (send the version you last saw; 412 when stale)', {
    200: ['The rating after the edit', Rating],
  }),
  reply: doc('The supplier replies to a rating, once', { 200: ['The rating with the reply', Rating] }),
  report: doc('Report a rating to the administrators (once per user)', { 200: ['The rating reported', Rating] }),
  supplier: doc(
    'A supplier’s public page: card, categories, rating aggregates, figures from its orders and requests, newest reviews',
    { 200: ['The supplier', SupplierProfile] },
  ),
  searchSuppliers: doc(
    'Verified suppliers to invite to a request, by company, stall or name (q) and category: one bounded Query, signed-in users only',
    { 200: ['Up to `limit` suppliers', SupplierSearchResult] },
  ),
  supplierRatings: doc('A supplier’s visible reviews with replies, newest first', { 200: ['A page of ratings', RatingPage] }),
  myRatings: doc('The signed-in supplier’s own reviews, newest first, to reply to', { 200: ['A page of ratings', RatingPage] }),
  queue: doc('Ratings reported and still visible (oldest report first), or hidden ones (latest first)', {
    200: ['A page of ratings with their reports', RatingPage],
  }),
  hide: doc('Hide a rating, with a reason: it leaves the supplier’s aggregates and pages at once', {
    200: ['The hidden rating', Rating],
  }),
  restore: doc('Restore a hidden rating, or keep a reported one as it is, with a reason; its reports are settled', {
    200: ['The visible rating', Rating],
  }),
  requestCertification: doc(
    'The supplier asks for a certification (绿色工厂, 绿色供应链, 绿色设计产品, 专精特新) with a photo of its certificate: no badge until an administrator approves it',
    { 201: ['The pending request', Certification] },
  ),
  myCertifications: doc('The signed-in supplier’s certification requests and their status, newest first', {
    200: ['A page of certifications', CertificationPage],
  }),
  certificationQueue: doc('Certifications by status (pending ones, the queue to decide, by default), oldest first', {
    200: ['A page of certifications with their suppliers', CertificationPage],
  }),
  decideCertification: doc('Approve a certification request (its badge shows at once) or reject it with a reason', {
    200: ['The certification after the decision', Certification],
  }),
  revokeCertification: doc('Revoke an approved certification, with a reason: its badge goes at once', {
    200: ['The revoked certification', Certification],
  }),
  addCertification: doc('Add an approved certification for a supplier directly, with the certificate’s photo', {
    201: ['The certification', Certification],
  }),
}

/** Ratings, reviews, certifications and the public supplier pages they feed (reputation, in one group). */
/** The ports this group's routes use: its Lambda builds only these. */
export type RatingsDeps = GroupDeps<
  keyof AuthDeps | 'ratings' | 'orders' | 'suppliers' | 'certifications' | 'registry' | 'photos'
>

export const createRatingsApp = (deps: RatingsDeps) => {
  const { requireUser, requireRole } = createAuth(deps)
  // Who may do what to a rating is the domain's to say: its buyer edits, its supplier replies.
  const signedIn = actions(deps, requireUser)
  const admin = actions(deps, requireRole('admin'))
  const supplier = actions(deps, requireRole('supplier'))
  return createGroupApp(deps)
    .post('/api/orders/:id/rating', docs.rate, requireUser, validate('param', IdParam), validate('json', RateInput), async (c) =>
      c.json(await Ratings.rateOrder(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .get('/api/ratings/:id', docs.rating, validate('param', IdParam), async (c) =>
      c.json(await Ratings.getRating(deps, await loadActor(c, deps), c.req.valid('param').id), 200),
    )
    .patch('/api/ratings/:id', ...signedIn.onIdWith(docs.edit, EditRatingInput, Ratings.editRating))
    .post('/api/ratings/:id/reply', ...signedIn.onIdWith(docs.reply, ReplyInput, Ratings.replyToRating))
    .post('/api/ratings/:id/report', ...signedIn.onIdWith(docs.report, RatingReasonInput, Ratings.reportRating))
    .get('/api/suppliers/me/ratings', ...supplier.withQuery(docs.myRatings, PageQuery, Ratings.myRatings))
    .get(
      '/api/suppliers',
      ...signedIn.withQuery(docs.searchSuppliers, SupplierSearchQuery, (_deps, _actor, query) =>
        Ratings.searchSuppliers(deps, query),
      ),
    )
    .get('/api/suppliers/:id', docs.supplier, pagesOn('/api/suppliers/:id/ratings'), validate('param', IdParam), async (c) =>
      c.json(await Ratings.supplierProfile(deps, c.req.valid('param').id), 200),
    )
    .get(
      '/api/suppliers/:id/ratings',
      docs.supplierRatings,
      validate('param', IdParam),
      validate('query', PageQuery),
      async (c) => c.json(await Ratings.supplierRatings(deps, c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .get('/api/admin/ratings', ...admin.withQuery(docs.queue, RatingQueueQuery, Ratings.ratingQueue))
    .post('/api/admin/ratings/:id/hide', ...admin.onIdWith(docs.hide, RatingReasonInput, Ratings.hideRating))
    .post('/api/admin/ratings/:id/restore', ...admin.onIdWith(docs.restore, RatingReasonInput, Ratings.restoreRating))
    .post(
      '/api/suppliers/me/certifications',
      ...supplier.withBody(docs.requestCertification, CertificationInput, Certifications.requestCertification, 201),
    )
    .get(
      '/api/suppliers/me/certifications',
      ...supplier.withQuery(docs.myCertifications, PageQuery, Certifications.myCertifications),
    )
    .get(
      '/api/admin/certifications',
      ...admin.withQuery(docs.certificationQueue, CertificationQueueQuery, Certifications.certificationQueue),
    )
    .post(
      '/api/admin/certifications/:id/decision',
      ...admin.onIdWith(docs.decideCertification, CertificationDecisionInput, Certifications.decideCertification),
    )
    .post(
      '/api/admin/certifications/:id/revoke',
      ...admin.onIdWith(docs.revokeCertification, ReasonInput, Certifications.revokeCertification),
    )
    .post(
      '/api/admin/suppliers/:id/certifications',
      docs.addCertification,
      requireRole('admin'),
      validate('param', IdParam),
      validate('json', AdminCertificationInput),
      async (c) =>
        c.json(await Certifications.addCertification(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
    )
}

export type RatingsApp = ReturnType<typeof createRatingsApp>
