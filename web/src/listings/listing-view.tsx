import { priceRangeFen } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { api, photoUrl } from '../api/client.ts'
import type { ListingDetail } from '../api/types.ts'
import { LanguageTag, LocalizedTextView } from '../components/localized-text.tsx'
import { ReportBox } from '../components/report-box.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { fill, formatDateTime, localized, useI18n } from '../i18n/i18n.ts'
import { formatQuantity } from '../i18n/quantity.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { BuyPanel } from '../orders/buy-panel.tsx'
import { RatingSummary } from '../ratings/stars.tsx'
import { SupplierLink } from '../ratings/supplier-link.tsx'
import { useSession } from '../session/session.ts'
import { craftLabel, useNames } from './catalog.ts'
import { ListingPhoto } from './listing-photo.tsx'
import { formatFen, formatFenRange } from './money.ts'
import { VerifiedMark } from './supplier-line.tsx'
import { tierRange } from './tiers.ts'
import './listing-view.css'

/** Text with Chinese characters in it. */
const hanText = /\p{Script=Han}/u

/** The listing's photos: one large, the others as buttons that show them. */
const Gallery = ({ photos, title }: { photos: string[]; title: string }) => {
  const { t } = useI18n()
  const [current, setCurrent] = useState(0)
  const shown = photos[current] ?? photos[0]
  return (
    <div class="gallery">
      <div class="gallery__main">
        <ListingPhoto photo={shown} label={title} alt={title} />
      </div>
      {photos.length > 1 && (
        <ul class="gallery__thumbs">
          {photos.map((photo, index) => (
            <li>
              <button
                type="button"
                class="gallery__thumb"
                aria-pressed={index === current ? 'true' : 'false'}
                aria-label={fill(t('listing.photoN'), { n: index + 1 })}
                onClick={() => setCurrent(index)}
              >
                <img src={photoUrl(photo)} alt="" width={96} height={72} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** A listing as buyers read it, with its owner's (or an administrator's) status panel and the way to order. */
export const ListingView = ({ listing }: { listing: ListingDetail }) => {
  const { t, locale } = useI18n()
  const { me } = useSession()
  const names = useNames()
  const title = localized(locale, listing.title)
  const unit = names.unit(listing.unit)
  const { lowFen, highFen } = priceRangeFen(listing.priceTiers, listing.moq)
  const own = me?.id === listing.supplierId
  const specs = listing.specs
  // Only the specs the supplier gave, in a fixed order.
  const allSpecs: [MessageKey, string | undefined][] = [
    ['listing.category', names.category(listing.categoryId)],
    ['spec.composition', specs.composition],
    ['spec.widthCm', specs.widthCm ? fill(t('spec.widthCm.value'), { n: specs.widthCm }) : undefined],
    ['spec.weightGsm', specs.weightGsm ? fill(t('spec.weightGsm.value'), { n: specs.weightGsm }) : undefined],
    ['spec.color', specs.color],
    ['spec.origin', specs.origin],
    ['spec.craft', specs.craft?.length ? specs.craft.map((craft) => t(craftLabel(craft))).join('、') : undefined],
  ]
  const freeTextSpecs = new Set<MessageKey>(['spec.composition', 'spec.color', 'spec.origin'])
  const specRows = allSpecs.filter((row): row is [MessageKey, string] => Boolean(row[1]))
  return (
    <article class="listing-page" data-listing={listing.id}>
      {(own || me?.role === 'admin') && (
        <div class="owner-panel notice" data-owner-panel>
          <p class="owner-panel__status">
            <span>{t('listing.owner.status')}</span> <StatusBadge kind="listing" status={listing.status} />
          </p>
          {listing.revision && <p data-notice="revision">{t('listing.owner.revisionPending')}</p>}
          {listing.moderationReason && (
            <p data-notice="reason">
              <strong>{t('listing.owner.reason')}</strong> {listing.moderationReason}
            </p>
          )}
          {own && listing.status !== 'archived' && listing.status !== 'suspended' && (
            <a href={`/supplier/listings/${listing.id}/edit`} class="button button--secondary button--small">
              {t('supplier.edit')}
            </a>
          )}
        </div>
      )}
      <div class="listing-page__top">
        <Gallery photos={listing.photos} title={title} />
        <div class="listing-page__summary">
          <h1>
            <LocalizedTextView text={listing.title} />
          </h1>
          <p class="listing-page__price" data-price-range>
            {fill(t('market.priceRange'), { range: formatFenRange(lowFen, highFen), unit })}
          </p>
          <dl class="details details--compact">
            <dt>{t('listing.moq')}</dt>
            <dd>{formatQuantity(locale, listing.moq, listing.unit)}</dd>
            <dt>{t('listing.stock')}</dt>
            <dd>{listing.stock > 0 ? formatQuantity(locale, listing.stock, listing.unit) : t('market.outOfStock')}</dd>
            <dt>{t('listing.leadTime')}</dt>
            <dd>{fill(t('listing.leadTime.value'), { n: listing.leadTimeDays })}</dd>
            {listing.sample && (
              <>
                <dt>{t('listing.sample')}</dt>
                <dd data-listing-sample>
                  {formatFen(listing.sample.priceFen)} · <LocalizedTextView text={listing.sample.description} />
                </dd>
              </>
            )}
            {listing.listedAt && (
              <>
                <dt>{t('listing.listedAt')}</dt>
                <dd>{formatDateTime(locale, listing.listedAt)}</dd>
              </>
            )}
          </dl>
          <section class="card supplier-card" aria-labelledby="supplier-title">
            <h2 id="supplier-title" class="card__title">
              {t('listing.supplier')}
            </h2>
            <p class="supplier-card__company">
              <SupplierLink id={listing.supplier.id} company={listing.supplier.company} />{' '}
              <VerifiedMark verified={listing.supplier.verified} />
            </p>
            <p class="supplier-card__meta">
              <RatingSummary rating={listing.supplier.rating} />
            </p>
            <p class="supplier-card__meta">{listing.supplier.name}</p>
            {listing.supplier.stall && (
              <p class="supplier-card__meta">{fill(t('listing.stall'), { stall: listing.supplier.stall })}</p>
            )}
          </section>
          <BuyPanel listing={listing} unit={unit} />
          {!own && me?.role !== 'admin' && listing.status === 'active' && (
            <ReportBox
              id={`report-${listing.id}`}
              reasonLabel="listing.report.reason"
              send={(reason) => api.listings.api.listings[':id'].report.$post({ param: { id: listing.id }, json: { reason } })}
            />
          )}
        </div>
      </div>

      <section class="section" aria-labelledby="tiers-title">
        <h2 id="tiers-title">{t('listing.tiers')}</h2>
        <div class="table-wrap">
          <table class="table" data-tiers>
            <thead>
              <tr>
                <th scope="col">{t('listing.tiers.qty')}</th>
                <th scope="col">{t('listing.tiers.price')}</th>
              </tr>
            </thead>
            <tbody>
              {listing.priceTiers.map((tier, index) => (
                <tr>
                  <td>{tierRange(locale, listing.priceTiers, index, unit)}</td>
                  <td class="numeric">{fill(t('listing.tiers.perUnit'), { price: formatFen(tier.unitPriceFen), unit })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section class="section" aria-labelledby="specs-title">
        <h2 id="specs-title">{t('listing.specs')}</h2>
        <dl class="details">
          {specRows.map(([label, value]) => (
            <>
              <dt>{t(label)}</dt>
              {/* Specs are typed by the supplier, mostly in Chinese: marked as such for other readers. */}
              {freeTextSpecs.has(label) && locale !== 'zh-CN' && hanText.test(value) ? (
                <dd>
                  <span lang="zh-CN">{value}</span> <LanguageTag lang="zh-CN" />
                </dd>
              ) : (
                <dd>{value}</dd>
              )}
            </>
          ))}
        </dl>
      </section>

      <section class="section" aria-labelledby="description-title">
        <h2 id="description-title">{t('listing.description')}</h2>
        <p class="listing-page__description">
          <LocalizedTextView text={listing.description} />
        </p>
      </section>
      <p>
        <a href="/market">{t('listing.backToMarket')}</a>
      </p>
    </article>
  )
}
