import type { Category, Listing, ListingCard, SupplierCard } from '@market/contracts'
import { priceRangeFen } from '@market/contracts/values'
import { badgeKinds, certificationDay } from '../certifications/rules.ts'
import { summaryOf } from '../ratings/scores.ts'
import { indexTerms, searchText } from '../search/terms.ts'
import type { CardCandidate, CardSupplier, SearchDocument, StoredListing } from './ports.ts'

/** Index entries per listing, kept low enough that a text change (old terms out, new in) fits one transaction. */
export const maxIndexTerms = 40
export const allListingsTerm = '*'
export const categoryTerm = (categoryId: string) => `cat:${categoryId}`

/** The price-tier rules are the contracts' own, shared with the web's order form. */
export { fromPriceFen, priceRangeFen, unitPriceFor } from '@market/contracts/values'

export const isSupplierVisible = (supplier: CardSupplier | undefined) =>
  supplier?.status === 'active' && supplier.verificationDetails?.status === 'verified'

/** Buyers see active listings of verified, active suppliers; nothing else. */
export const isPubliclyVisible = ({ listing, supplier }: CardCandidate) =>
  listing.status === 'active' && isSupplierVisible(supplier)

export const normalizeOrigin = (origin: string | undefined) => origin?.normalize('NFKC').trim().toLowerCase() || undefined

/** What the listing is found by: its title in every language, its origin and its category's names. */
export const searchDocument = (
  listing: Pick<Listing, 'title' | 'specs' | 'categoryId'>,
  category: Category | undefined,
): SearchDocument => {
  const { primary, secondary } = indexTerms([
    listing.title.zh,
    listing.title.bo,
    listing.title.en,
    listing.specs.origin,
    category?.name.zh,
    category?.name.bo,
    category?.name.en,
  ])
  const all = [...new Set([...primary, ...secondary])]
  const origin = normalizeOrigin(listing.specs.origin)
  return {
    terms: [allListingsTerm, categoryTerm(listing.categoryId), ...all].slice(0, maxIndexTerms),
    searchText: searchText(all),
    ...(origin ? { origin } : {}),
  }
}

/** The supplier as its cards show it, read live; `now` decides which certifications are still valid. */
export const toSupplierCard = (supplier: CardSupplier | undefined, supplierId: string, now: Date): SupplierCard => ({
  id: supplierId,
  name: supplier?.name ?? '',
  company: supplier?.company.name ?? '',
  verified: supplier?.verificationDetails?.status === 'verified',
  ...(supplier?.verificationDetails?.stall ? { stall: supplier.verificationDetails.stall } : {}),
  // Read live from the supplier's item with the card itself: a new rating shows at once, on every card.
  ...(supplier?.ratingTotals?.count ? { rating: summaryOf(supplier.ratingTotals) } : {}),
  ...certificationsOf(supplier, now),
})

/** The badges, when there are any valid today: an expired one never shows, even before the daily job takes it off. */
const certificationsOf = (supplier: CardSupplier | undefined, now: Date) => {
  const kinds = badgeKinds(supplier?.certifications, certificationDay(now))
  return kinds.length > 0 ? { certifications: kinds } : {}
}

export const toCard = ({ listing, supplier }: CardCandidate, now: Date): ListingCard => ({
  id: listing.id,
  title: listing.title,
  categoryId: listing.categoryId,
  unit: listing.unit,
  fromPriceFen: listing.fromPriceFen,
  moqPriceFen: priceRangeFen(listing.priceTiers, listing.moq).highFen,
  currency: 'CNY',
  moq: listing.moq,
  inStock: listing.stock >= listing.moq,
  stock: listing.stock,
  ...(listing.specs?.origin ? { origin: listing.specs.origin } : {}),
  ...(listing.photos?.[0] ? { photo: listing.photos[0] } : {}),
  listedAt: listing.listedAt ?? listing.createdAt,
  supplier: toSupplierCard(supplier, listing.supplierId, now),
})

/** The listing as its owner and administrators see it: everything but the internal index bookkeeping. */
export const toOwnerView = ({ indexedTerms: _terms, priceVersion: _prices, ...listing }: StoredListing): Listing => listing

/** The listing as buyers see it: the approved version, without moderation notes or pending edits. */
export const toPublicView = (listing: StoredListing): Listing => {
  const { moderationReason: _reason, revision: _revision, ...visible } = toOwnerView(listing)
  return visible
}

/** Fields whose edits on an active listing must be reviewed before buyers see them. */
export const reviewedFields = ['title', 'description', 'categoryId', 'photos'] as const
