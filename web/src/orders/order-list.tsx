import { useEffect, useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { PageHead } from '../components/page-head.tsx'
import { PagedList } from '../components/paged-view.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { navigate, useSearch } from '../router.ts'
import { OrderCard } from './order-card.tsx'
import { StatusFilter, useStatusFromSearch, withParam } from './status-filter.tsx'

/** What the orders API accepts as `q`: an order number or its end, as people type it (spaces, lower case). */
const orderNumberQuery = (typed: string) => {
  const q = typed.replace(/\s+/g, '').toUpperCase()
  return /^[0-9A-Z-]{0,20}$/.test(q) ? q : null
}

/** Finds an order by its number or the end of it (the digits read over the phone); applied on submit, kept in the URL. */
const OrderNumberSearch = ({ here, q }: { here: string; q: string }) => {
  const { t } = useI18n()
  const [draft, setDraft] = useState(q)
  const [invalid, setInvalid] = useState(false)
  // Back and forward change the URL: the box follows it.
  useEffect(() => setDraft(q), [q])
  const submit = (event: Event) => {
    event.preventDefault()
    const next = orderNumberQuery(draft)
    setInvalid(next === null)
    if (next !== null) navigate(withParam(here, 'q', next), { keepScroll: true })
  }
  return (
    <search>
      <form class="order-search" noValidate onSubmit={submit}>
        <label class="visually-hidden" for="orders-q">
          {t('orders.search.label')}
        </label>
        <input
          id="orders-q"
          name="q"
          type="search"
          class="input"
          inputMode="text"
          value={draft}
          placeholder={t('orders.search.placeholder')}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={invalid ? 'orders-q-error' : undefined}
          onInput={(event: Event) => setDraft((event.target as HTMLInputElement).value)}
        />
        <button type="submit" class="button button--primary">
          {t('market.search.submit')}
        </button>
      </form>
      {invalid && (
        <p class="field__error" id="orders-q-error">
          {t('orders.search.invalid')}
        </p>
      )}
    </search>
  )
}

/**
 * A party's orders, newest first, filtered by status, by order number (`?q=`) and to those waiting
 * for the party's next step (`?needs=action`), with the whole list as CSV.
 */
export const OrderList = ({ role }: { role: 'buyer' | 'supplier' }) => {
  const { t } = useI18n()
  const status = useStatusFromSearch()
  const search = new URLSearchParams(useSearch())
  const needsAction = search.get('needs') === 'action'
  const q = orderNumberQuery(search.get('q') ?? '') ?? ''
  // Each filter changes its own parameter and keeps the others.
  const here = `/orders${search.size ? `?${search}` : ''}`
  const orders = usePaged(
    async (cursor) =>
      (
        await api.orders.api.orders.$get({
          query: {
            role,
            ...(status ? { status } : {}),
            ...(needsAction ? { needs: 'action' } : {}),
            ...(q ? { q } : {}),
            ...pageQuery(20, cursor),
          },
        })
      ).json(),
    [role, status, needsAction, q],
  )
  return (
    <>
      <PageHead title={t('orders.title')} lead={t(role === 'buyer' ? 'orders.intro.buyer' : 'orders.intro.supplier')}>
        <a
          href={`/api/orders/export.csv?role=${role}`}
          download={`orders-${role}.csv`}
          class="button button--secondary button--small"
        >
          {t('orders.export')}
        </a>
      </PageHead>
      <OrderNumberSearch here={here} q={q} />
      <div class="filters">
        <StatusFilter id="orders-status" status={status ?? ''} base={here} allLabel={t('orders.filter.all')} />
        <label class="check">
          <input
            type="checkbox"
            data-needs-action
            checked={needsAction}
            onChange={(event: Event) =>
              navigate(withParam(here, 'needs', (event.target as HTMLInputElement).checked ? 'action' : ''), {
                keepScroll: true,
              })
            }
          />
          {t('orders.filter.needsAction')}
        </label>
      </div>
      <PagedList
        list={orders}
        empty={t(
          q
            ? 'orders.empty.search'
            : needsAction
              ? 'orders.empty.needsAction'
              : status
                ? 'orders.empty.filtered'
                : 'orders.empty',
        )}
        class="order-list"
        moreLabel={t('market.loadMore')}
        item={(order) => <OrderCard order={order} role={role} />}
      />
    </>
  )
}
