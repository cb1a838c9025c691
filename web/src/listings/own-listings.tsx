import { useState } from 'hono/jsx/dom'
import { ApiError, api } from '../api/client.ts'
import type { OwnListing } from '../api/types.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { useRowAction } from '../api/use-row-action.ts'
import { Announcement } from '../components/announcement.tsx'
import { describeError, FormError } from '../components/form.tsx'
import { PageHead } from '../components/page-head.tsx'
import { PagedList } from '../components/paged-view.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, localized, useI18n } from '../i18n/i18n.ts'
import { useSearch } from '../router.ts'
import { useNames } from './catalog.ts'
import { ListingPhoto } from './listing-photo.tsx'
import { formatFen } from './money.ts'
import './own-listings.css'

type Action = 'submit' | 'archive'

/** Why a submit failed: an unverified supplier learns where to get verified. */
const ActionError = ({ error }: { error: unknown }) => {
  const { t, locale } = useI18n()
  if (error instanceof ApiError && error.code === 'supplier.not_verified') {
    return (
      <FormError>
        <p data-error="not-verified">{t('error.supplier.not_verified')}</p>
        <a href="/account">{t('supplier.getVerified')}</a>
      </FormError>
    )
  }
  return <FormError>{describeError(locale, error)}</FormError>
}

/** One own listing: how buyers find it, where it stands, and what it allows next (archiving asks first). */
const OwnListingItem = ({
  listing,
  busy,
  failure,
  archiving,
  setArchiving,
  act,
}: {
  listing: OwnListing
  busy: boolean
  failure: unknown
  archiving: boolean
  setArchiving: (open: boolean) => void
  act: (action: Action) => void
}) => {
  const { t, locale } = useI18n()
  const names = useNames()
  const unit = names.unit(listing.unit)
  return (
    <li class="own-listing" data-own-listing={listing.id}>
      <div class="own-listing__photo">
        <ListingPhoto photo={listing.photos[0]} label={names.category(listing.categoryId)} />
      </div>
      <div class="own-listing__body">
        <h2 class="own-listing__title">
          <a href={`/listings/${listing.id}`}>{localized(locale, listing.title)}</a>
        </h2>
        <p class="own-listing__meta">
          <StatusBadge kind="listing" status={listing.status} /> {names.category(listing.categoryId)} ·{' '}
          {fill(t('market.fromPrice'), { price: formatFen(listing.fromPriceFen), unit })} ·{' '}
          {fill(t('supplier.stock'), { n: listing.stock, unit })}
        </p>
        <p class="own-listing__meta">{fill(t('supplier.updatedAt'), { at: formatDateTime(locale, listing.updatedAt) })}</p>
        {listing.revision && <p class="own-listing__note">{t('listing.owner.revisionPending')}</p>}
        {listing.moderationReason && (
          <p class="own-listing__note own-listing__note--danger">
            <strong>{t('listing.owner.reason')}</strong> {listing.moderationReason}
          </p>
        )}
        <div class="button-row">
          {listing.status !== 'archived' && listing.status !== 'suspended' && (
            <a href={`/supplier/listings/${listing.id}/edit`} class="button button--secondary button--small">
              {t('supplier.edit')}
            </a>
          )}
          {(listing.status === 'draft' || listing.status === 'rejected') && (
            <button type="button" class="button button--primary button--small" disabled={busy} onClick={() => act('submit')}>
              {t('supplier.submit')}
            </button>
          )}
          {listing.status !== 'archived' && (
            <button
              type="button"
              class="button button--secondary button--small"
              aria-expanded={archiving ? 'true' : 'false'}
              disabled={busy}
              onClick={() => setArchiving(!archiving)}
            >
              {t('supplier.archive')}
            </button>
          )}
        </div>
        {archiving && (
          <div class="confirm">
            <p>{t('supplier.archive.confirmBody')}</p>
            <div class="button-row">
              <button type="button" class="button button--danger button--small" disabled={busy} onClick={() => act('archive')}>
                {t('supplier.archive.confirm')}
              </button>
              <button type="button" class="button button--secondary button--small" onClick={() => setArchiving(false)}>
                {t('admin.cancel')}
              </button>
            </div>
          </div>
        )}
        {failure !== undefined && <ActionError error={failure} />}
      </div>
    </li>
  )
}

/** A supplier's own listings in every status, newest change first, and the way to add one. */
export const OwnListings = () => {
  const { t, locale } = useI18n()
  const [changes, setChanges] = useState(0)
  // Arriving from the form (?saved=id): say that it was saved and what comes next.
  const saved = new URLSearchParams(useSearch()).get('saved')
  const [announcement, setAnnouncement] = useState(saved ? t('supplier.saved') : '')
  const { busy, failure, run } = useRowAction()
  const [archiving, setArchiving] = useState<string | null>(null)
  const listings = usePaged(
    async (cursor) => (await api.listings.api.suppliers.me.listings.$get({ query: pageQuery(25, cursor) })).json(),
    [changes],
  )

  const act = (listing: OwnListing, action: Action) =>
    run(listing.id, async () => {
      const route = api.listings.api.listings[':id']
      if (action === 'submit') await route.submit.$post({ param: { id: listing.id } })
      else await route.archive.$post({ param: { id: listing.id } })
      setArchiving(null)
      setAnnouncement(
        fill(t(action === 'submit' ? 'supplier.submitted' : 'supplier.archived'), { title: localized(locale, listing.title) }),
      )
      setChanges((n) => n + 1)
    })

  const addLink = (
    <a href="/supplier/listings/new" class="button button--primary">
      {t('supplier.new')}
    </a>
  )
  return (
    <>
      <PageHead title={t('supplier.listings.title')}>
        <div class="button-row">
          <a href="/supplier/listings/import" class="button button--secondary">
            {t('bulk.link')}
          </a>
          {addLink}
        </div>
      </PageHead>
      <Announcement message={announcement} />
      <PagedList
        list={listings}
        empty={
          <>
            <p>{t('supplier.listings.empty')}</p>
            {addLink}
          </>
        }
        class="own-listings"
        moreLabel={t('market.loadMore')}
        item={(listing) => (
          <OwnListingItem
            listing={listing}
            busy={busy === listing.id}
            failure={failure?.id === listing.id ? failure.error : undefined}
            archiving={archiving === listing.id}
            setArchiving={(open) => setArchiving(open ? listing.id : null)}
            act={(action) => act(listing, action)}
          />
        )}
      />
    </>
  )
}
