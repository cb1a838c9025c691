import type { ModerationQuery } from '@market/contracts'
import { moderationStatuses } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import type { ListingForReview } from '../api/types.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { useRowAction } from '../api/use-row-action.ts'
import { Announcement } from '../components/announcement.tsx'
import { describeError, FormError } from '../components/form.tsx'
import { PagedList } from '../components/paged-view.tsx'
import { ReasonForm } from '../components/reason-form.tsx'
import { Badge, StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, localized, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { useNames } from '../listings/catalog.ts'
import { ListingPhoto } from '../listings/listing-photo.tsx'
import { formatFen } from '../listings/money.ts'
import { useSearch } from '../router.ts'
import { queuesChanged } from './console-layout.tsx'
import { AllLanguages, Photos, RevisionTable } from './listing-review.tsx'
import './moderation.css'

type Tab = ModerationQuery['status']
type Action = 'approve' | 'reject' | 'suspend' | 'reinstate'
type ReasonFor = { id: string; action: 'reject' | 'suspend' }

const tabLabels: Record<Tab, MessageKey> = {
  pending_review: 'moderation.tab.pending',
  active: 'moderation.tab.active',
  suspended: 'moderation.tab.suspended',
  rejected: 'moderation.tab.rejected',
}
const doneMessages: Record<Action, MessageKey> = {
  approve: 'moderation.approved',
  reject: 'moderation.rejected',
  suspend: 'moderation.suspended',
  reinstate: 'moderation.reinstated',
}

/** One listing under review: a summary, every language written, pending edits beside the live text, and the decisions its tab allows. */
const ModerationItem = ({
  listing,
  tab,
  busy,
  failure,
  reasonFor,
  setReasonFor,
  act,
}: {
  listing: ListingForReview
  tab: Tab
  busy: boolean
  failure: unknown
  reasonFor: ReasonFor['action'] | null
  setReasonFor: (action: ReasonFor['action'] | null) => void
  act: (action: Action, reason?: string) => void
}) => {
  const { t, locale } = useI18n()
  const names = useNames()
  const isRevision = listing.status === 'active' && listing.revision !== undefined
  const toggle = (action: ReasonFor['action']) => setReasonFor(reasonFor ? null : action)
  return (
    <li class="moderation-item card" data-moderation={listing.id}>
      <div class="moderation-item__head">
        <div class="moderation-item__photo">
          <ListingPhoto photo={listing.photos[0]} label={names.category(listing.categoryId)} />
        </div>
        <div class="moderation-item__summary">
          <h2 class="moderation-item__title">
            <a href={`/listings/${listing.id}`}>{localized(locale, listing.title)}</a>
          </h2>
          <p>
            <StatusBadge kind="listing" status={listing.status} />{' '}
            {isRevision && <Badge tone="warning">{t('moderation.kind.revision')}</Badge>}
          </p>
          <dl class="details details--compact">
            <dt>{t('admin.supplier')}</dt>
            <dd>
              {listing.supplier.company} · {listing.supplier.name}
            </dd>
            <dt>{t('listing.category')}</dt>
            <dd>{names.category(listing.categoryId)}</dd>
            <dt>{t('moderation.price')}</dt>
            <dd>{fill(t('market.fromPrice'), { price: formatFen(listing.fromPriceFen), unit: names.unit(listing.unit) })}</dd>
            <dt>{t('moderation.updatedAt')}</dt>
            <dd>{formatDateTime(locale, listing.revision?.submittedAt ?? listing.updatedAt)}</dd>
            {listing.moderationReason && (
              <>
                <dt>{t('listing.owner.reason')}</dt>
                <dd>{listing.moderationReason}</dd>
              </>
            )}
          </dl>
        </div>
      </div>
      {!isRevision && tab === 'pending_review' && (
        <details class="moderation-item__full">
          <summary>{t('moderation.showText')}</summary>
          <AllLanguages text={listing.title} />
          <AllLanguages text={listing.description} />
          <Photos keys={listing.photos} />
        </details>
      )}
      <RevisionTable listing={listing} category={names.category} />
      <div class="button-row">
        {tab === 'pending_review' && (
          <>
            <button type="button" class="button button--primary button--small" disabled={busy} onClick={() => act('approve')}>
              {isRevision ? t('moderation.approveRevision') : t('admin.approve')}
            </button>
            <button
              type="button"
              class="button button--secondary button--small"
              aria-expanded={reasonFor ? 'true' : 'false'}
              disabled={busy}
              onClick={() => toggle('reject')}
            >
              {isRevision ? t('moderation.rejectRevision') : t('admin.reject')}
            </button>
          </>
        )}
        {tab === 'active' && (
          <button
            type="button"
            class="button button--secondary button--small"
            aria-expanded={reasonFor ? 'true' : 'false'}
            disabled={busy}
            onClick={() => toggle('suspend')}
          >
            {t('moderation.suspend')}
          </button>
        )}
        {tab === 'suspended' && (
          <button type="button" class="button button--primary button--small" disabled={busy} onClick={() => act('reinstate')}>
            {t('moderation.reinstate')}
          </button>
        )}
      </div>
      {failure !== undefined && <FormError>{describeError(locale, failure)}</FormError>}
      {reasonFor && (
        <ReasonForm
          id={`${reasonFor}-${listing.id}`}
          label={t(reasonFor === 'reject' ? 'admin.rejectReason' : 'moderation.suspendReason')}
          confirm={t(reasonFor === 'reject' ? 'admin.confirmReject' : 'moderation.confirmSuspend')}
          busy={busy}
          onConfirm={(reason) => act(reasonFor, reason)}
          onCancel={() => setReasonFor(null)}
        />
      )}
    </li>
  )
}

/** The administrator's listing queues, one tab per status: review what is new or changed, suspend, reinstate. */
export const ModerationQueue = () => {
  const { t, locale } = useI18n()
  const requested = new URLSearchParams(useSearch()).get('status')
  const tab: Tab = moderationStatuses.find((status) => status === requested) ?? 'pending_review'
  const [changes, setChanges] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  const [reasonFor, setReasonFor] = useState<ReasonFor | null>(null)
  const { busy, failure, run } = useRowAction()
  const queue = usePaged(
    async (cursor) => (await api.admin.api.admin.listings.$get({ query: { status: tab, ...pageQuery(25, cursor) } })).json(),
    [tab, changes],
  )

  const act = (listing: ListingForReview, action: Action, reason?: string) =>
    run(listing.id, async () => {
      const route = api.admin.api.admin.listings[':id']
      const param = { id: listing.id }
      if (action === 'approve') await route.approve.$post({ param, json: {} })
      else if (action === 'reinstate') await route.reinstate.$post({ param, json: {} })
      else if (action === 'reject') await route.reject.$post({ param, json: { reason: reason ?? '' } })
      else await route.suspend.$post({ param, json: { reason: reason ?? '' } })
      setReasonFor(null)
      setAnnouncement(fill(t(doneMessages[action]), { title: localized(locale, listing.title) }))
      setChanges((n) => n + 1)
      queuesChanged()
    })

  return (
    <>
      <h1>{t('moderation.title')}</h1>
      <p class="lead">{t('moderation.intro')}</p>
      <nav class="tabs" aria-label={t('moderation.tabs')}>
        {moderationStatuses.map((option) => (
          <a
            href={option === 'pending_review' ? '/admin/listings' : `/admin/listings?status=${option}`}
            class="tabs__tab"
            aria-current={option === tab ? 'page' : undefined}
            onClick={() => setAnnouncement('')}
          >
            {t(tabLabels[option])}
          </a>
        ))}
      </nav>
      <Announcement message={announcement} />
      <PagedList
        list={queue}
        empty={t('moderation.empty')}
        class="moderation-list"
        moreLabel={t('admin.loadMore')}
        item={(listing) => (
          <ModerationItem
            listing={listing}
            tab={tab}
            busy={busy === listing.id}
            failure={failure?.id === listing.id ? failure.error : undefined}
            reasonFor={reasonFor?.id === listing.id ? reasonFor.action : null}
            setReasonFor={(action) => setReasonFor(action ? { id: listing.id, action } : null)}
            act={(action, reason) => act(listing, action, reason)}
          />
        )}
      />
    </>
  )
}
