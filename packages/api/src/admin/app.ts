import {
  AuditPage,
  IdParam,
  PageQuery,
  PendingVerificationsResponse,
  ReasonInput,
  User,
  UsersPage,
  UsersQuery,
  VerificationDecisionInput,
} from '@market/contracts'
import { Accounts } from '@market/core'
import { createGroupApp } from '../app.ts'
import type { ApiDeps } from '../deps.ts'
import { createAuth } from '../middleware/auth.ts'
import { validate } from '../middleware/validate.ts'
import { describeRoute } from '../openapi/describe.ts'

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
}

export type AdminApp = ReturnType<typeof createAdminApp>
