import type { Bid, Rfq } from '@market/contracts'
import { useEffect, useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import type { RfqView } from '../api/types.ts'

/** A bid that still stands: submitted, or revised since. */
export const isLive = (bid: Pick<Bid, 'status'>) => bid.status === 'submitted' || bid.status === 'revised'

/** Suppliers may still bid (or revise, or withdraw). */
export const biddingOpen = (rfq: Pick<Rfq, 'status' | 'bidDeadline'>) =>
  rfq.status === 'open' && Date.parse(rfq.bidDeadline) > Date.now()

/** Quantities in a request's unit may have decimals after conversion (码 → 米); shown as people write them. */
export const formatQuantity = (value: number) => String(Math.round(value * 100) / 100)

/** The request, kept on screen while it is fetched again after a change (no flash of "loading"). */
export const useRfq = (id: string) => {
  const [rfq, setRfq] = useState<RfqView | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let current = true
    api.rfqs.api.rfqs[':id'].$get({ param: { id } }).then(
      async (response) => {
        const body = await response.json()
        if (!current) return
        setRfq(body)
        setError(null)
      },
      (failure) => current && setError(failure),
    )
    return () => {
      current = false
    }
  }, [id, tick])
  return { rfq, error, refresh: () => setTick((n) => n + 1) }
}
