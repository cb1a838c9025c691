import type { Child } from 'hono/jsx'
import { useEffect, useMemo, useState } from 'hono/jsx/dom'
import { Layout } from './components/layout.tsx'
import { applyLocale, type I18n, I18nContext, initialLocale, type Locale, translate } from './i18n/i18n.ts'
import { AccountPage } from './pages/account.tsx'
import { AdminPage } from './pages/admin.tsx'
import { AdminListingsPage } from './pages/admin-listings.tsx'
import { AdminMetricsPage } from './pages/admin-metrics.tsx'
import { AdminOrdersPage } from './pages/admin-orders.tsx'
import { AdminRatingsPage } from './pages/admin-ratings.tsx'
import { MyBidsPage } from './pages/bids.tsx'
import { EditListingPage } from './pages/edit-listing.tsx'
import { HomePage } from './pages/home.tsx'
import { ListingPage } from './pages/listing.tsx'
import { MarketPage } from './pages/market.tsx'
import { MaterialsPage } from './pages/materials.tsx'
import { NewListingPage } from './pages/new-listing.tsx'
import { NotFoundPage } from './pages/not-found.tsx'
import { NotificationsPage } from './pages/notifications.tsx'
import { OrderPage } from './pages/order.tsx'
import { OrdersPage } from './pages/orders.tsx'
import { RfqPage } from './pages/rfq.tsx'
import { RfqFeedPage } from './pages/rfq-feed.tsx'
import { NewRfqPage } from './pages/rfq-form.tsx'
import { MyRfqsPage } from './pages/rfqs.tsx'
import { SignInPage } from './pages/signin.tsx'
import { SignUpPage } from './pages/signup.tsx'
import { SupplierPage } from './pages/supplier.tsx'
import { SupplierListingsPage } from './pages/supplier-listings.tsx'
import { SupplierReviewsPage } from './pages/supplier-reviews.tsx'
import { matchPath, onLinkClick, SearchContext, useLocationState } from './router.ts'
import { SessionContext, useSessionState } from './session/session.ts'

/** Routes in the order they are tried; later issues add their pages here. */
const routes: { pattern: string; render: (params: Record<string, string>) => Child }[] = [
  { pattern: '/', render: () => <HomePage /> },
  { pattern: '/materials', render: () => <MaterialsPage /> },
  { pattern: '/signup', render: () => <SignUpPage /> },
  { pattern: '/signin', render: () => <SignInPage /> },
  { pattern: '/account', render: () => <AccountPage /> },
  { pattern: '/admin', render: () => <AdminPage /> },
  { pattern: '/market', render: () => <MarketPage /> },
  { pattern: '/listings/:id', render: ({ id }) => <ListingPage id={id as string} /> },
  { pattern: '/supplier/listings', render: () => <SupplierListingsPage /> },
  { pattern: '/supplier/listings/new', render: () => <NewListingPage /> },
  { pattern: '/supplier/listings/:id/edit', render: ({ id }) => <EditListingPage id={id as string} /> },
  { pattern: '/admin/listings', render: () => <AdminListingsPage /> },
  { pattern: '/notifications', render: () => <NotificationsPage /> },
  { pattern: '/orders', render: () => <OrdersPage /> },
  { pattern: '/orders/:id', render: ({ id }) => <OrderPage id={id as string} /> },
  { pattern: '/admin/orders', render: () => <AdminOrdersPage /> },
  { pattern: '/rfqs', render: () => <MyRfqsPage /> },
  { pattern: '/rfqs/new', render: () => <NewRfqPage /> },
  { pattern: '/rfqs/feed', render: () => <RfqFeedPage /> },
  { pattern: '/rfqs/:id', render: ({ id }) => <RfqPage id={id as string} /> },
  { pattern: '/bids', render: () => <MyBidsPage /> },
  { pattern: '/suppliers/:id', render: ({ id }) => <SupplierPage id={id as string} /> },
  { pattern: '/supplier/reviews', render: () => <SupplierReviewsPage /> },
  { pattern: '/admin/ratings', render: () => <AdminRatingsPage /> },
  { pattern: '/admin/metrics', render: () => <AdminMetricsPage /> },
]

const Page = ({ path }: { path: string }) => {
  for (const route of routes) {
    const params = matchPath(route.pattern, path)
    if (params) return route.render(params)
  }
  return <NotFoundPage />
}

export const App = () => {
  const [locale, setLocale] = useState<Locale>(initialLocale)
  const { path, search } = useLocationState()
  const session = useSessionState()
  useEffect(() => applyLocale(locale), [locale])
  useEffect(() => {
    document.addEventListener('click', onLinkClick)
    return () => document.removeEventListener('click', onLinkClick)
  }, [])
  const i18n = useMemo<I18n>(() => ({ locale, setLocale, t: (key) => translate(locale, key) }), [locale])
  return (
    <I18nContext.Provider value={i18n}>
      <SessionContext.Provider value={session}>
        <SearchContext.Provider value={search}>
          <Layout path={path}>
            <Page path={path} />
          </Layout>
        </SearchContext.Provider>
      </SessionContext.Provider>
    </I18nContext.Provider>
  )
}
