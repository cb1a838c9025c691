import type { Child } from 'hono/jsx'
import { useEffect, useMemo, useState } from 'hono/jsx/dom'
import { api } from './api/client.ts'
import { Layout } from './components/layout.tsx'
import { lazyPage } from './components/lazy-page.tsx'
import { applyLocale, type I18n, I18nContext, initialLocale, type Locale, loadLocale, translate } from './i18n/i18n.ts'
import { matchPath, onLinkClick, SearchContext, useLocationState } from './router.ts'
import { SessionContext, useSessionState } from './session/session.ts'

/** Each page is a chunk of its own, fetched the first time its route is shown. */
const AccountPage = lazyPage(() => import('./pages/account.tsx').then((module) => module.AccountPage))
const AdminPage = lazyPage(() => import('./pages/admin.tsx').then((module) => module.AdminPage))
const AdminAuditPage = lazyPage(() => import('./pages/admin-audit.tsx').then((module) => module.AdminAuditPage))
const AdminCategoriesPage = lazyPage(() => import('./pages/admin-categories.tsx').then((module) => module.AdminCategoriesPage))
const AdminCertificationsPage = lazyPage(() =>
  import('./pages/admin-certifications.tsx').then((module) => module.AdminCertificationsPage),
)
const AdminListingsPage = lazyPage(() => import('./pages/admin-listings.tsx').then((module) => module.AdminListingsPage))
const AdminMetricsPage = lazyPage(() => import('./pages/admin-metrics.tsx').then((module) => module.AdminMetricsPage))
const AdminOrdersPage = lazyPage(() => import('./pages/admin-orders.tsx').then((module) => module.AdminOrdersPage))
const AdminReportsPage = lazyPage(() => import('./pages/admin-reports.tsx').then((module) => module.AdminReportsPage))
const AdminUsersPage = lazyPage(() => import('./pages/admin-users.tsx').then((module) => module.AdminUsersPage))
const AdminRatingsPage = lazyPage(() => import('./pages/admin-ratings.tsx').then((module) => module.AdminRatingsPage))
const MyBidsPage = lazyPage(() => import('./pages/bids.tsx').then((module) => module.MyBidsPage))
const BulkListingsPage = lazyPage(() => import('./pages/bulk-listings.tsx').then((module) => module.BulkListingsPage))
const EditListingPage = lazyPage(() => import('./pages/edit-listing.tsx').then((module) => module.EditListingPage))
const HomePage = lazyPage(() => import('./pages/home.tsx').then((module) => module.HomePage))
const InboxPage = lazyPage(() => import('./pages/inbox.tsx').then((module) => module.InboxPage))
const ThreadPage = lazyPage(() => import('./pages/inbox.tsx').then((module) => module.ThreadPage))
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
const ForgotPasswordPage = lazyPage(() => import('./pages/password-reset.tsx').then((module) => module.ForgotPasswordPage))
const ResetPasswordPage = lazyPage(() => import('./pages/password-reset.tsx').then((module) => module.ResetPasswordPage))
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
  { pattern: '/forgot-password', render: () => <ForgotPasswordPage /> },
  { pattern: '/reset-password', render: () => <ResetPasswordPage /> },
  { pattern: '/account', render: () => <AccountPage /> },
  { pattern: '/admin', render: () => <AdminPage /> },
  { pattern: '/market', render: () => <MarketPage /> },
  { pattern: '/listings/:id', render: ({ id }) => <ListingPage id={id as string} /> },
  { pattern: '/supplier/listings', render: () => <SupplierListingsPage /> },
  { pattern: '/supplier/listings/new', render: () => <NewListingPage /> },
  { pattern: '/supplier/listings/import', render: () => <BulkListingsPage /> },
  { pattern: '/supplier/listings/:id/edit', render: ({ id }) => <EditListingPage id={id as string} /> },
  { pattern: '/admin/listings', render: () => <AdminListingsPage /> },
  { pattern: '/admin/categories', render: () => <AdminCategoriesPage /> },
  { pattern: '/notifications', render: () => <NotificationsPage /> },
  { pattern: '/inbox', render: () => <InboxPage /> },
  { pattern: '/inbox/:id', render: ({ id }) => <ThreadPage id={id as string} /> },
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
  { pattern: '/admin/audit', render: () => <AdminAuditPage /> },
  { pattern: '/admin/reports', render: () => <AdminReportsPage /> },
  { pattern: '/admin/users', render: () => <AdminUsersPage /> },
  { pattern: '/admin/certifications', render: () => <AdminCertificationsPage /> },
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
      () => {
        setLocale(next)
        // A signed-in user's e-mail follows the language they read the market in.
        if (session.me) void api.accounts.api.me.locale.$put({ json: { locale: next } }).catch(() => {})
      },
      () => {},
    )
  const i18n = useMemo<I18n>(() => ({ locale, setLocale: choose, t: (key) => translate(locale, key) }), [locale, session.me])
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
