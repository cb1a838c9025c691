import { localized, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { useCatalog } from '../listings/catalog.ts'
import { CategoryTile } from '../listings/category-tiles.tsx'
import './home.css'

const roles: { title: MessageKey; body: MessageKey }[] = [
  { title: 'home.forBuyers.title', body: 'home.forBuyers.body' },
  { title: 'home.forSuppliers.title', body: 'home.forSuppliers.body' },
  { title: 'home.forAdmins.title', body: 'home.forAdmins.body' },
]

export const HomePage = () => {
  const { t, locale } = useI18n()
  const catalog = useCatalog()
  return (
    <>
      <section class="hero">
        <h1 class="hero__title">{t('app.name')}</h1>
        <p class="hero__tagline">{t('app.tagline')}</p>
        <div class="button-row">
          <a href="/market" class="button button--primary">
            {t('home.toMarket')}
          </a>
          <a href="/materials" class="button button--secondary">
            {t('home.browse')}
          </a>
        </div>
      </section>
      {catalog.state === 'ready' && catalog.data.categories.length > 0 && (
        <nav class="section category-tiles" aria-labelledby="home-categories">
          <h2 id="home-categories">{t('home.categories')}</h2>
          <ul class="category-tiles__list">
            {catalog.data.categories.map((category) => (
              <CategoryTile href={`/market?category=${category.id}`} data={{ 'data-home-category': category.id }}>
                {localized(locale, category.name)}
              </CategoryTile>
            ))}
          </ul>
        </nav>
      )}
      <section class="card-grid">
        {roles.map((role) => (
          <article class="card">
            <h2 class="card__title">{t(role.title)}</h2>
            <p>{t(role.body)}</p>
          </article>
        ))}
      </section>
    </>
  )
}
