import {
  AdminCategoriesResponse,
  AdminOrderNoteInput,
  AdminOrdersPage,
  AdminOrdersQuery,
  AdminQueueCounts,
  AuditPage,
  AuditQuery,
  Category,
  CategoryId,
  CategoryInput,
  CategoryPatch,
  Listing,
  ListingReportInput,
  ListingReportsDismissed,
  ModerationPage,
  ModerationQuery,
  OrderView,
  PageQuery,
  PendingVerificationsResponse,
  ReasonInput,
  ReportedListingsPage,
  ResolveDisputeInput,
  User,
  UsersPage,
  UsersQuery,
  VerificationDecisionInput,
} from '@market/contracts'
import { Accounts, Catalog, Listings, Orders } from '@market/core'
import { actions } from '../actions.ts'
import type { GroupDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { type AuthDeps, createAuth } from '../middleware/auth.ts'
import { validate } from '../middleware/validate.ts'
import { routeDocs } from '../openapi/describe.ts'
import { asOrderView, orderDeps } from '../orders/order-deps.ts'

const doc = routeDocs('admin')

const OptionalReasonInput = ReasonInput.partial()

/** A moderation decision answers with the listing after it. */
const decided = (summary: string, description = 'The listing after the decision') => doc(summary, { 200: [description, Listing] })
/** A decision on an order answers with the order after it, as administrators see it. */
const settled = (summary: string, description: string) => doc(summary, { 200: [description, OrderView] })

/** What each route says of itself in /api/openapi.json. */
const docs = {
  verifications: doc('Suppliers waiting for verification, oldest first', {
    200: ['Pending requests', PendingVerificationsResponse],
  }),
  decideVerification: doc('Approve or reject a supplier’s verification (a rejection needs a reason)', {
    200: ['The supplier after the decision', User],
  }),
  decideBankAccount: doc('Approve or reject a verified supplier’s bank-account change (a rejection needs a reason)', {
    200: ['The supplier after the decision', User],
  }),
  queues: doc('The console’s queues: how much waits in each (each count stops at 1000)', {
    200: ['The count of each queue', AdminQueueCounts],
  }),
  users: doc(
    'Users, newest first, by role and status; with `q`, the accounts whose email, company name or phone starts with it, or whose phone ends with its digits (best matches, one page)',
    { 200: ['A page of users', UsersPage] },
  ),
  suspendUser: doc('Suspend an account: it can still read, but changes nothing until reinstated', {
    200: ['The suspended user', User],
  }),
  reinstateUser: doc('Reinstate a suspended account', { 200: ['The reinstated user', User] }),
  audit: doc(
    'The audit log, newest first, with the names of who acted and on what: filtered by actor (a user id), action (its code), target (an object id) and from/to (days in China Standard Time, or instants, inclusive), each through an index',
    { 200: ['A page of audit entries', AuditPage] },
  ),
  addCategory: doc('Add a material category', { 201: ['The new category', Category] }),
  categories: doc('Every category, retired ones too, with its listing count, and the re-indexing under way after renames', {
    200: ['The taxonomy as administrators manage it', AdminCategoriesResponse],
  }),
  updateCategory: doc(
    'Rename (in any of the three languages) or move a category (its group and sort order); a rename re-indexes its listings in the background',
    { 200: ['The category after the change', Category] },
  ),
  retireCategory: doc(
    'Retire a category, with a reason: it takes no new listings or purchase requests and leaves the market’s tiles and pickers; its listings stay on the market',
    { 200: ['The retired category', Category] },
  ),
  restoreCategory: doc('Restore a retired category', { 200: ['The category, open again', Category] }),
  listings: doc(
    'Listings by moderation status: pending_review (new listings and edits to review) oldest first, the others latest first',
    { 200: ['A page of listings with their suppliers', ModerationPage] },
  ),
  reportedListings: doc('Listings with open reports, the longest-waiting first, each with its reports and reporters', {
    200: ['A page of reported listings', ReportedListingsPage],
  }),
  dismissReports: doc('Dismiss a listing’s open reports with a reason: the listing stays as it is', {
    200: ['The reports dismissed', ListingReportsDismissed],
  }),
  approveListing: decided('Approve a listing, or the edits awaiting review on an active one'),
  rejectListing: decided('Reject a listing (or its edits) with a reason the supplier is told'),
  suspendListing: decided(
    'Take an active listing off the market, with a reason: it leaves search at once, and its open reports are settled',
    'The suspended listing',
  ),
  reinstateListing: decided('Put a suspended listing back on the market', 'The active listing'),
  orders: doc(
    'Orders by status (disputed ones, the queue to settle, by default), or with `flag` the orders flagged for an administrator: overdue bank transfers, payment anomalies; oldest first',
    { 200: ['A page of orders, each with the steps an administrator may take now', AdminOrdersPage] },
  ),
  confirmTransfer: settled('Confirm an overdue bank transfer that did arrive: the order is paid', 'The paid order'),
  cancelOrder: settled(
    'Cancel an order whose bank transfer is overdue: the stock goes back on the listing',
    'The cancelled order',
  ),
  acknowledge: settled('Acknowledge the payment anomalies recorded on an order, with a note', 'The order, no longer flagged'),
  resolveDispute: settled(
    'Settle a dispute: refund the buyer (through Stripe when it took the money) or release to the supplier',
    'The resolved order',
  ),
}

/** The user as administrators see it after an action on it. */
const publicUser =
  <D, I extends unknown[]>(act: (deps: D, admin: Accounts.StoredUser, ...input: I) => Promise<Accounts.StoredUser>) =>
  async (deps: D, admin: Accounts.StoredUser, ...input: I) =>
    Accounts.toPublicUser(await act(deps, admin, ...input))

/** Administrators' actions; every change is written with an audit-log entry in the same transaction. */
/** The ports this group's routes use: its Lambda builds only these. */
export type AdminDeps = GroupDeps<
  keyof AuthDeps | 'attention' | 'categories' | 'listings' | 'registry' | 'photos' | 'orders' | 'payments'
>

export const createAdminApp = (deps: AdminDeps) => {
  const isAdmin = createAuth(deps).requireRole('admin')
  const admin = actions(deps, isAdmin)
  return createGroupApp(deps)
    .get('/api/admin/verifications', docs.verifications, isAdmin, async (c) =>
      c.json({ items: await Accounts.listPendingVerifications(deps) }, 200),
    )
    .post(
      '/api/admin/suppliers/:id/verification',
      ...admin.onIdWith(docs.decideVerification, VerificationDecisionInput, publicUser(Accounts.decideVerification)),
    )
    .post(
      '/api/admin/suppliers/:id/bank-account',
      ...admin.onIdWith(docs.decideBankAccount, VerificationDecisionInput, publicUser(Accounts.decideBankAccountChange)),
    )
    .get('/api/admin/queues', docs.queues, isAdmin, async (c) => c.json(await deps.attention.adminQueues(), 200))
    .get('/api/admin/users', ...admin.withQuery(docs.users, UsersQuery, (deps, _admin, query) => Accounts.listUsers(deps, query)))
    .post('/api/admin/users/:id/suspend', ...admin.onIdWith(docs.suspendUser, ReasonInput, publicUser(Accounts.suspendUser)))
    .post(
      '/api/admin/users/:id/reinstate',
      ...admin.onIdWith(docs.reinstateUser, OptionalReasonInput, publicUser(Accounts.reinstateUser)),
    )
    .get('/api/admin/audit', ...admin.withQuery(docs.audit, AuditQuery, (deps, _admin, query) => Accounts.listAudit(deps, query)))
    .get('/api/admin/categories', docs.categories, isAdmin, async (c) => c.json(await Catalog.adminCatalog(deps), 200))
    .post('/api/admin/categories', ...admin.withBody(docs.addCategory, CategoryInput, Catalog.addCategory, 201))
    .patch(
      '/api/admin/categories/:id',
      docs.updateCategory,
      isAdmin,
      validate('param', CategoryId),
      validate('json', CategoryPatch),
      async (c) => c.json(await Catalog.updateCategory(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .post(
      '/api/admin/categories/:id/retire',
      docs.retireCategory,
      isAdmin,
      validate('param', CategoryId),
      validate('json', ReasonInput),
      async (c) => c.json(await Catalog.retireCategory(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .post(
      '/api/admin/categories/:id/restore',
      docs.restoreCategory,
      isAdmin,
      validate('param', CategoryId),
      validate('json', OptionalReasonInput, { optional: true }),
      async (c) =>
        c.json(await Catalog.restoreCategory(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json') ?? {}), 200),
    )
    .get(
      '/api/admin/listings',
      ...admin.withQuery(docs.listings, ModerationQuery, (deps, _admin, query) => Listings.moderationQueue(deps, query)),
    )
    .get(
      '/api/admin/listings/reported',
      ...admin.withQuery(docs.reportedListings, PageQuery, (deps, _admin, page) => Listings.reportedQueue(deps, page)),
    )
    .post(
      '/api/admin/listings/:id/reports/dismiss',
      ...admin.onIdWith(docs.dismissReports, ListingReportInput, Listings.dismissReports),
    )
    .post(
      '/api/admin/listings/:id/approve',
      ...admin.onIdWith(docs.approveListing, OptionalReasonInput, Listings.approveListing, { optional: true }),
    )
    .post('/api/admin/listings/:id/reject', ...admin.onIdWith(docs.rejectListing, ReasonInput, Listings.rejectListing))
    .post('/api/admin/listings/:id/suspend', ...admin.onIdWith(docs.suspendListing, ReasonInput, Listings.suspendListing))
    .post(
      '/api/admin/listings/:id/reinstate',
      ...admin.onIdWith(docs.reinstateListing, OptionalReasonInput, Listings.reinstateListing, { optional: true }),
    )
    .get(
      '/api/admin/orders',
      ...admin.withQuery(docs.orders, AdminOrdersQuery, async (deps, actor, query) => {
        const ports = await orderDeps(deps)
        const page = await Orders.listOrdersByStatus(ports, query)
        return { ...page, items: page.items.map((order) => Orders.toView(ports, order, actor)) }
      }),
    )
    .post(
      '/api/admin/orders/:id/resolve',
      ...admin.onIdWith(docs.resolveDispute, ResolveDisputeInput, asOrderView(Orders.resolveDispute)),
    )
    .post(
      '/api/admin/orders/:id/confirm-transfer',
      ...admin.onIdWith(docs.confirmTransfer, AdminOrderNoteInput, asOrderView(Orders.confirmOverdueTransfer)),
    )
    .post(
      '/api/admin/orders/:id/cancel',
      ...admin.onIdWith(docs.cancelOrder, AdminOrderNoteInput, asOrderView(Orders.cancelOverdueOrder)),
    )
    .post(
      '/api/admin/orders/:id/acknowledge',
      ...admin.onIdWith(docs.acknowledge, AdminOrderNoteInput, asOrderView(Orders.acknowledgeAnomalies)),
    )
}

export type AdminApp = ReturnType<typeof createAdminApp>
