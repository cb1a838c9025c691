import type { Child } from 'hono/jsx'
import { useState } from 'hono/jsx/dom'
import { type Locale, localeNames, locales, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { NotificationBell } from '../notifications/bell.tsx'
import { type Session, useSession } from '../session/session.ts'
import './layout.css'

type NavItem = { path: string; label: MessageKey }

/** What the navigation offers depends on who is signed in. */
const navItemsFor = (me: Session['me']): NavItem[] => [
  { path: '/', label: 'nav.home' },
  { path: '/market', label: 'nav.market' },
  ...(me?.role === 'buyer' ? [{ path: '/rfqs', label: 'nav.rfqs' } as const] : []),
  ...(me?.role === 'supplier' ? [{ path: '/rfqs/feed', label: 'nav.rfqFeed' } as const] : []),
  ...(me?.role === 'supplier' ? [{ path: '/bids', label: 'nav.myBids' } as const] : []),
  ...(me?.role === 'supplier' ? [{ path: '/supplier/listings', label: 'nav.myListings' } as const] : []),
  ...(me?.role === 'supplier' ? [{ path: '/supplier/reviews', label: 'nav.myReviews' } as const] : []),
  ...(me?.role === 'buyer' || me?.role === 'supplier' ? [{ path: '/orders', label: 'nav.orders' } as const] : []),
  ...(me?.role === 'admin' ? [{ path: '/admin/listings', label: 'nav.moderation' } as const] : []),
  ...(me?.role === 'admin' ? [{ path: '/admin/orders', label: 'nav.adminOrders' } as const] : []),
  ...(me?.role === 'admin' ? [{ path: '/admin/ratings', label: 'nav.ratingReports' } as const] : []),
  { path: '/materials', label: 'nav.materials' },
  ...(me ? [{ path: '/account', label: 'nav.account' } as const] : []),
  ...(me?.role === 'admin' ? [{ path: '/admin', label: 'nav.admin' } as const] : []),
]

/** Pages under no item of their own: a listing or a supplier belongs to the market, a request (for a supplier) to the feed. */
const fallbackItem = (items: NavItem[], path: string) => {
  if (path.startsWith('/listings/') || path.startsWith('/suppliers/')) return '/market'
  if (path.startsWith('/rfqs/') && items.some((item) => item.path === '/rfqs/feed')) return '/rfqs/feed'
  return undefined
}

/** The one item a path belongs to: the longest match, so /admin/listings is not also /admin. */
const currentItem = (items: NavItem[], path: string) =>
  items
    .filter((item) => (item.path === '/' ? path === '/' : path === item.path || path.startsWith(`${item.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path ?? fallbackItem(items, path)

const LanguageSwitcher = () => {
  const { locale, setLocale, t } = useI18n()
  return (
    <fieldset class="lang-switch">
      <legend class="visually-hidden">{t('lang.label')}</legend>
      {locales.map((option: Locale) => (
        <button
          type="button"
          lang={option}
          class="lang-switch__option"
          aria-pressed={option === locale ? 'true' : 'false'}
          onClick={() => setLocale(option)}
        >
          {localeNames[option]}
        </button>
      ))}
    </fieldset>
  )
}

/** Signed out: sign in / sign up. Signed in: who you are (a link to the account) and sign out. */
const AccountMenu = () => {
  const { t } = useI18n()
  const session = useSession()
  const [leaving, setLeaving] = useState(false)
  // Until /api/me answers, show nothing rather than a "sign in" that may be wrong.
  if (session.state === 'loading') return <div class="account-menu" aria-hidden="true" />
  const me = session.me
  const signOut = async () => {
    setLeaving(true)
    try {
      await session.signOut()
    } finally {
      setLeaving(false)
    }
  }
  return (
    <nav class="account-menu" aria-label={t('account.menu.label')}>
      {me ? (
        <>
          <a href="/account" class="account-menu__user">
            <span class="visually-hidden">{t('account.menu.signedInAs')}</span>
            <span class="account-menu__name">{me.name}</span>
          </a>
          <button type="button" class="button button--secondary button--small" disabled={leaving} onClick={signOut}>
            {leaving ? t('auth.signingOut') : t('auth.signOut')}
          </button>
        </>
      ) : (
        <>
          <a href="/signin" class="account-menu__link">
            {t('auth.signIn')}
          </a>
          <a href="/signup" class="button button--primary button--small">
            {t('auth.signUp')}
          </a>
        </>
      )}
    </nav>
  )
}

export const Layout = ({ path, children }: { path: string; children: Child }) => {
  const { t } = useI18n()
  const { me } = useSession()
  const items = navItemsFor(me)
  const current = currentItem(items, path)
  return (
    <div class="shell">
      <header class="site-header">
        <div class="site-header__bar container">
          <a href="/" class="brand">
            <span class="brand__mark" aria-hidden="true">
              ཚོང
            </span>
            <span class="brand__name">{t('app.name')}</span>
          </a>
          <div class="site-header__tools">
            <LanguageSwitcher />
            {me && <NotificationBell path={path} />}
            <AccountMenu />
          </div>
        </div>
        <nav class="site-nav container" aria-label={t('nav.label')}>
          {items.map((item) => (
            <a href={item.path} class="site-nav__link" aria-current={item.path === current ? 'page' : undefined}>
              {t(item.label)}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" class="container main">
        {children}
      </main>
      <footer class="site-footer">
        <div class="container">{t('footer.text')}</div>
      </footer>
    </div>
  )
}
