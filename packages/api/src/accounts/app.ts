import { LoginInput, MeResponse, RegisterInput, SessionResponse, VerificationRequestInput } from '@market/contracts'
import { Accounts } from '@market/core'
import type { ApiDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { clearSessionCookie, createAuth, loadActor, setSessionCookie } from '../middleware/auth.ts'
import { validate } from '../middleware/validate.ts'
import { describeRoute } from '../openapi/describe.ts'

export const createAccountsApp = (deps: ApiDeps) => {
  const { requireUser, requireRole } = createAuth(deps)
  return createGroupApp(deps)
    .post(
      '/api/auth/register',
      describeRoute({
        summary: 'Register a buyer or supplier and sign in',
        tags: ['accounts'],
        responses: { 201: { description: 'The new user, signed in (session cookie set)', schema: MeResponse } },
      }),
      validate('json', RegisterInput),
      async (c) => {
        const { user, session } = await Accounts.register(deps, c.req.valid('json'))
        await setSessionCookie(c, deps, session)
        return c.json(Accounts.toMe(user), 201)
      },
    )
    .post(
      '/api/auth/login',
      describeRoute({
        summary: 'Sign in with email and password',
        tags: ['accounts'],
        responses: { 200: { description: 'Signed in (session cookie set)', schema: MeResponse } },
      }),
      validate('json', LoginInput),
      async (c) => {
        const { user, session } = await Accounts.login(deps, c.req.valid('json'))
        await setSessionCookie(c, deps, session)
        return c.json(Accounts.toMe(user), 200)
      },
    )
    .post(
      '/api/auth/logout',
      describeRoute({
        summary: 'Sign out: the session stops working at once',
        tags: ['accounts'],
        responses: { 204: { description: 'Signed out', schema: null } },
      }),
      async (c) => {
        await loadActor(c, deps)
        if (c.var.sessionId) await Accounts.logout(deps, c.var.sessionId)
        clearSessionCookie(c, deps)
        return c.body(null, 204)
      },
    )
    .get(
      '/api/auth/session',
      describeRoute({
        summary: 'Who is signed in, if anyone (200 with user null when nobody is)',
        tags: ['accounts'],
        responses: { 200: { description: 'The signed-in user or null', schema: SessionResponse } },
      }),
      async (c) => {
        const actor = await loadActor(c, deps)
        return c.json({ user: actor ? Accounts.toMe(actor) : null } satisfies SessionResponse, 200)
      },
    )
    .get(
      '/api/me',
      describeRoute({
        summary: 'The signed-in user',
        tags: ['accounts'],
        responses: { 200: { description: 'The user, with supplier verification details', schema: MeResponse } },
      }),
      requireUser,
      (c) => c.json(Accounts.toMe(c.var.actor), 200),
    )
    .post(
      '/api/suppliers/me/verification',
      describeRoute({
        summary: 'A supplier asks to be verified',
        tags: ['accounts'],
        responses: { 200: { description: 'The user, verification pending', schema: MeResponse } },
      }),
      requireRole('supplier'),
      validate('json', VerificationRequestInput),
      async (c) => c.json(Accounts.toMe(await Accounts.submitVerification(deps, c.var.actor, c.req.valid('json'))), 200),
    )
}

export type AccountsApp = ReturnType<typeof createAccountsApp>
