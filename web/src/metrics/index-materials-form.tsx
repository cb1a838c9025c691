import { maxIndexMaterials } from '@market/contracts/values'
import { useEffect, useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { useResource } from '../api/use-resource.ts'
import { Announcement } from '../components/announcement.tsx'
import { describeError, FormError } from '../components/form.tsx'
import { ResourceView } from '../components/states.tsx'
import { fill, localized, useI18n } from '../i18n/i18n.ts'
import { useCatalog } from '../listings/catalog.ts'

/** An administrator picks the materials (categories) of the public price index, at most `maxIndexMaterials`. */
export const IndexMaterialsForm = () => {
  const { t, locale } = useI18n()
  const catalog = useCatalog()
  const current = useResource(async () => (await api.metrics.api.admin.metrics['index-materials'].$get()).json())
  const [chosen, setChosen] = useState<string[]>([])
  const [state, setState] = useState<{ saving: boolean; error?: unknown; missing?: boolean; saved?: string }>({
    saving: false,
  })
  useEffect(() => {
    if (current.state === 'ready') setChosen(current.data.categoryIds)
  }, [current.state])

  const toggle = (id: string, on: boolean) =>
    setChosen((ids) => (on ? [...ids.filter((other) => other !== id), id] : ids.filter((other) => other !== id)))
  const save = async (event: Event) => {
    event.preventDefault()
    if (chosen.length === 0) return setState({ saving: false, missing: true })
    setState({ saving: true })
    try {
      const saved = await (await api.metrics.api.admin.metrics['index-materials'].$put({ json: { categoryIds: chosen } })).json()
      setState({ saving: false, saved: fill(t('metrics.materials.saved'), { count: saved.categoryIds.length }) })
    } catch (error) {
      setState({ saving: false, error })
    }
  }
  return (
    <ResourceView resource={current}>
      {() => (
        <form class="form index-materials" noValidate onSubmit={save}>
          <fieldset class="fieldset fieldset--plain" aria-describedby="index-materials-lead">
            <legend class="visually-hidden">{t('metrics.materials.title')}</legend>
            <p class="field__hint" id="index-materials-lead">
              {fill(t('metrics.materials.lead'), { max: maxIndexMaterials })}
            </p>
            <div class="check-grid">
              {catalog.state === 'ready' &&
                catalog.data.categories.map((category) => {
                  const isChosen = chosen.includes(category.id)
                  return (
                    <label class="check">
                      <input
                        type="checkbox"
                        name="index-material"
                        value={category.id}
                        checked={isChosen}
                        disabled={!isChosen && chosen.length >= maxIndexMaterials}
                        onChange={(event: Event) => toggle(category.id, (event.target as HTMLInputElement).checked)}
                      />
                      {localized(locale, category.name)}
                    </label>
                  )
                })}
            </div>
          </fieldset>
          {state.missing && <FormError>{t('metrics.materials.none')}</FormError>}
          {state.error !== undefined && <FormError>{describeError(locale, state.error)}</FormError>}
          <div class="button-row">
            <button type="submit" class="button button--secondary" disabled={state.saving}>
              {t('metrics.materials.save')}
            </button>
          </div>
          <Announcement message={state.saved ?? ''} />
        </form>
      )}
    </ResourceView>
  )
}
