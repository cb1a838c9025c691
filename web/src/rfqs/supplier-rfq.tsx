import { useState } from 'hono/jsx/dom'
import type { RfqView } from '../api/types.ts'
import { Announcement } from '../components/announcement.tsx'
import { fill, useI18n } from '../i18n/i18n.ts'
import { useSession } from '../session/session.ts'
import { SubjectThreads } from '../threads/subject-threads.tsx'
import { BidForm } from './bid-form.tsx'
import { MyBidPanel } from './my-bid-panel.tsx'
import { RfqFacts } from './rfq-facts.tsx'
import { RfqHead } from './rfq-head.tsx'
import { biddingOpen } from './use-rfq.ts'

/**
 * A request as a supplier sees it: what is asked, how many have bid (a tender says not, until its
 * deadline), its own bid, and the form to bid or revise.
 */
export const SupplierRfq = ({ rfq, refresh }: { rfq: RfqView; refresh: () => void }) => {
  const { t } = useI18n()
  const { me } = useSession()
  const [message, setMessage] = useState('')
  const [formKey, setFormKey] = useState(0)
  // A saved or withdrawn bid starts the form again from what now stands.
  const changed = (said: string) => {
    setMessage(said)
    setFormKey((n) => n + 1)
    refresh()
  }
  return (
    <article class="rfq-page" data-rfq-page={rfq.id} data-status={rfq.status}>
      <p class="back-link">
        <a href="/rfqs/feed">{t('feed.back')}</a>
      </p>
      {message && <Announcement message={message} />}
      <RfqHead rfq={rfq} />
      <RfqFacts rfq={rfq} />
      {rfq.bidCount !== undefined && (
        <p class="rfq-count" data-bid-count={rfq.bidCount}>
          {fill(t('rfq.bidCount.others'), { n: rfq.bidCount })}
        </p>
      )}
      {rfq.sealedUntilDeadline && <p class="field__hint">{t('rfq.tender.supplierHint')}</p>}
      {rfq.myBid && <MyBidPanel rfq={rfq} bid={rfq.myBid} onWithdrawn={() => changed(t('bid.withdrawn'))} />}
      {biddingOpen(rfq) ? (
        <BidForm
          key={`${formKey}-${rfq.myBid?.version ?? 0}`}
          rfq={rfq}
          myBid={rfq.myBid}
          onSaved={(revised) => changed(t(revised ? 'bid.revised' : 'bid.submitted'))}
        />
      ) : (
        !rfq.myBid && (
          <div class="notice" data-notice="closed">
            <p>{t('bid.closed')}</p>
          </div>
        )
      )}
      {me && <SubjectThreads kind="rfq" id={rfq.id} me={me} ask={{ label: 'thread.ask.buyer' }} />}
    </article>
  )
}
