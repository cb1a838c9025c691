import type { AdminCategoriesResponse, Category, CategoryGroup } from '@market/contracts'
import { categoryGroups } from '@market/contracts/values'
import { useEffect, useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import { useResource } from '../api/use-resource.ts'
import { useRowAction } from '../api/use-row-action.ts'
import { Announcement } from '../components/announcement.tsx'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { ReasonForm } from '../components/reason-form.tsx'
import { RowDetail } from '../components/row-detail.tsx'
import { SelectField } from '../components/select-field.tsx'
import { StackedTable } from '../components/stacked-table.tsx'
import { ResourceView } from '../components/states.tsx'
import { Badge } from '../components/status-badge.tsx'
import { fill, localized, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { categoryGroupLabel, forgetCatalog } from '../listings/catalog.ts'

/** How often the page looks again while a rename's re-indexing runs. */
const reindexPollMs = 2000

type Draft = { id: string; group: CategoryGroup; zh: string; bo: string; en: string; sortOrder: string }

const draftOf = (category?: Category): Draft => ({
  id: category?.id ?? '',
  group: category?.group ?? 'fabric',
  zh: category?.name.zh ?? '',
  bo: category?.name.bo ?? '',
  en: category?.name.en ?? '',
  sortOrder: String(category?.sortOrder ?? 1000),
})

/** A draft as the API takes it: the languages left blank are left out. */
const fieldsOf = (draft: Draft) => ({
  group: draft.group,
  name: {
    zh: draft.zh.trim(),
    ...(draft.bo.trim() ? { bo: draft.bo.trim() } : {}),
    ...(draft.en.trim() ? { en: draft.en.trim() } : {}),
  },
  sortOrder: Number(draft.sortOrder),
})

/** The fields of a category, for adding one (with its code) and for renaming or moving one. */
const CategoryForm = ({
  idPrefix,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string
  initial?: Category
  submitLabel: string
  onSubmit: (draft: Draft) => Promise<void>
  onCancel?: () => void
}) => {
  const { t, locale } = useI18n()
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial))
  const [state, setState] = useState<{ busy: boolean; error?: unknown }>({ busy: false })
  const set = (field: keyof Draft) => (value: string) => setDraft((current) => ({ ...current, [field]: value }))
  const submit = async (event: Event) => {
    event.preventDefault()
    setState({ busy: true })
    try {
      await onSubmit(draft)
      setState({ busy: false })
      if (!initial) setDraft(draftOf())
    } catch (error) {
      setState({ busy: false, error })
    }
  }
  return (
    <form class="form category-form" onSubmit={submit}>
      {state.error !== undefined && <FormError>{describeError(locale, state.error)}</FormError>}
      {!initial && (
        <TextField id={`${idPrefix}-id`} label={t('admin.categories.id')} value={draft.id} onInput={set('id')} required />
      )}
      <SelectField
        id={`${idPrefix}-group`}
        label={t('admin.categories.group')}
        value={draft.group}
        options={categoryGroups}
        optionLabel={(group) => t(categoryGroupLabel(group))}
        onChange={(group) => set('group')(group || draft.group)}
        required
      />
      <TextField id={`${idPrefix}-zh`} label={t('admin.categories.name.zh')} value={draft.zh} onInput={set('zh')} required />
      <TextField id={`${idPrefix}-bo`} label={t('admin.categories.name.bo')} value={draft.bo} onInput={set('bo')} />
      <TextField id={`${idPrefix}-en`} label={t('admin.categories.name.en')} value={draft.en} onInput={set('en')} />
      <TextField
        id={`${idPrefix}-order`}
        label={t('admin.categories.sortOrder')}
        hint={t('admin.categories.sortOrder.hint')}
        type="text"
        inputmode="numeric"
        value={draft.sortOrder}
        onInput={set('sortOrder')}
        required
      />
      <div class="button-row">
        <button type="submit" class="button" disabled={state.busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="button button--secondary" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}

/**
 * The taxonomy as administrators manage it: categories by group with their listing counts; add,
 * rename in three languages, move (group and order), retire with a reason or restore. A rename's
 * re-indexing shows on its row until it ends.
 */
export const CategoryManager = () => {
  const { t } = useI18n()
  const [changes, setChanges] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  const taxonomy = useResource(async () => (await api.admin.api.admin.categories.$get()).json(), [changes])
  const reindexing = taxonomy.state === 'ready' && taxonomy.data.reindexing.length > 0
  useEffect(() => {
    if (!reindexing) return
    const timer = setTimeout(() => setChanges((n) => n + 1), reindexPollMs)
    return () => clearTimeout(timer)
  }, [reindexing, changes])

  const changed = (message: string) => {
    // The market's pages read the taxonomy once per load: the next one reads it afresh.
    forgetCatalog()
    setAnnouncement(message)
    setChanges((n) => n + 1)
  }
  const add = async (draft: Draft) => {
    const category = await (
      await api.admin.api.admin.categories.$post({ json: { id: draft.id.trim(), ...fieldsOf(draft) } })
    ).json()
    changed(fill(t('admin.categories.added'), { name: category.name.zh }))
  }

  return (
    <>
      <Announcement message={announcement} />
      <ResourceView resource={taxonomy}>
        {(data) => (
          <>
            {categoryGroups.map((group) => (
              <CategoryGroupTable key={group} group={group} taxonomy={data} onChanged={changed} />
            ))}
          </>
        )}
      </ResourceView>
      <section class="section" aria-labelledby="category-add-title">
        <h2 id="category-add-title">{t('admin.categories.add')}</h2>
        <CategoryForm idPrefix="category-new" submitLabel={t('admin.categories.create')} onSubmit={add} />
      </section>
    </>
  )
}

const CategoryGroupTable = ({
  group,
  taxonomy,
  onChanged,
}: {
  group: CategoryGroup
  taxonomy: AdminCategoriesResponse
  onChanged: (message: string) => void
}) => {
  const { t, locale } = useI18n()
  const [open, setOpen] = useState<{ id: string; form: 'edit' | 'retire' } | null>(null)
  const { busy, failure, run } = useRowAction()
  const inGroup = taxonomy.categories.filter((category) => category.group === group)
  if (inGroup.length === 0) return null
  const jobs = new Map(taxonomy.reindexing.map((job) => [job.categoryId, job]))
  const route = api.admin.api.admin.categories[':id']
  const toggle = (id: string, form: 'edit' | 'retire') => setOpen(open?.id === id && open.form === form ? null : { id, form })
  const act = (category: Category, action: () => Promise<Response>, message: MessageKey) =>
    run(category.id, async () => {
      const after = (await (await action()).json()) as Category
      setOpen(null)
      onChanged(fill(t(message), { name: localized(locale, after.name) }))
    })

  const columns = [
    t('admin.categories.category'),
    t('admin.categories.sortOrder'),
    t('admin.categories.listings'),
    t('admin.categories.status'),
    t('admin.actions'),
  ]
  const titleId = `category-group-${group}`
  return (
    <section class="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(categoryGroupLabel(group))}</h2>
      <StackedTable columns={columns}>
        {inGroup.map((category) => {
          const job = jobs.get(category.id)
          const failed = failure?.id === category.id ? failure.error : undefined
          return (
            <>
              <tr data-category={category.id}>
                <td data-label={columns[0]}>
                  <strong lang="zh-CN">{category.name.zh}</strong>
                  {category.name.bo && <span lang="bo"> · {category.name.bo}</span>}
                  {category.name.en && <span lang="en"> · {category.name.en}</span>}
                  <span class="who__meta"> ({category.id})</span>
                </td>
                <td data-label={columns[1]}>{category.sortOrder}</td>
                <td data-label={columns[2]}>{category.activeListings ?? 0}</td>
                <td data-label={columns[3]}>
                  {category.retired ? (
                    <Badge tone="neutral" data-category-status="retired">
                      {fill(t('admin.categories.retired'), { reason: category.retired.reason })}
                    </Badge>
                  ) : (
                    <Badge tone="success" data-category-status="open">
                      {t('admin.categories.open')}
                    </Badge>
                  )}
                  {job && (
                    <span role="status" data-reindexing={category.id}>
                      {' '}
                      <Badge tone="info">{fill(t('admin.categories.reindexing'), { count: job.listingsDone })}</Badge>
                    </span>
                  )}
                </td>
                <td data-label={columns[4]}>
                  <span class="button-row">
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      aria-expanded={open?.id === category.id && open.form === 'edit' ? 'true' : 'false'}
                      onClick={() => toggle(category.id, 'edit')}
                    >
                      {t('admin.categories.edit')}
                    </button>
                    {category.retired ? (
                      <button
                        type="button"
                        class="button button--secondary button--small"
                        disabled={busy === category.id}
                        onClick={() =>
                          act(
                            category,
                            () => route.restore.$post({ param: { id: category.id }, json: {} }),
                            'admin.categories.restored',
                          )
                        }
                      >
                        {t('admin.categories.restore')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        class="button button--secondary button--small"
                        aria-expanded={open?.id === category.id && open.form === 'retire' ? 'true' : 'false'}
                        disabled={busy === category.id}
                        onClick={() => toggle(category.id, 'retire')}
                      >
                        {t('admin.categories.retire')}
                      </button>
                    )}
                  </span>
                </td>
              </tr>
              {(open?.id === category.id || failed !== undefined) && (
                <RowDetail colSpan={columns.length} failure={failed}>
                  {open?.id === category.id && open.form === 'edit' && (
                    <CategoryForm
                      idPrefix={`category-${category.id}`}
                      initial={category}
                      submitLabel={t('admin.categories.save')}
                      onCancel={() => setOpen(null)}
                      onSubmit={(draft) =>
                        act(
                          category,
                          () => route.$patch({ param: { id: category.id }, json: fieldsOf(draft) }),
                          'admin.categories.saved',
                        )
                      }
                    />
                  )}
                  {open?.id === category.id && open.form === 'retire' && (
                    <ReasonForm
                      id={`retire-${category.id}`}
                      label={t('admin.categories.retireReason')}
                      confirm={t('admin.categories.confirmRetire')}
                      busy={busy === category.id}
                      onConfirm={(reason) =>
                        act(
                          category,
                          () => route.retire.$post({ param: { id: category.id }, json: { reason } }),
                          'admin.categories.retiredNotice',
                        )
                      }
                      onCancel={() => setOpen(null)}
                    />
                  )}
                </RowDetail>
              )}
            </>
          )
        })}
      </StackedTable>
    </section>
  )
}
