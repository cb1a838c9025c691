import { api } from '../api/client.ts'
import { pageQuery, usePaged } from '../api/use-paged.ts'
import { ListScreen } from '../components/paged-view.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { RfqCard } from './rfq-card.tsx'

/** The buyer's own requests, newest first, and the way to post another. */
export const MyRfqs = () => {
  const { t } = useI18n()
  const list = usePaged(async (cursor) => (await api.rfqs.api.rfqs.mine.$get({ query: pageQuery(20, cursor) })).json(), [])
  return (
    <ListScreen
      title={t('rfqs.title')}
      lead={t('rfqs.intro')}
      action={
        <a href="/rfqs/new" class="button button--primary">
          {t('rfqs.post')}
        </a>
      }
      list={list}
      empty={t('rfqs.empty')}
      class="order-list rfq-list"
      moreLabel={t('market.loadMore')}
      item={(rfq) => <RfqCard rfq={rfq} />}
    />
  )
}
