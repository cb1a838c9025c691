import type { MeResponse } from '@market/contracts'
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'hono/jsx/dom'
import { ApiError, api } from '../api/client.ts'
import { navigate } from '../router.ts'

/** Who is signed in: `loading` until the first `GET /api/auth/session` answers, then the user or null. */
export type Session = {
  state: 'loading' | 'ready'
  me: MeResponse | null
  /** Asks the server again (after a change made elsewhere, or to see an admin's decision). */
  refresh: () => Promise<MeResponse | null>
  /** Takes the user the API just returned (register, sign-in, verification request). */
  setMe: (me: MeResponse | null) => void
  signOut: () => Promise<void>
}

export const SessionContext = createContext<Session>({
  state: 'loading',
  me: null,
  refresh: async () => null,
  setMe: () => {},
  signOut: async () => {},
})
export const useSession = () => useContext(SessionContext)

const fetchMe = async (): Promise<MeResponse | null> => (await (await api.accounts.api.auth.session.$get()).json()).user

export const useSessionState = (): Session => {
  const [state, setState] = useState<Session['state']>('loading')
  const [me, setMe] = useState<MeResponse | null>(null)

  const refresh = useCallback(async () => {
    try {
      const current = await fetchMe()
      setMe(current)
      return current
    } catch {
      // Offline or the server failed: keep what we knew; pages show their own errors.
      return null
    } finally {
      setState('ready')
    }
  }, [])

  const signOut = useCallback(async () => {
    try {
      await api.accounts.api.auth.logout.$post()
    } catch (error) {
      // Already signed out on the server is still signed out.
      if (!(error instanceof ApiError && error.status === 401)) throw error
    }
    // Leave first, so a page that needs a user does not redirect to sign-in on the way out.
    navigate('/')
    setMe(null)
  }, [])

  useEffect(() => {
    refresh()
  }, [])

  return useMemo(() => ({ state, me, refresh, setMe, signOut }), [state, me, refresh, signOut])
}

/** Only same-site paths, so `?next=` cannot send a user off to another origin after sign-in. */
export const safeNext = (value: string | null | undefined): string | null =>
  value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/signin') ? value : null

/** For pages that need a signed-in user: sends the signed-out to /signin, remembering where they were. */
export const useRequireSignIn = () => {
  const session = useSession()
  useEffect(() => {
    if (session.state === 'ready' && !session.me) {
      navigate(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true })
    }
  }, [session.state, session.me])
  return session
}
