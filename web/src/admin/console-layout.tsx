import type { AdminQueueCounts, MeResponse } from '@market/contracts'
import type { Child } from 'hono/jsx'
import { createContext, useContext, useEffect, useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { type Resource, useResource } from '../api/use-resource.ts'
import { NavCount } from '../components/nav-count.tsx'
import { RoleGuard } from '../components/role-guard.tsx'
import { useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import './console.css'

const queuesChangedEvent = 'market:admin-queues'

/** A section settled something: the console's counts are read again. */
export const queuesChanged = () => window.dispatchEvent(new Event(queuesChangedEvent))

type Section = { href: string; label: MessageKey; count?: (counts: AdminQueueCounts) => number }

/** The console's sections in the order an administrator works them: the queues first, then the rest. */
export const consoleSections: Section[] = [
  { href: '/admin', label: 'console.verifications', count: (n) => n.verifications + n.bankAccountChanges },
  { href: '/admin/listings', label: 'nav.moderation', count: (n) => n.listingsToReview },
  { href: '/admin/reports', label: 'console.reportedListings', count: (n) => n.reportedListings },
  { href: '/admin/ratings', label: 'nav.ratingReports', count: (n) => n.reportedRatings },
  { href: '/admin/orders', label: 'nav.adminOrders', count: (n) => n.disputes + n.unconfirmedTransfers },
  { href: '/admin/users', label: 'console.users' },
  { href: '/admin/categories', label: 'console.categories' },
  { href: '/admin/certifications', label: 'console.certifications', count: (n) => n.certificationRequests },
  { href: '/admin/audit', label: 'console.audit' },
  { href: '/admin/metrics', label: 'nav.metrics' },
]

const CountsContext = createContext<Resource<AdminQueueCounts>>({ state: 'loading' })

/** The console's queue counts, as its navigation shows them. */
export const useQueueCounts = () => useContext(CountsContext)

/**
 * Every page of the administrators' console: the navigation of its sections, each queue with how
 * much waits in it, above the section itself. The links wrap, so a phone never scrolls sideways.
 */
const ConsoleFrame = ({ children }: { children: Child }) => {
  const { t } = useI18n()
  const [changes, setChanges] = useState(0)
  useEffect(() => {
    const again = () => setChanges((n) => n + 1)
    window.addEventListener(queuesChangedEvent, again)
    return () => window.removeEventListener(queuesChangedEvent, again)
  }, [])
  const counts = useResource(async () => (await api.admin.api.admin.queues.$get()).json(), [changes])
  const here = location.pathname
  return (
    <CountsContext.Provider value={counts}>
      <nav class="console-nav" aria-label={t('console.title')} data-console-nav>
        <ul class="console-nav__list">
          {consoleSections.map((section) => {
            const n = section.count && counts.state === 'ready' ? section.count(counts.data) : 0
            return (
              <li>
                <a
                  href={section.href}
                  class="console-nav__link"
                  aria-current={here === section.href ? 'page' : undefined}
                  data-section={section.href}
                >
                  {t(section.label)}
                  <NavCount n={n} />
                  {n > 0 && <span class="visually-hidden"> ({n})</span>}
                </a>
              </li>
            )
          })}
        </ul>
      </nav>
      <div class="console-section">{children}</div>
    </CountsContext.Provider>
  )
}

/** An administrators' page inside the console. */
export const ConsolePage = ({ children }: { children: (me: MeResponse) => Child }) => (
  <RoleGuard only="admin">{(me) => <ConsoleFrame>{children(me)}</ConsoleFrame>}</RoleGuard>
)
