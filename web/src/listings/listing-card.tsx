import type { ListingCard } from '@market/contracts'
import { fill, localized, useI18n } from '../i18n/i18n.ts'
import { ListingPhoto } from './listing-photo.tsx'
import { formatFen } from './money.ts'
import { SupplierLine } from './supplier-line.tsx'
import './listing-card.css'

/** A listing in the market's grid: photo, title (the link), price from, MOQ and origin, and its supplier. */
export const ListingCardView = ({ card, unitName }: { card: ListingCard; unitName: string }) => {
  const { t, locale } = useI18n()
  return (
    <li class="listing-card" data-listing={card.id}>
      <ListingPhoto photo={card.photo} label={localized(locale, card.title)} />
      <div class="listing-card__body">
        <h3 class="listing-card__title">
          <a href={`/listings/${card.id}`} class="listing-card__link">
            {localized(locale, card.title)}
          </a>
        </h3>
        <p class="listing-card__price">{fill(t('market.fromPrice'), { price: formatFen(card.fromPriceFen), unit: unitName })}</p>
        <p class="listing-card__meta">
          {fill(t('market.moq'), { n: card.moq, unit: unitName })}
          {card.origin && <> · {fill(t('market.origin'), { origin: card.origin })}</>}
          {!card.inStock && <> · {t('market.outOfStock')}</>}
        </p>
        <SupplierLine supplier={card.supplier} />
      </div>
    </li>
  )
}
