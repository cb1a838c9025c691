import type { MeResponse } from '@market/contracts'
import { ErrorState, Loading } from '../components/states.tsx'
import { BuyerRfq } from './buyer-rfq.tsx'
import { RfqFacts } from './rfq-facts.tsx'
import { RfqHead } from './rfq-head.tsx'
import { SupplierRfq } from './supplier-rfq.tsx'
import { useRfq } from './use-rfq.ts'

/** One request, as its reader's role sees it: the buyer compares and awards, a supplier bids, an administrator reads. */
export const RfqScreen = ({ id, me }: { id: string; me: MeResponse }) => {
  const { rfq, error, refresh } = useRfq(id)
  if (!rfq) return error ? <ErrorState error={error} onRetry={refresh} /> : <Loading />
  if (me.role === 'buyer') return <BuyerRfq rfq={rfq} refresh={refresh} />
  if (me.role === 'supplier') return <SupplierRfq rfq={rfq} refresh={refresh} />
  return (
    <article class="rfq-page" data-rfq-page={rfq.id} data-status={rfq.status}>
      <RfqHead rfq={rfq} />
      <RfqFacts rfq={rfq} />
    </article>
  )
}
