import type { Child } from 'hono/jsx'
import { useEffect, useMemo, useState } from 'hono/jsx/dom'
import { Layout } from './components/layout.tsx'
import { lazyPage } from './components/lazy-page.tsx'
import { applyLocale, type I18n, I18nContext, initialLocale, type Locale, loadLocale, translate } from './i18n/i18n.ts'
import { matchPath, onLinkClick, SearchContext, useLocationState } from './router.ts'
import { SessionContext, useSessionState } from './session/session.ts'

/** Each page is a chunk of its own, fetched the first time its route is shown. */
const AccountPage = lazyPage(() => import('./pages/account.tsx').then((module) => module.AccountPage))
const AdminPage = lazyPage(() => import('./pages/admin.tsx').then((module) => module.AdminPage))
const AdminListingsPage = lazyPage(() => import('./pages/admin-listings.tsx').then((module) => module.AdminListingsPage))
const AdminMetricsPage = lazyPage(() => import('./pages/admin-metrics.tsx').then((module) => module.AdminMetricsPage))
const AdminOrdersPage = lazyPage(() => import('./pages/admin-orders.tsx').then((module) => module.AdminOrdersPage))
const AdminRatingsPage = lazyPage(() => import('./pages/admin-ratings.tsx').then((module) => module.AdminRatingsPage))
const MyBidsPage = lazyPage(() => import('./pages/bids.tsx').then((module) => module.MyBidsPage))
const BulkListingsPage = lazyPage(() => import('./pages/bulk-listings.tsx').then((module) => module.BulkListingsPage))
const EditListingPage = lazyPage(() => import('./pages/edit-listing.tsx').then((module) => module.EditListingPage))
const HomePage = lazyPage(() => import('./pages/home.tsx').then((module) => module.HomePage))
const ListingPage = lazyPage(() => import('./pages/listing.tsx').then((module) => module.ListingPage))
const MarketPage = lazyPage(() => import('./pages/market.tsx').then((module) => module.MarketPage))
const MaterialsPage = lazyPage(() => import('./pages/materials.tsx').then((module) => module.MaterialsPage))
const NewListingPage = lazyPage(() => import('./pages/new-listing.tsx').then((module) => module.NewListingPage))
const NotFoundPage = lazyPage(() => import('./pages/not-found.tsx').then((module) => module.NotFoundPage))
const NotificationsPage = lazyPage(() => import('./pages/notifications.tsx').then((module) => module.NotificationsPage))
const OrderPage = lazyPage(() => import('./pages/order.tsx').then((module) => module.OrderPage))
const OrdersPage = lazyPage(() => import('./pages/orders.tsx').then((module) => module.OrdersPage))
const RfqPage = lazyPage(() => import('./pages/rfq.tsx').then((module) => module.RfqPage))
const RfqFeedPage = lazyPage(() => import('./pages/rfq-feed.tsx').then((module) => module.RfqFeedPage))
const NewRfqPage = lazyPage(() => import('./pages/rfq-form.tsx').then((module) => module.NewRfqPage))
const MyRfqsPage = lazyPage(() => import('./pages/rfqs.tsx').then((module) => module.MyRfqsPage))
const SignInPage = lazyPage(() => import('./pages/signin.tsx').then((module) => module.SignInPage))
const SignUpPage = lazyPage(() => import('./pages/signup.tsx').then((module) => module.SignUpPage))
const SupplierPage = lazyPage(() => import('./pages/supplier.tsx').then((module) => module.SupplierPage))
const SupplierListingsPage = lazyPage(() => import('./pages/supplier-listings.tsx').then((module) => module.SupplierListingsPage))
const SupplierReviewsPage = lazyPage(() => import('./pages/supplier-reviews.tsx').then((module) => module.SupplierReviewsPage))

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
  { pattern: '/supplier/listings/import', render: () => <BulkListingsPage /> },
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
  // A language is shown once its catalog has arrived; offline, the current one stays.
  const choose = (next: Locale) =>
    void loadLocale(next).then(
      () => setLocale(next),
      () => {},
    )
  const i18n = useMemo<I18n>(() => ({ locale, setLocale: choose, t: (key) => translate(locale, key) }), [locale])
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
