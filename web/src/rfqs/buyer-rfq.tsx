import type { SupplierRfq } from '@market/contracts'
import { Announcement } from '../components/announcement.tsx'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import { useSearch } from '../router.ts'
import { useSession } from '../session/session.ts'
import { SubjectThreads } from '../threads/subject-threads.tsx'
import { CancelRfq } from './cancel-rfq.tsx'
import { Comparison } from './comparison.tsx'
import { RfqFacts } from './rfq-facts.tsx'
import { RfqHead } from './rfq-head.tsx'

/** The buyer's own request: what it asked, the bids compared, the award, and a way to cancel. */
export const BuyerRfq = ({ rfq, refresh }: { rfq: SupplierRfq; refresh: () => void }) => {
  const { t, locale } = useI18n()
  const { me } = useSession()
  const posted = new URLSearchParams(useSearch()).get('posted') === '1'
  return (
    <article class="rfq-page" data-rfq-page={rfq.id} data-status={rfq.status}>
      <p class="back-link">
        <a href="/rfqs">{t('rfqs.back')}</a>
      </p>
      {posted && <Announcement message={t('rfq.posted')} />}
      <RfqHead rfq={rfq} />
      {rfq.status === 'closed' && (
        <div class="notice" data-notice="closed">
          <p>{fill(t('rfq.closedAwardBy'), { date: formatDateTime(locale, rfq.awardDeadline) })}</p>
        </div>
      )}
      <RfqFacts rfq={rfq} />
      {rfq.sealedUntilDeadline && rfq.status === 'open' && <p class="field__hint">{t('rfq.tender.buyerHint')}</p>}
      <Comparison rfq={rfq} onAwarded={refresh} />
      {me && (
        <SubjectThreads kind="rfq" id={rfq.id} me={me} ask={{ label: 'thread.ask.supplier', supplierCategory: rfq.categoryId }} />
      )}
      {(rfq.status === 'open' || rfq.status === 'closed') && <CancelRfq rfq={rfq} onCancelled={refresh} />}
    </article>
  )
}
