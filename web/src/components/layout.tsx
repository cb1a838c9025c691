import type { AttentionCounts } from '@market/contracts'
import type { Child } from 'hono/jsx'
import { useEffect, useState } from 'hono/jsx/dom'
import { fill, type Locale, localeNames, locales, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { NotificationBell } from '../notifications/bell.tsx'
import { useAttention } from '../session/attention.ts'
import { type Session, useSession } from '../session/session.ts'
import { NavCount } from './nav-count.tsx'
import './layout.css'

type NavItem = {
  path: string
  label: MessageKey
  /** What waits behind the item, for its badge. */
  count?: (counts: AttentionCounts) => number
}

const orderCount = (counts: AttentionCounts) => counts.orders
const messageCount = (counts: AttentionCounts) => counts.messages
/** Buyers' and suppliers' message threads, with their unread messages. */
const inboxItem: NavItem = { path: '/inbox', label: 'nav.inbox', count: messageCount }
const inboxTab: NavItem = { ...inboxItem, label: 'tab.inbox' }
const adminCounts = {
  listings: (counts: AttentionCounts) => counts.admin?.listings ?? 0,
  orders: (counts: AttentionCounts) => (counts.admin?.flaggedOrders ?? 0) + (counts.admin?.disputes ?? 0),
  ratings: (counts: AttentionCounts) => counts.admin?.ratings ?? 0,
  verifications: (counts: AttentionCounts) => counts.admin?.verifications ?? 0,
}

/** What the navigation offers depends on who is signed in. */
const navItemsFor = (me: Session['me']): NavItem[] => [
  { path: '/', label: 'nav.home' },
  { path: '/market', label: 'nav.market' },
  ...(me?.role === 'buyer' ? [{ path: '/rfqs', label: 'nav.rfqs' } as const] : []),
  ...(me?.role === 'supplier' ? [{ path: '/rfqs/feed', label: 'nav.rfqFeed' } as const] : []),
  ...(me?.role === 'supplier' ? [{ path: '/bids', label: 'nav.myBids' } as const] : []),
  ...(me?.role === 'supplier' ? [{ path: '/supplier/listings', label: 'nav.myListings' } as const] : []),
  ...(me?.role === 'supplier' ? [{ path: '/supplier/reviews', label: 'nav.myReviews' } as const] : []),
  ...(me?.role === 'buyer' || me?.role === 'supplier'
    ? [{ path: '/orders', label: 'nav.orders', count: orderCount } as const, inboxItem]
    : []),
  ...(me?.role === 'admin' ? [{ path: '/admin/listings', label: 'nav.moderation', count: adminCounts.listings } as const] : []),
  ...(me?.role === 'admin' ? [{ path: '/admin/orders', label: 'nav.adminOrders', count: adminCounts.orders } as const] : []),
  ...(me?.role === 'admin' ? [{ path: '/admin/ratings', label: 'nav.ratingReports', count: adminCounts.ratings } as const] : []),
  { path: '/materials', label: 'nav.materials' },
  ...(me ? [{ path: '/account', label: 'nav.account' } as const] : []),
  ...(me?.role === 'admin' ? [{ path: '/admin', label: 'nav.admin', count: adminCounts.verifications } as const] : []),
]

const notificationsTab: NavItem = { path: '/notifications', label: 'tab.notifications', count: (counts) => counts.notifications }

/**
 * The phone's bottom tab bar: the places each role goes to most (buyers and suppliers: their messages too), then 我的 (mine) with the
 * rest. Visitors get the market's public pages.
 */
const tabsFor = (me: Session['me']): NavItem[] => {
  if (me?.role === 'buyer')
    return [
      { path: '/market', label: 'nav.market' },
      { path: '/rfqs', label: 'nav.rfqs' },
      { path: '/orders', label: 'tab.orders', count: orderCount },
      inboxTab,
      notificationsTab,
    ]
  if (me?.role === 'supplier')
    return [
      { path: '/rfqs/feed', label: 'nav.rfqFeed' },
      { path: '/supplier/listings', label: 'nav.myListings' },
      { path: '/orders', label: 'tab.orders', count: orderCount },
      inboxTab,
      notificationsTab,
    ]
  if (me?.role === 'admin')
    return [
      { path: '/admin/listings', label: 'nav.moderation', count: adminCounts.listings },
      { path: '/admin/orders', label: 'nav.adminOrders', count: adminCounts.orders },
      { path: '/admin/ratings', label: 'nav.ratingReports', count: adminCounts.ratings },
      notificationsTab,
    ]
  return [
    { path: '/', label: 'nav.home' },
    { path: '/market', label: 'nav.market' },
    { path: '/materials', label: 'nav.materials' },
  ]
}

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

/** A navigation link with its count badge; `aria-current` marks the page the reader is on. */
const NavLink = ({
  item,
  current,
  counts,
  class: className,
  description,
}: {
  item: NavItem
  current?: string
  counts: AttentionCounts
  class: string
  /** What the link leads to, said beyond its label (the inbox's unread count): its description, not its name. */
  description?: string
}) => {
  const { t } = useI18n()
  const descriptionId = description ? `${className}-${item.path.replaceAll('/', '-')}-about` : undefined
  return (
    <a
      href={item.path}
      class={className}
      aria-current={item.path === current ? 'page' : undefined}
      aria-describedby={descriptionId}
    >
      <span class={`${className}-label`}>{t(item.label)}</span>
      {item.count && <NavCount n={item.count(counts)} />}
      {description && (
        <span class="visually-hidden" id={descriptionId}>
          {description}
        </span>
      )}
    </a>
  )
}

/**
 * The phone's navigation: a tab bar at the bottom (thumb's reach, always visible) whose last tab,
 * 我的, opens a sheet with every other place, the account, signing out and the language.
 */
const TabBar = ({ path, items, counts }: { path: string; items: NavItem[]; counts: AttentionCounts }) => {
  const { t } = useI18n()
  const { me } = useSession()
  const [open, setOpen] = useState(false)
  const tabs = tabsFor(me)
  const rest = items.filter((item) => !tabs.some((tab) => tab.path === item.path))
  const current = currentItem([...tabs, ...rest], path)
  const inSheet = rest.some((item) => item.path === current)
  // As the header's bell does, the inbox tab says its unread count to a screen reader.
  const inboxDescription =
    counts.notifications > 0 ? fill(t('notifications.bell.unread'), { n: counts.notifications }) : undefined
  const messagesDescription = counts.messages > 0 ? fill(t('inbox.unreadTotal'), { n: counts.messages }) : undefined
  // A tap on a link in the sheet leaves the page: the sheet closes with it.
  useEffect(() => setOpen(false), [path])
  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false)
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [open])
  return (
    <>
      {open && (
        <div class="me-sheet" id="me-sheet" role="dialog" aria-label={t('tab.me')}>
          <button type="button" class="me-sheet__backdrop" aria-label={t('tab.close')} onClick={() => setOpen(false)} />
          <div class="me-sheet__panel">
            {rest.length > 0 && (
              <nav class="me-sheet__nav" aria-label={t('nav.more')}>
                {rest.map((item) => (
                  <NavLink item={item} current={current} counts={counts} class="me-sheet__link" />
                ))}
              </nav>
            )}
            <AccountMenu />
            <LanguageSwitcher />
          </div>
        </div>
      )}
      <nav class="tab-bar" aria-label={t('nav.tabs')}>
        {tabs.map((item) => (
          <NavLink
            item={item}
            current={current}
            counts={counts}
            class="tab-bar__item"
            description={item === notificationsTab ? inboxDescription : item === inboxTab ? messagesDescription : undefined}
          />
        ))}
        <button
          type="button"
          class="tab-bar__item"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls="me-sheet"
          aria-current={inSheet ? 'page' : undefined}
          onClick={() => setOpen(!open)}
        >
          <span class="tab-bar__item-label">{t('tab.me')}</span>
        </button>
      </nav>
    </>
  )
}

export const Layout = ({ path, children }: { path: string; children: Child }) => {
  const { t } = useI18n()
  const { me } = useSession()
  const items = navItemsFor(me)
  const current = currentItem(items, path)
  const counts = useAttention(path)
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
            {me && <NotificationBell path={path} unread={counts.notifications} />}
            <AccountMenu />
          </div>
        </div>
        <nav class="site-nav container" aria-label={t('nav.label')}>
          {items.map((item) => (
            <NavLink item={item} current={current} counts={counts} class="site-nav__link" />
          ))}
        </nav>
      </header>
      <main id="main" class="container main">
        {children}
      </main>
      <footer class="site-footer">
        <div class="container">{t('footer.text')}</div>
      </footer>
      <TabBar path={path} items={items} counts={counts} />
    </div>
  )
}
