import type { Listing } from '@market/contracts'
import { useState } from 'hono/jsx/dom'
import { ApiError, api } from '../api/client.ts'
import { usePaged } from '../api/use-paged.ts'
import { useRowAction } from '../api/use-row-action.ts'
import { describeError, FormError } from '../components/form.tsx'
import { LoadMore } from '../components/load-more.tsx'
import { PagedView } from '../components/paged-view.tsx'
import { Loading } from '../components/states.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, localized, useI18n } from '../i18n/i18n.ts'
import { useNames } from '../listings/catalog.ts'
import { ListingPhoto } from '../listings/listing-photo.tsx'
import { formatFen } from '../listings/money.ts'
import { useSearch } from '../router.ts'
import { useRequireSignIn } from '../session/session.ts'

/** Only a supplier has listings; anyone else is told so rather than shown an empty page. */
export const SupplierOnly = () => {
  const { t } = useI18n()
  return (
    <div class="state state--empty" data-state="not-allowed">
      <h1>{t('supplier.notAllowed.title')}</h1>
      <p>{t('supplier.notAllowed.body')}</p>
      <a href="/market" class="button button--primary">
        {t('nav.market')}
      </a>
    </div>
  )
}

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

const OwnListings = () => {
  const { t, locale } = useI18n()
  const [changes, setChanges] = useState(0)
  // Arriving from the form (?saved=id): say that it was saved and what comes next.
  const saved = new URLSearchParams(useSearch()).get('saved')
  const [announcement, setAnnouncement] = useState(saved ? t('supplier.saved') : '')
  const { busy, failure, run } = useRowAction()
  const [archiving, setArchiving] = useState<string | null>(null)
  const names = useNames()
  const listings = usePaged<Listing>(
    async (cursor) =>
      (await api.listings.api.suppliers.me.listings.$get({ query: { limit: '25', ...(cursor ? { cursor } : {}) } })).json(),
    [changes],
  )

  const act = (listing: Listing, action: 'submit' | 'archive') =>
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

  return (
    <>
      <div class="page-head">
        <h1>{t('supplier.listings.title')}</h1>
        <a href="/supplier/listings/new" class="button button--primary">
          {t('supplier.new')}
        </a>
      </div>
      <p class="announcement" role="status">
        {announcement}
      </p>
      <PagedView
        list={listings}
        empty={
          <>
            <p>{t('supplier.listings.empty')}</p>
            <a href="/supplier/listings/new" class="button button--primary">
              {t('supplier.new')}
            </a>
          </>
        }
      >
        {(listings) => (
          <>
            <ul class="own-listings">
              {listings.items.map((listing) => {
                const title = localized(locale, listing.title)
                const unit = names.unit(listing.unit)
                return (
                  <li class="own-listing" data-own-listing={listing.id}>
                    <div class="own-listing__photo">
                      <ListingPhoto photo={listing.photos[0]} label={names.category(listing.categoryId)} />
                    </div>
                    <div class="own-listing__body">
                      <h2 class="own-listing__title">
                        <a href={`/listings/${listing.id}`}>{title}</a>
                      </h2>
                      <p class="own-listing__meta">
                        <StatusBadge kind="listing" status={listing.status} /> {names.category(listing.categoryId)} ·{' '}
                        {fill(t('market.fromPrice'), { price: formatFen(listing.fromPriceFen), unit })} ·{' '}
                        {fill(t('supplier.stock'), { n: listing.stock, unit })}
                      </p>
                      <p class="own-listing__meta">
                        {fill(t('supplier.updatedAt'), { at: formatDateTime(locale, listing.updatedAt) })}
                      </p>
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
                          <button
                            type="button"
                            class="button button--primary button--small"
                            disabled={busy === listing.id}
                            onClick={() => act(listing, 'submit')}
                          >
                            {t('supplier.submit')}
                          </button>
                        )}
                        {listing.status !== 'archived' && (
                          <button
                            type="button"
                            class="button button--secondary button--small"
                            aria-expanded={archiving === listing.id ? 'true' : 'false'}
                            disabled={busy === listing.id}
                            onClick={() => setArchiving(archiving === listing.id ? null : listing.id)}
                          >
                            {t('supplier.archive')}
                          </button>
                        )}
                      </div>
                      {archiving === listing.id && (
                        <div class="confirm">
                          <p>{t('supplier.archive.confirmBody')}</p>
                          <div class="button-row">
                            <button
                              type="button"
                              class="button button--danger button--small"
                              disabled={busy === listing.id}
                              onClick={() => act(listing, 'archive')}
                            >
                              {t('supplier.archive.confirm')}
                            </button>
                            <button
                              type="button"
                              class="button button--secondary button--small"
                              onClick={() => setArchiving(null)}
                            >
                              {t('admin.cancel')}
                            </button>
                          </div>
                        </div>
                      )}
                      {failure?.id === listing.id && <ActionError error={failure.error} />}
                    </div>
                  </li>
                )
              })}
            </ul>
            <LoadMore list={listings} label={t('market.loadMore')} />
          </>
        )}
      </PagedView>
    </>
  )
}

export const SupplierListingsPage = () => {
  const { me } = useRequireSignIn()
  if (!me) return <Loading />
  if (me.role !== 'supplier') return <SupplierOnly />
  return <OwnListings />
}
