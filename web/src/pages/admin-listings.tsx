import type { ListingWithSupplier, LocalizedText, ModerationQuery } from '@market/contracts'
import { moderationStatuses } from '@market/contracts/values'
import type { Child } from 'hono/jsx'
import { useState } from 'hono/jsx/dom'
import { api, photoUrl } from '../api/client.ts'
import { usePaged } from '../api/use-paged.ts'
import { useRowAction } from '../api/use-row-action.ts'
import { AdminOnly } from '../components/admin-only.tsx'
import { describeError, FormError } from '../components/form.tsx'
import { PagedView } from '../components/paged-view.tsx'
import { ReasonForm } from '../components/reason-form.tsx'
import { ErrorState, Loading } from '../components/states.tsx'
import { Badge, StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, localized, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { useNames } from '../listings/catalog.ts'
import { ListingPhoto } from '../listings/listing-photo.tsx'
import { formatFen } from '../listings/money.ts'
import { useSearch } from '../router.ts'
import { useRequireSignIn } from '../session/session.ts'

type Tab = ModerationQuery['status']
const tabLabels: Record<Tab, MessageKey> = {
  pending_review: 'moderation.tab.pending',
  active: 'moderation.tab.active',
  suspended: 'moderation.tab.suspended',
  rejected: 'moderation.tab.rejected',
}
type Action = 'approve' | 'reject' | 'suspend' | 'reinstate'
const doneMessages: Record<Action, MessageKey> = {
  approve: 'moderation.approved',
  reject: 'moderation.rejected',
  suspend: 'moderation.suspended',
  reinstate: 'moderation.reinstated',
}

/** All the languages a supplier wrote, so the reviewer reads every one of them. */
const AllLanguages = ({ text }: { text: LocalizedText }) => (
  <div class="all-langs">
    <p lang="zh-CN">{text.zh}</p>
    {text.bo && <p lang="bo">{text.bo}</p>}
    {text.en && <p lang="en">{text.en}</p>}
  </div>
)

const Photos = ({ keys }: { keys: string[] }) => {
  const { t } = useI18n()
  return keys.length === 0 ? (
    <span>{t('moderation.noPhotos')}</span>
  ) : (
    <ul class="thumb-row">
      {keys.map((key, index) => (
        <li>
          <img src={photoUrl(key)} alt={fill(t('listing.photoN'), { n: index + 1 })} width={96} height={72} />
        </li>
      ))}
    </ul>
  )
}

/** Pending edits of an active listing, beside what buyers see now. */
const RevisionTable = ({ listing, category }: { listing: ListingWithSupplier; category: (id: string) => string }) => {
  const { t } = useI18n()
  const revision = listing.revision
  if (!revision) return null
  const rows: { label: MessageKey; current: Child; next: Child }[] = []
  if (revision.title)
    rows.push({
      label: 'moderation.field.title',
      current: <AllLanguages text={listing.title} />,
      next: <AllLanguages text={revision.title} />,
    })
  if (revision.description)
    rows.push({
      label: 'moderation.field.description',
      current: <AllLanguages text={listing.description} />,
      next: <AllLanguages text={revision.description} />,
    })
  if (revision.categoryId)
    rows.push({ label: 'listing.category', current: category(listing.categoryId), next: category(revision.categoryId) })
  if (revision.photos)
    rows.push({ label: 'listingForm.photos', current: <Photos keys={listing.photos} />, next: <Photos keys={revision.photos} /> })
  return (
    <div class="revision" data-revision>
      <p class="revision__title">{t('moderation.revision')}</p>
      <div class="table-wrap table-wrap--stack">
        <table class="table table--stack">
          <thead>
            <tr>
              <th scope="col">{t('moderation.field')}</th>
              <th scope="col">{t('moderation.current')}</th>
              <th scope="col">{t('moderation.proposed')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row">{t(row.label)}</th>
                <td data-label={t('moderation.current')}>{row.current}</td>
                <td data-label={t('moderation.proposed')} class="revision__new">
                  {row.next}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

const ModerationQueue = () => {
  const { t, locale } = useI18n()
  const search = useSearch()
  const requested = new URLSearchParams(search).get('status')
  const tab: Tab = moderationStatuses.find((status) => status === requested) ?? 'pending_review'
  const [changes, setChanges] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  const [reasonFor, setReasonFor] = useState<{ id: string; action: 'reject' | 'suspend' } | null>(null)
  const { busy, failure, run } = useRowAction()
  const names = useNames()
  const queue = usePaged<ListingWithSupplier>(
    async (cursor) =>
      (await api.admin.api.admin.listings.$get({ query: { status: tab, limit: '25', ...(cursor ? { cursor } : {}) } })).json(),
    [tab, changes],
  )

  const act = (listing: ListingWithSupplier, action: Action, reason?: string) =>
    run(listing.id, async () => {
      const route = api.admin.api.admin.listings[':id']
      const param = { id: listing.id }
      if (action === 'approve') await route.approve.$post({ param })
      else if (action === 'reinstate') await route.reinstate.$post({ param })
      else if (action === 'reject') await route.reject.$post({ param, json: { reason: reason ?? '' } })
      else await route.suspend.$post({ param, json: { reason: reason ?? '' } })
      setReasonFor(null)
      setAnnouncement(fill(t(doneMessages[action]), { title: localized(locale, listing.title) }))
      setChanges((n) => n + 1)
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
      <p class="announcement" role="status">
        {announcement}
      </p>
      <PagedView list={queue} empty={t('moderation.empty')}>
        {(queue) => (
          <ul class="moderation-list">
            {queue.items.map((listing) => {
              const unit = names.unit(listing.unit)
              const isRevision = listing.status === 'active' && listing.revision !== undefined
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
                        <dd>{fill(t('market.fromPrice'), { price: formatFen(listing.fromPriceFen), unit })}</dd>
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
                        <button
                          type="button"
                          class="button button--primary button--small"
                          disabled={busy === listing.id}
                          onClick={() => act(listing, 'approve')}
                        >
                          {isRevision ? t('moderation.approveRevision') : t('admin.approve')}
                        </button>
                        <button
                          type="button"
                          class="button button--secondary button--small"
                          aria-expanded={reasonFor?.id === listing.id ? 'true' : 'false'}
                          disabled={busy === listing.id}
                          onClick={() => setReasonFor(reasonFor?.id === listing.id ? null : { id: listing.id, action: 'reject' })}
                        >
                          {isRevision ? t('moderation.rejectRevision') : t('admin.reject')}
                        </button>
                      </>
                    )}
                    {tab === 'active' && (
                      <button
                        type="button"
                        class="button button--secondary button--small"
                        aria-expanded={reasonFor?.id === listing.id ? 'true' : 'false'}
                        disabled={busy === listing.id}
                        onClick={() => setReasonFor(reasonFor?.id === listing.id ? null : { id: listing.id, action: 'suspend' })}
                      >
                        {t('moderation.suspend')}
                      </button>
                    )}
                    {tab === 'suspended' && (
                      <button
                        type="button"
                        class="button button--primary button--small"
                        disabled={busy === listing.id}
                        onClick={() => act(listing, 'reinstate')}
                      >
                        {t('moderation.reinstate')}
                      </button>
                    )}
                  </div>
                  {failure?.id === listing.id && <FormError>{describeError(locale, failure.error)}</FormError>}
                  {reasonFor?.id === listing.id && (
                    <ReasonForm
                      id={`${reasonFor.action}-${listing.id}`}
                      label={t(reasonFor.action === 'reject' ? 'admin.rejectReason' : 'moderation.suspendReason')}
                      confirm={t(reasonFor.action === 'reject' ? 'admin.confirmReject' : 'moderation.confirmSuspend')}
                      busy={busy === listing.id}
                      onConfirm={(reason) => act(listing, reasonFor.action, reason)}
                      onCancel={() => setReasonFor(null)}
                    />
                  )}
                </li>
              )
            })}
          </ul>
        )}
      </PagedView>
      {queue.state === 'ready' && queue.hasMore && (
        <button type="button" class="button button--secondary load-more" disabled={queue.loadingMore} onClick={queue.loadMore}>
          {queue.loadingMore ? t('state.loading') : t('admin.loadMore')}
        </button>
      )}
      {queue.state === 'ready' && queue.moreError !== null && <ErrorState error={queue.moreError} />}
    </>
  )
}

export const AdminListingsPage = () => {
  const { me } = useRequireSignIn()
  if (!me) return <Loading />
  if (me.role !== 'admin') return <AdminOnly />
  return <ModerationQueue />
}
