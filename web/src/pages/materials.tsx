import { categoryGroups } from '@market/contracts/values'
import { EmptyState, ResourceView } from '../components/states.tsx'
import { localized, useI18n } from '../i18n/i18n.ts'
import { categoryGroupLabel, useCatalog } from '../listings/catalog.ts'
import './materials.css'

export const MaterialsPage = () => {
  const { t, locale } = useI18n()
  const catalog = useCatalog()
  return (
    <>
      <h1>{t('materials.title')}</h1>
      <p class="lead">{t('materials.intro')}</p>
      <ResourceView resource={catalog}>
        {({ categories, units }) =>
          categories.length === 0 ? (
            <EmptyState>{t('materials.empty')}</EmptyState>
          ) : (
            <>
              {categoryGroups.map((group) => {
                const inGroup = categories.filter((category) => category.group === group)
                return inGroup.length === 0 ? null : (
                  <section class="section">
                    <h2>{t(categoryGroupLabel(group))}</h2>
                    <ul class="chip-list">
                      {inGroup.map((category) => (
                        <li class="chip" data-category={category.id}>
                          {localized(locale, category.name)}
                        </li>
                      ))}
                    </ul>
                  </section>
                )
              })}
              <section class="section">
                <h2>{t('materials.units')}</h2>
                <div class="table-wrap">
                  <table class="table">
                    <thead>
                      <tr>
                        <th scope="col">{t('materials.unitName')}</th>
                        <th scope="col">{t('materials.unitCode')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {units.map((unit) => (
                        <tr>
                          <td>{localized(locale, unit.name)}</td>
                          <td>
                            <code>{unit.id}</code>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            </>
          )
        }
      </ResourceView>
    </>
  )
}
