import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import type { ReportedListing } from '../api/types.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { useRowAction } from '../api/use-row-action.ts'
import { Announcement } from '../components/announcement.tsx'
import { describeError, FormError } from '../components/form.tsx'
import { PagedList } from '../components/paged-view.tsx'
import { ReasonForm } from '../components/reason-form.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, localized, useI18n } from '../i18n/i18n.ts'
import { queuesChanged } from './console-layout.tsx'
import './moderation.css'

type Decision = 'dismiss' | 'suspend'

/** One reported listing: who reported it and why, and the two answers an administrator gives. */
const ReportedItem = ({
  entry,
  busy,
  failure,
  deciding,
  setDeciding,
  decide,
}: {
  entry: ReportedListing
  busy: boolean
  failure: unknown
  deciding: Decision | null
  setDeciding: (decision: Decision | null) => void
  decide: (decision: Decision, reason: string) => void
}) => {
  const { t, locale } = useI18n()
  const { listing } = entry
  const toggle = (decision: Decision) => setDeciding(deciding === decision ? null : decision)
  return (
    <li class="moderation-item card" data-reported={listing.id}>
      <h2 class="moderation-item__title">
        <a href={`/listings/${listing.id}`}>{localized(locale, listing.title)}</a>
      </h2>
      <p>
        <StatusBadge kind="listing" status={listing.status} />{' '}
        <span data-report-count={entry.reportCount}>{fill(t('console.reports.count'), { n: entry.reportCount })}</span>
      </p>
      <dl class="details details--compact">
        <dt>{t('admin.supplier')}</dt>
        <dd>
          {listing.supplier.company} · {listing.supplier.name}
        </dd>
        <dt>{t('console.reports.first')}</dt>
        <dd>{formatDateTime(locale, entry.firstReportedAt)}</dd>
      </dl>
      <ul class="report-list__reasons">
        {entry.reports.map((report) => (
          <li data-report-by={report.by}>
            <strong>{report.byName}</strong> · {formatDateTime(locale, report.at)} — {report.reason}
          </li>
        ))}
      </ul>
      <div class="button-row">
        {listing.status === 'active' && (
          <button
            type="button"
            class="button button--primary button--small"
            aria-expanded={deciding === 'suspend' ? 'true' : 'false'}
            disabled={busy}
            onClick={() => toggle('suspend')}
          >
            {t('moderation.suspend')}
          </button>
        )}
        <button
          type="button"
          class="button button--secondary button--small"
          aria-expanded={deciding === 'dismiss' ? 'true' : 'false'}
          disabled={busy}
          onClick={() => toggle('dismiss')}
        >
          {t('console.reports.dismiss')}
        </button>
      </div>
      {failure !== undefined && <FormError>{describeError(locale, failure)}</FormError>}
      {deciding && (
        <ReasonForm
          id={`${deciding}-${listing.id}`}
          label={t(deciding === 'suspend' ? 'moderation.suspendReason' : 'console.reports.dismissReason')}
          confirm={t(deciding === 'suspend' ? 'moderation.confirmSuspend' : 'console.reports.confirmDismiss')}
          busy={busy}
          onConfirm={(reason) => decide(deciding, reason)}
          onCancel={() => setDeciding(null)}
        />
      )}
    </li>
  )
}

/** Listings buyers and suppliers reported, the longest-waiting first: suspend the listing (settling its reports) or dismiss them. */
export const ReportedListings = () => {
  const { t, locale } = useI18n()
  const [changes, setChanges] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  const [deciding, setDeciding] = useState<{ id: string; decision: Decision } | null>(null)
  const { busy, failure, run } = useRowAction()
  const queue = usePaged(
    async (cursor) => (await api.admin.api.admin.listings.reported.$get({ query: pageQuery(25, cursor) })).json(),
    [changes],
  )
  const decide = (entry: ReportedListing, decision: Decision, reason: string) =>
    run(entry.listing.id, async () => {
      const route = api.admin.api.admin.listings[':id']
      const param = { id: entry.listing.id }
      if (decision === 'suspend') await route.suspend.$post({ param, json: { reason } })
      else await route.reports.dismiss.$post({ param, json: { reason } })
      setDeciding(null)
      setAnnouncement(
        fill(t(decision === 'suspend' ? 'moderation.suspended' : 'console.reports.dismissed'), {
          title: localized(locale, entry.listing.title),
        }),
      )
      setChanges((n) => n + 1)
      queuesChanged()
    })
  return (
    <>
      <h1>{t('console.reportedListings')}</h1>
      <p class="lead">{t('console.reports.intro')}</p>
      <Announcement message={announcement} />
      <PagedList
        list={queue}
        empty={t('console.reports.empty')}
        class="moderation-list"
        moreLabel={t('admin.loadMore')}
        item={(entry) => (
          <ReportedItem
            entry={entry}
            busy={busy === entry.listing.id}
            failure={failure?.id === entry.listing.id ? failure.error : undefined}
            deciding={deciding?.id === entry.listing.id ? deciding.decision : null}
            setDeciding={(decision) => setDeciding(decision ? { id: entry.listing.id, decision } : null)}
            decide={(decision, reason) => decide(entry, decision, reason)}
          />
        )}
      />
    </>
  )
}
