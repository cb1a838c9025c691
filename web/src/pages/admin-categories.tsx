import { CategoryManager } from '../admin/category-manager.tsx'
import { PageHead } from '../components/page-head.tsx'
import { RoleGuard } from '../components/role-guard.tsx'
import { useI18n } from '../i18n/i18n.ts'

export const AdminCategoriesPage = () => {
  const { t } = useI18n()
  return (
    <RoleGuard only="admin">
      {() => (
        <>
          <PageHead title={t('admin.categories.title')} lead={t('admin.categories.lead')} />
          <CategoryManager />
        </>
      )}
    </RoleGuard>
  )
}
