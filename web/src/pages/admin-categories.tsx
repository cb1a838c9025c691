import { CategoryManager } from '../admin/category-manager.tsx'
import { ConsolePage } from '../admin/console-layout.tsx'
import { PageHead } from '../components/page-head.tsx'
import { useI18n } from '../i18n/i18n.ts'

export const AdminCategoriesPage = () => {
  const { t } = useI18n()
  return (
    <ConsolePage>
      {() => (
        <>
          <PageHead title={t('admin.categories.title')} lead={t('admin.categories.lead')} />
          <CategoryManager />
        </>
      )}
    </ConsolePage>
  )
}
