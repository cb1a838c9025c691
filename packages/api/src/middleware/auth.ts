import { Accounts } from '@market/core'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { sign, verify } from 'hono/jwt'
import type { AppEnv } from '../app-env.ts'
import type { ApiDeps } from '../deps.ts'
import { isSafeMethod } from './safe-methods.ts'

export const sessionCookieName = 'market_session'

export type SignedIn = { Variables: { actor: Accounts.StoredUser } }

/** The session token: a signed, expiring JWT naming the user and the server-side session. */
export const setSessionCookie = async (c: Context, deps: ApiDeps, session: Accounts.Session) => {
  const token = await sign(
    { sub: session.userId, sid: session.id, exp: Math.floor(session.expiresAt.getTime() / 1000) },
    await deps.sessions.secret(),
    'HS256',
  )
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.sessions.cookieSecure,
    path: '/',
    expires: session.expiresAt,
  })
}

export const clearSessionCookie = (c: Context, deps: ApiDeps) =>
  deleteCookie(c, sessionCookieName, { path: '/', secure: deps.sessions.cookieSecure })

const readClaims = async (token: string, secret: string) => {
  try {
    const payload = await verify(token, secret, 'HS256')
    return typeof payload.sub === 'string' && typeof payload.sid === 'string'
      ? { userId: payload.sub, sessionId: payload.sid }
      : undefined
  } catch {
    return undefined // forged, expired or malformed: the caller is simply not signed in
  }
}

/**
 * Looks up the caller once per request, and only for routes that ask: public reads such as
 * browsing the catalogue spend no DynamoDB call on it.
 */
// biome-ignore lint/suspicious/noExplicitAny: any group app's context, whatever its routes' types
export const loadActor = async (c: Context<AppEnv, any, any>, deps: ApiDeps) => {
  if (c.var.actorLoaded) return c.var.actor
  c.set('actorLoaded', true)
  const token = getCookie(c, sessionCookieName)
  const claims = token ? await readClaims(token, await deps.sessions.secret()) : undefined
  if (!claims) return undefined
  const actor = await Accounts.authenticate(deps, claims)
  if (actor) {
    c.set('actor', actor)
    c.set('sessionId', claims.sessionId)
  }
  return actor
}

export const createAuth = (deps: ApiDeps) => {
  /** Signed in; a suspended account may still read but not change anything. */
  const requireUser = createMiddleware<AppEnv & SignedIn>(async (c, next) => {
    const actor = await loadActor(c as unknown as Context<AppEnv>, deps)
    if (!actor) throw new Accounts.NotSignedInError()
    if (actor.status === 'suspended' && !isSafeMethod(c.req.method)) throw new Accounts.AccountSuspendedError()
    await next()
  })
  const requireRole = (...roles: Accounts.StoredUser['role'][]) =>
    createMiddleware<AppEnv & SignedIn>(async (c, next) => {
      await requireUser(c, async () => {
        if (!roles.includes((c.var.actor as Accounts.StoredUser).role)) throw new Accounts.RoleNotAllowedError(roles)
        await next()
      })
    })
  return { requireUser, requireRole }
}
