import type { CategoriesResponse, SupplierCard } from '@market/contracts'
import { Badge } from '../components/status-badge.tsx'
import { localized, useI18n } from '../i18n/i18n.ts'

/** Photo keys are served from the site's own origin (the bucket behind CloudFront, or the local store). */
export const photoUrl = (key: string) => `/${key}`

/** A verified supplier says so in words, not only with a tick. */
export const VerifiedMark = ({ verified }: { verified: boolean }) => {
  const { t } = useI18n()
  return verified ? (
    <Badge tone="success" data-verified>
      {t('verification.verified')}
    </Badge>
  ) : null
}

export const SupplierLine = ({ supplier }: { supplier: SupplierCard }) => (
  <span class="supplier-line">
    <span class="supplier-line__company">{supplier.company}</span> <VerifiedMark verified={supplier.verified} />
  </span>
)

type Catalog = CategoriesResponse | undefined

/** Names from the taxonomy in the reader's language; the raw id until the taxonomy has loaded. */
export const useNames = (catalog: Catalog) => {
  const { locale } = useI18n()
  return {
    category: (id: string) => {
      const found = catalog?.categories.find((category) => category.id === id)
      return found ? localized(locale, found.name) : id
    },
    unit: (id: string) => {
      const found = catalog?.units.find((unit) => unit.id === id)
      return found ? localized(locale, found.name) : id
    },
  }
}

/** A listing's photo, or a woven placeholder naming the category when there is none. */
export const ListingPhoto = ({ photo, label, alt = '' }: { photo?: string | undefined; label: string; alt?: string }) =>
  photo ? (
    <img class="listing-photo" src={photoUrl(photo)} alt={alt} loading="lazy" width={480} height={360} />
  ) : (
    <div class="listing-photo listing-photo--none" aria-hidden="true">
      <span>{label}</span>
    </div>
  )
