import { api } from '../api/client.ts'
import { usePaged } from '../api/use-paged.ts'
import { PagedList } from '../components/paged-view.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { RfqCard } from './rfq-card.tsx'

/** The buyer's own requests, newest first, and the way to post another. */
export const MyRfqs = () => {
  const { t } = useI18n()
  const list = usePaged(
    async (cursor) => (await api.rfqs.api.rfqs.mine.$get({ query: { limit: '20', ...(cursor ? { cursor } : {}) } })).json(),
    [],
  )
  return (
    <>
      <div class="page-head">
        <h1>{t('rfqs.title')}</h1>
        <a href="/rfqs/new" class="button button--primary">
          {t('rfqs.post')}
        </a>
      </div>
      <p class="lead">{t('rfqs.intro')}</p>
      <PagedList
        list={list}
        empty={t('rfqs.empty')}
        class="order-list rfq-list"
        moreLabel={t('market.loadMore')}
        item={(rfq) => <RfqCard rfq={rfq} />}
      />
    </>
  )
}
