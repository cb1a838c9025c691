import type { ListingWithSupplier } from '@market/contracts'
import { useI18n } from '../i18n/i18n.ts'
import { useSession } from '../session/session.ts'
import { BuyForm } from './buy-form.tsx'
import './buy.css'

/**
 * Ordering from a listing: buyers get the form, visitors a way to sign in, other suppliers a word
 * that only buyers order; the owner and administrators see nothing to buy.
 */
export const BuyPanel = ({ listing, unit }: { listing: ListingWithSupplier; unit: string }) => {
  const { t } = useI18n()
  const session = useSession()
  const me = session.me
  if (session.state === 'loading' || me?.id === listing.supplierId || me?.role === 'admin') return null
  if (listing.status !== 'active') return null
  return (
    <section class="card buy-panel" aria-labelledby="buy-title" data-buy>
      <h2 id="buy-title" class="card__title">
        {t('buy.title')}
      </h2>
      {!me ? (
        <>
          <p>{t('buy.signInBody')}</p>
          <a
            href={`/signin?next=${encodeURIComponent(`/listings/${listing.id}`)}`}
            class="button button--primary"
            data-sign-in-to-order
          >
            {t('buy.signIn')}
          </a>
        </>
      ) : me.role !== 'buyer' ? (
        <p data-buyers-only>{t('buy.buyersOnly')}</p>
      ) : listing.stock < listing.moq ? (
        <p data-out-of-stock>{t('buy.outOfStock')}</p>
      ) : (
        <BuyForm listing={listing} unit={unit} />
      )}
    </section>
  )
}
