import { useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'

const roles: { title: MessageKey; body: MessageKey }[] = [
  { title: 'home.forBuyers.title', body: 'home.forBuyers.body' },
  { title: 'home.forSuppliers.title', body: 'home.forSuppliers.body' },
  { title: 'home.forAdmins.title', body: 'home.forAdmins.body' },
]

export const HomePage = () => {
  const { t } = useI18n()
  return (
    <>
      <section class="hero">
        <h1 class="hero__title">{t('app.name')}</h1>
        <p class="hero__tagline">{t('app.tagline')}</p>
        <a href="/materials" class="button button--primary">
          {t('home.browse')}
        </a>
      </section>
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
