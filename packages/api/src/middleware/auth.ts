import { Accounts, type KeyedRead } from '@market/core'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { sign, verify } from 'hono/jwt'
import type { AppEnv } from '../app-env.ts'
import type { ApiDeps } from '../deps.ts'
import { isSafeMethod } from './safe-methods.ts'

export const sessionCookieName = 'market_session'

/** What reading the caller takes: the session secret and the account store. */
export type AuthDeps = Pick<ApiDeps, 'sessions' | 'accounts' | 'clock' | 'ids'>

export type SignedIn = { Variables: { actor: Accounts.StoredUser } }

/** The session token: a signed, expiring JWT naming the user and the server-side session. */
export const setSessionCookie = async (c: Context, deps: Pick<ApiDeps, 'sessions'>, session: Accounts.Session) => {
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

export const clearSessionCookie = (c: Context, deps: Pick<ApiDeps, 'sessions'>) =>
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
 * What a route reads first, named from the path and the caller's id alone (which the session token
 * gives before the session is read): it goes in the session's own BatchGet, and the route finds it
 * in `c.var.alongside` — or nothing there, if the caller was looked up before, and reads it itself.
 */
export type ReadAlongside<T> = (
  // biome-ignore lint/suspicious/noExplicitAny: any group app's context, whatever its routes' types
  c: Context<any, any, any>,
  userId: string,
) => KeyedRead<T> | undefined | Promise<KeyedRead<T> | undefined>

/**
 * Looks up the caller once per request, and only for routes that ask: public reads such as
 * browsing the catalogue spend no DynamoDB call on it.
 */
export const loadActor = async <T>(
  // biome-ignore lint/suspicious/noExplicitAny: any group app's context, whatever its routes' types
  c: Context<AppEnv, any, any>,
  deps: AuthDeps,
  alongside?: ReadAlongside<T>,
) => {
  if (c.var.actorLoaded) return c.var.actor
  c.set('actorLoaded', true)
  const token = getCookie(c, sessionCookieName)
  const claims = token ? await readClaims(token, await deps.sessions.secret()) : undefined
  if (!claims) return undefined
  const { actor, alongside: read } = await Accounts.authenticate(deps, claims, await alongside?.(c, claims.userId))
  if (actor) {
    c.set('actor', actor)
    c.set('sessionId', claims.sessionId)
    c.set('alongside', read)
  }
  return actor
}

type Role = Accounts.StoredUser['role']

export const createAuth = (deps: AuthDeps) => {
  /**
   * Signed in, in one of `roles` (any, if none); a suspended account may still read but not change
   * anything. What `alongside` names is read with the session.
   */
  const guard = <T>(roles: Role[], alongside?: ReadAlongside<T>) =>
    createMiddleware<AppEnv & SignedIn & { Variables: { alongside?: T } }>(async (c, next) => {
      const actor = await loadActor(c as unknown as Context<AppEnv>, deps, alongside)
      if (!actor) throw new Accounts.NotSignedInError()
      if (actor.status === 'suspended' && !isSafeMethod(c.req.method)) throw new Accounts.AccountSuspendedError()
      if (roles.length && !roles.includes(actor.role)) throw new Accounts.RoleNotAllowedError(roles)
      await next()
    })
  return {
    requireUser: guard([]),
    requireRole: (...roles: Role[]) => guard(roles),
    /** `requireRole`, with the route's first read in the session's BatchGet (see `ReadAlongside`). */
    requireRoleReading: <T>(alongside: ReadAlongside<T>, ...roles: Role[]) => guard(roles, alongside),
  }
}
