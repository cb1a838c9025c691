import { useI18n } from '../i18n/i18n.ts'

export const NotFoundPage = () => {
  const { t } = useI18n()
  return (
    <div class="state state--empty">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <a href="/" class="button button--primary">
        {t('notFound.back')}
      </a>
    </div>
  )
}
