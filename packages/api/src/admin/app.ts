import {
  AdminOrdersQuery,
  AuditPage,
  Category,
  CategoryId,
  CategoryInput,
  CategoryPatch,
  IdParam,
  Listing,
  ModerationPage,
  ModerationQuery,
  OrdersPage,
  OrderView,
  PageQuery,
  PendingVerificationsResponse,
  ReasonInput,
  ResolveDisputeInput,
  User,
  UsersPage,
  UsersQuery,
  VerificationDecisionInput,
} from '@market/contracts'
import { Accounts, Catalog, Listings, Orders } from '@market/core'
import type { ApiDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { createAuth } from '../middleware/auth.ts'
import { validate } from '../middleware/validate.ts'
import { describeRoute } from '../openapi/describe.ts'
import { orderDeps } from '../orders/order-deps.ts'

const OptionalReasonInput = ReasonInput.partial()

/** Administrators' actions; every change is written with an audit-log entry in the same transaction. */
export const createAdminApp = (deps: ApiDeps) => {
  const { requireRole } = createAuth(deps)
  const admin = requireRole('admin')
  return createGroupApp(deps)
    .get(
      '/api/admin/verifications',
      describeRoute({
        summary: 'Suppliers waiting for verification, oldest first',
        tags: ['admin'],
        responses: { 200: { description: 'Pending requests', schema: PendingVerificationsResponse } },
      }),
      admin,
      async (c) => c.json({ items: await Accounts.listPendingVerifications(deps) }, 200),
    )
    .post(
      '/api/admin/suppliers/:id/verification',
      describeRoute({
        summary: 'Approve or reject a supplier’s verification (a rejection needs a reason)',
        tags: ['admin'],
        responses: { 200: { description: 'The supplier after the decision', schema: User } },
      }),
      admin,
      validate('param', IdParam),
      validate('json', VerificationDecisionInput),
      async (c) => {
        const supplier = await Accounts.decideVerification(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json'))
        return c.json(Accounts.toPublicUser(supplier), 200)
      },
    )
    .get(
      '/api/admin/users',
      describeRoute({
        summary: 'Users, newest first, by role and status',
        tags: ['admin'],
        responses: { 200: { description: 'A page of users', schema: UsersPage } },
      }),
      admin,
      validate('query', UsersQuery),
      async (c) => c.json(await Accounts.listUsers(deps, c.req.valid('query')), 200),
    )
    .post(
      '/api/admin/users/:id/suspend',
      describeRoute({
        summary: 'Suspend an account: it can still read, but changes nothing until reinstated',
        tags: ['admin'],
        responses: { 200: { description: 'The suspended user', schema: User } },
      }),
      admin,
      validate('param', IdParam),
      validate('json', ReasonInput),
      async (c) =>
        c.json(
          Accounts.toPublicUser(await Accounts.suspendUser(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json'))),
          200,
        ),
    )
    .post(
      '/api/admin/users/:id/reinstate',
      describeRoute({
        summary: 'Reinstate a suspended account',
        tags: ['admin'],
        responses: { 200: { description: 'The reinstated user', schema: User } },
      }),
      admin,
      validate('param', IdParam),
      validate('json', OptionalReasonInput),
      async (c) =>
        c.json(
          Accounts.toPublicUser(await Accounts.reinstateUser(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json'))),
          200,
        ),
    )
    .get(
      '/api/admin/audit',
      describeRoute({
        summary: 'The audit log, newest first',
        tags: ['admin'],
        responses: { 200: { description: 'A page of audit entries', schema: AuditPage } },
      }),
      admin,
      validate('query', PageQuery),
      async (c) => c.json(await Accounts.listAudit(deps, c.req.valid('query')), 200),
    )
    .post(
      '/api/admin/categories',
      describeRoute({
        summary: 'Add a material category',
        tags: ['admin'],
        responses: { 201: { description: 'The new category', schema: Category } },
      }),
      admin,
      validate('json', CategoryInput),
      async (c) => c.json(await Catalog.addCategory(deps, c.var.actor, c.req.valid('json')), 201),
    )
    .patch(
      '/api/admin/categories/:id',
      describeRoute({
        summary: 'Rename or regroup a category',
        tags: ['admin'],
        responses: { 200: { description: 'The category after the change', schema: Category } },
      }),
      admin,
      validate('param', CategoryId),
      validate('json', CategoryPatch),
      async (c) => c.json(await Catalog.updateCategory(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .get(
      '/api/admin/listings',
      describeRoute({
        summary:
          'Listings by moderation status: pending_review (new listings and edits to review) oldest first, the others latest first',
        tags: ['admin'],
        responses: { 200: { description: 'A page of listings with their suppliers', schema: ModerationPage } },
      }),
      admin,
      validate('query', ModerationQuery),
      async (c) => c.json(await Listings.moderationQueue(deps, c.req.valid('query')), 200),
    )
    .post(
      '/api/admin/listings/:id/approve',
      describeRoute({
        summary: 'Approve a listing, or the edits awaiting review on an active one',
        tags: ['admin'],
        responses: { 200: { description: 'The listing after the decision', schema: Listing } },
      }),
      admin,
      validate('param', IdParam),
      async (c) => c.json(await Listings.approveListing(deps, c.var.actor, c.req.valid('param').id), 200),
    )
    .post(
      '/api/admin/listings/:id/reject',
      describeRoute({
        summary: 'Reject a listing (or its edits) with a reason the supplier is told',
        tags: ['admin'],
        responses: { 200: { description: 'The listing after the decision', schema: Listing } },
      }),
      admin,
      validate('param', IdParam),
      validate('json', ReasonInput),
      async (c) => c.json(await Listings.rejectListing(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .post(
      '/api/admin/listings/:id/suspend',
      describeRoute({
        summary: 'Take an active listing off the market, with a reason',
        tags: ['admin'],
        responses: { 200: { description: 'The suspended listing', schema: Listing } },
      }),
      admin,
      validate('param', IdParam),
      validate('json', ReasonInput),
      async (c) => c.json(await Listings.suspendListing(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .post(
      '/api/admin/listings/:id/reinstate',
      describeRoute({
        summary: 'Put a suspended listing back on the market',
        tags: ['admin'],
        responses: { 200: { description: 'The active listing', schema: Listing } },
      }),
      admin,
      validate('param', IdParam),
      async (c) => c.json(await Listings.reinstateListing(deps, c.var.actor, c.req.valid('param').id), 200),
    )
    .get(
      '/api/admin/orders',
      describeRoute({
        summary: 'Orders by status; disputed ones (the queue to settle) by default, oldest first',
        tags: ['admin'],
        responses: { 200: { description: 'A page of orders', schema: OrdersPage } },
      }),
      admin,
      validate('query', AdminOrdersQuery),
      async (c) => c.json(await Orders.listOrdersByStatus(await orderDeps(deps), c.req.valid('query')), 200),
    )
    .post(
      '/api/admin/orders/:id/resolve',
      describeRoute({
        summary: 'Settle a dispute: refund the buyer (through Stripe when it took the money) or release to the supplier',
        tags: ['admin'],
        responses: { 200: { description: 'The resolved order', schema: OrderView } },
      }),
      admin,
      validate('param', IdParam),
      validate('json', ResolveDisputeInput),
      async (c) => {
        const ports = await orderDeps(deps)
        const order = await Orders.resolveDispute(ports, c.var.actor, c.req.valid('param').id, c.req.valid('json'))
        return c.json(Orders.toView(ports, order, c.var.actor), 200)
      },
    )
}

export type AdminApp = ReturnType<typeof createAdminApp>
