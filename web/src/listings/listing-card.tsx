import type { ListingCard } from '@market/contracts'
import { LocalizedTextView } from '../components/localized-text.tsx'
import { fill, localized, useI18n } from '../i18n/i18n.ts'
import { formatQuantity } from '../i18n/quantity.ts'
import { ListingPhoto } from './listing-photo.tsx'
import { formatFenRange } from './money.ts'
import { SupplierLine } from './supplier-line.tsx'
import './listing-card.css'

/** A listing in the market's grid: photo, title (the link), its price range from the top tier to the MOQ's, MOQ, stock and origin, and its supplier. */
export const ListingCardView = ({ card, unitName }: { card: ListingCard; unitName: string }) => {
  const { t, locale } = useI18n()
  return (
    <li class="listing-card" data-listing={card.id}>
      <ListingPhoto photo={card.photo} label={localized(locale, card.title)} />
      <div class="listing-card__body">
        <h3 class="listing-card__title">
          <a href={`/listings/${card.id}`} class="listing-card__link">
            <LocalizedTextView text={card.title} />
          </a>
        </h3>
        <p class="listing-card__price" data-price-range>
          {fill(t('market.priceRange'), { range: formatFenRange(card.fromPriceFen, card.moqPriceFen), unit: unitName })}
        </p>
        <p class="listing-card__meta">
          <span data-moq>{fill(t('market.moqOf'), { quantity: formatQuantity(locale, card.moq, card.unit) })}</span>
          {' · '}
          {card.inStock ? (
            <span data-stock>{fill(t('market.stockOf'), { quantity: formatQuantity(locale, card.stock, card.unit) })}</span>
          ) : (
            t('market.outOfStock')
          )}
          {card.origin && <> · {fill(t('market.origin'), { origin: card.origin })}</>}
        </p>
        <SupplierLine supplier={card.supplier} />
      </div>
    </li>
  )
}
