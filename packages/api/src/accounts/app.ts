import {
  AttentionCounts,
  BankAccountInput,
  LocaleInput,
  LoginInput,
  MeResponse,
  NotificationPreferences,
  NotificationPreferencesInput,
  PasswordResetConfirmInput,
  PasswordResetRequested,
  PasswordResetRequestInput,
  RegisterInput,
  SessionResponse,
  VerificationRequestInput,
} from '@market/contracts'
import { Accounts } from '@market/core'
import type { Context } from 'hono'
import { actions } from '../actions.ts'
import type { GroupDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { type AuthDeps, clearSessionCookie, createAuth, loadActor, setSessionCookie } from '../middleware/auth.ts'
import { validate } from '../middleware/validate.ts'
import { routeDocs } from '../openapi/describe.ts'

const doc = routeDocs('accounts')

/** What each route says of itself in /api/openapi.json. */
const docs = {
  register: doc('Register a buyer or supplier and sign in', {
    201: ['The new user, signed in (session cookie set)', MeResponse],
  }),
  login: doc('Sign in with email and password', { 200: ['Signed in (session cookie set)', MeResponse] }),
  logout: doc('Sign out: the session stops working at once', { 204: ['Signed out', null] }),
  session: doc('Who is signed in, if anyone (200 with user null when nobody is)', {
    200: ['The signed-in user or null', SessionResponse],
  }),
  me: doc('The signed-in user', { 200: ['The user, with supplier verification details', MeResponse] }),
  attention: doc('What waits for the signed-in user, for the navigation’s badges (each count stops at 100)', {
    200: ['Orders waiting for the user’s next step, unread notifications; an administrator’s queues', AttentionCounts],
  }),
  locale: doc('The signed-in user’s language, as chosen in the web: their e-mail is written in it', {
    204: ['Kept', null],
  }),
  preferences: doc('Which kinds of notification also come to the signed-in user by e-mail', {
    200: ['The kinds opted into, and whether the address takes mail', NotificationPreferences],
  }),
  setPreferences: doc('Opt into (or out of) e-mail per kind of notification', {
    200: ['The preferences as kept', NotificationPreferences],
  }),
  resetRequest: doc(
    'E-mail a single-use password-reset link (30 minutes) to the address, if it has an account: the answer is the same either way',
    { 202: ['Asked for', PasswordResetRequested] },
  ),
  resetConfirm: doc('Set a new password with a reset link’s token: ends every session of the account', {
    204: ['Password set; sign in with it', null],
  }),
  verification: doc('A supplier asks to be verified (with its company bank account, checked with the licence)', {
    200: ['The user, verification pending', MeResponse],
  }),
  bankAccount: doc(
    'A verified supplier changes its bank account: the change waits for an administrator, orders show the approved account until then',
    { 200: ['The user, with the change waiting', MeResponse] },
  ),
}

/** The ports this group's routes use: its Lambda builds only these. */
export type AccountsDeps = GroupDeps<keyof AuthDeps | 'attention' | 'photos'>

export const createAccountsApp = (deps: AccountsDeps) => {
  const { requireUser, requireRole } = createAuth(deps)
  /** Sets the session cookie of a fresh session and answers with the user, signed in. */
  const signedIn = async <Status extends 200 | 201>(
    c: Context,
    { user, session }: { user: Accounts.StoredUser; session: Accounts.Session },
    status: Status,
  ) => {
    await setSessionCookie(c, deps, session)
    return c.json(Accounts.toMe(user), status)
  }
  return createGroupApp(deps)
    .post('/api/auth/register', docs.register, validate('json', RegisterInput), async (c) =>
      signedIn(c, await Accounts.register(deps, c.req.valid('json')), 201),
    )
    .post('/api/auth/login', docs.login, validate('json', LoginInput), async (c) =>
      signedIn(c, await Accounts.login(deps, c.req.valid('json')), 200),
    )
    .post('/api/auth/logout', docs.logout, async (c) => {
      await loadActor(c, deps)
      if (c.var.sessionId) await Accounts.logout(deps, c.var.sessionId)
      clearSessionCookie(c, deps)
      return c.body(null, 204)
    })
    .get('/api/auth/session', docs.session, async (c) => {
      const actor = await loadActor(c, deps)
      return c.json({ user: actor ? Accounts.toMe(actor) : null } satisfies SessionResponse, 200)
    })
    .get('/api/me', docs.me, requireUser, (c) => c.json(Accounts.toMe(c.var.actor), 200))
    .post('/api/auth/password-reset', docs.resetRequest, validate('json', PasswordResetRequestInput), async (c) => {
      await Accounts.requestPasswordReset(deps, c.req.valid('json'))
      return c.json({ requested: true } satisfies PasswordResetRequested, 202)
    })
    .post('/api/auth/password-reset/confirm', docs.resetConfirm, validate('json', PasswordResetConfirmInput), async (c) => {
      await Accounts.confirmPasswordReset(deps, c.req.valid('json'))
      return c.body(null, 204)
    })
    .put('/api/me/locale', docs.locale, requireUser, validate('json', LocaleInput), async (c) => {
      await Accounts.setLocale(deps, c.var.actor, c.req.valid('json'))
      return c.body(null, 204)
    })
    .get('/api/me/notification-preferences', docs.preferences, requireUser, (c) =>
      c.json(Accounts.notificationPreferences(c.var.actor), 200),
    )
    .put(
      '/api/me/notification-preferences',
      docs.setPreferences,
      requireUser,
      validate('json', NotificationPreferencesInput),
      async (c) => c.json(await Accounts.setNotificationPreferences(deps, c.var.actor, c.req.valid('json')), 200),
    )
    .get('/api/me/attention', docs.attention, requireUser, async (c) => c.json(await deps.attention.countFor(c.var.actor), 200))
    .post(
      '/api/suppliers/me/verification',
      ...actions(deps, requireRole('supplier')).withBody(
        docs.verification,
        VerificationRequestInput,
        async (deps, supplier, request) => Accounts.toMe(await Accounts.submitVerification(deps, supplier, request)),
        200,
      ),
    )
    .put(
      '/api/suppliers/me/bank-account',
      ...actions(deps, requireRole('supplier')).withBody(
        docs.bankAccount,
        BankAccountInput,
        async (deps, supplier, account) => Accounts.toMe(await Accounts.changeBankAccount(deps, supplier, account)),
        200,
      ),
    )
}

export type AccountsApp = ReturnType<typeof createAccountsApp>
