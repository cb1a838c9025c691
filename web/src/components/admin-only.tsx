import type { Child } from 'hono/jsx'
import { useI18n } from '../i18n/i18n.ts'

/** What a signed-in non-administrator sees on an administration page; children add a way on. */
export const AdminOnly = ({ children }: { children?: Child }) => {
  const { t } = useI18n()
  return (
    <div class="state state--empty" data-state="not-allowed">
      <h1>{t('admin.notAllowed.title')}</h1>
      <p>{t('admin.notAllowed.body')}</p>
      {children}
    </div>
  )
}
