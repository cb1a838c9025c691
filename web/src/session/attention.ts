import type { AttentionCounts } from '@market/contracts'
import { useEffect, useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { notificationsChanged } from '../notifications/describe.ts'
import { useSession } from './session.ts'

const pollMs = 60_000
const none: AttentionCounts = { orders: 0, notifications: 0, messages: 0 }

/**
 * What waits for the signed-in user (orders for the next step, unread notifications, an
 * administrator's queues): polled every minute, and again whenever the page or the read state
 * changes. One small request: the API counts each queue with one bounded read.
 */
export const useAttention = (path: string): AttentionCounts => {
  const { me } = useSession()
  const [counts, setCounts] = useState(none)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    const again = () => setTick((n) => n + 1)
    const timer = setInterval(again, pollMs)
    window.addEventListener(notificationsChanged, again)
    return () => {
      clearInterval(timer)
      window.removeEventListener(notificationsChanged, again)
    }
  }, [])
  useEffect(() => {
    if (!me) return setCounts(none)
    let current = true
    api.accounts.api.me.attention.$get().then(
      async (response) => {
        const body = await response.json()
        if (current) setCounts(body)
      },
      // The counts are a hint: a failed poll keeps the last ones, the next one tries again.
      () => {},
    )
    return () => {
      current = false
    }
  }, [me?.id, path, tick])
  return counts
}
