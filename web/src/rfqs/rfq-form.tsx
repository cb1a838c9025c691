import type { CategoriesResponse, PostRfqInput, UnitId } from '@market/contracts'
import { freightTerms, invoiceTypes, maxInvitedSuppliers, maxRfqPhotos } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { api, fieldErrorPaths } from '../api/client.ts'
import { CategorySelect, UnitSelect } from '../components/category-select.tsx'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { PhotoPicker, photosNotReady, usePhotos } from '../components/photo-picker.tsx'
import { SelectField } from '../components/select-field.tsx'
import { useForm } from '../components/use-form.ts'
import { addDays, lhasaInstant, lhasaToday } from '../i18n/dates.ts'
import { fill, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { namesIn } from '../listings/catalog.ts'
import { parseYuan } from '../listings/money.ts'
import { navigate } from '../router.ts'
import { type InvitedSupplier, SupplierPicker } from './supplier-picker.tsx'

type Values = {
  categoryId: string
  title: string
  specs: string
  quantity: string
  unit: UnitId
  targetPrice: string
  neededBy: string
  deadlineDate: string
  deadlineTime: string
  deliveryPlace: string
  sealed: boolean
  invoice: PostRfqInput['invoice'] & string
  freightTerms: PostRfqInput['freightTerms'] & string
  sampleRequired: boolean
}
type Field =
  | 'categoryId'
  | 'title'
  | 'specs'
  | 'quantity'
  | 'targetPrice'
  | 'neededBy'
  | 'bidDeadline'
  | 'deliveryPlace'
  | 'photos'
type Errors = Partial<Record<Field, MessageKey>>

const hour = 3600_000

/** Checks what can be checked here; the server checks it all again. */
const validate = (values: Values, now: number): Errors => {
  const errors: Errors = {}
  if (!values.categoryId) errors.categoryId = 'rfqForm.category.invalid'
  if (!values.title.trim()) errors.title = 'rfqForm.title.invalid'
  if (!values.specs.trim()) errors.specs = 'rfqForm.specs.invalid'
  if (!/^\d{1,8}$/.test(values.quantity.trim()) || Number(values.quantity) < 1) errors.quantity = 'rfqForm.quantity.invalid'
  if (values.targetPrice.trim() && !(parseYuan(values.targetPrice) ?? 0)) errors.targetPrice = 'rfqForm.targetPrice.invalid'
  if (!values.deliveryPlace.trim()) errors.deliveryPlace = 'rfqForm.deliveryPlace.invalid'
  const deadline = Date.parse(lhasaInstant(values.deadlineDate, values.deadlineTime || '00:00'))
  if (!values.deadlineDate || !values.deadlineTime || Number.isNaN(deadline)) errors.bidDeadline = 'rfqForm.bidDeadline.invalid'
  else if (deadline < now + hour) errors.bidDeadline = 'rfqForm.bidDeadline.tooSoon'
  else if (deadline > now + 60 * 24 * hour) errors.bidDeadline = 'rfqForm.bidDeadline.tooLate'
  if (!values.neededBy) errors.neededBy = 'rfqForm.neededBy.invalid'
  else if (!errors.bidDeadline && Date.parse(lhasaInstant(values.neededBy, '00:00')) <= deadline)
    errors.neededBy = 'rfqForm.neededBy.beforeDeadline'
  return errors
}

/** The server names fields in its 400s; each is shown beside its field. */
const serverErrors = (error: unknown): Errors => {
  const errors: Errors = {}
  const paths = fieldErrorPaths(error)
  const map: [string, Field, MessageKey][] = [
    ['categoryId', 'categoryId', 'rfqForm.category.invalid'],
    ['title', 'title', 'rfqForm.title.invalid'],
    ['specs', 'specs', 'rfqForm.specs.invalid'],
    ['quantity', 'quantity', 'rfqForm.quantity.invalid'],
    ['targetUnitPriceFen', 'targetPrice', 'rfqForm.targetPrice.invalid'],
    ['neededBy', 'neededBy', 'rfqForm.neededBy.beforeDeadline'],
    ['bidDeadline', 'bidDeadline', 'rfqForm.bidDeadline.invalid'],
    ['deliveryPlace', 'deliveryPlace', 'rfqForm.deliveryPlace.invalid'],
    ['photos', 'photos', 'error.listing.foreign_photo'],
  ]
  for (const [path, field, key] of map) if (paths.has(path)) errors[field] = key
  return errors
}

/** What a search that found nothing hands on to a new request (`/rfqs/new?title=&category=`). */
export type Prefill = { title?: string; category?: string }

export const readPrefill = (search: string): Prefill => {
  const params = new URLSearchParams(search)
  const title = params.get('title')?.trim().slice(0, 120)
  const category = params.get('category') ?? undefined
  return { ...(title ? { title } : {}), ...(category ? { category } : {}) }
}

/** A buyer's purchase request: what, how much, a target price, photos, and when bids close and goods are needed. */
export const RfqForm = ({ catalog, prefill = {} }: { catalog: CategoriesResponse; prefill?: Prefill }) => {
  const { t, locale } = useI18n()
  const today = lhasaToday()
  const known = catalog.categories.some((category) => category.id === prefill.category)
  // A corrected field stops saying it is wrong; the deadline's date and time share one message.
  const form = useForm<Values>(
    () => ({
      categoryId: known ? (prefill.category as string) : '',
      title: prefill.title ?? '',
      specs: '',
      quantity: '',
      unit: 'm',
      targetPrice: '',
      neededBy: addDays(today, 30),
      deadlineDate: addDays(today, 7),
      deadlineTime: '18:00',
      deliveryPlace: t('rfqForm.deliveryPlace.default'),
      sealed: false,
      invoice: 'none',
      freightTerms: 'negotiable',
      sampleRequired: false,
    }),
    (name) =>
      name === 'deadlineDate' || name === 'deadlineTime'
        ? 'bidDeadline'
        : name === 'unit' || name === 'sealed' || name === 'invoice' || name === 'freightTerms' || name === 'sampleRequired'
          ? null
          : name,
  )
  const { values, set } = form
  const [photos, setPhotos] = usePhotos()
  const [invited, setInvited] = useState<InvitedSupplier[]>([])
  const names = namesIn(locale, catalog)
  const error = form.errorFor

  const check = () => {
    const found = validate(values, Date.now())
    const waiting = photosNotReady(photos)
    if (waiting) found.photos = waiting
    return found
  }
  const send = async () => {
    const targetFen = values.targetPrice.trim() ? parseYuan(values.targetPrice) : null
    const body: PostRfqInput = {
      title: values.title.trim(),
      categoryId: values.categoryId,
      specs: values.specs.trim(),
      quantity: Number(values.quantity),
      unit: values.unit,
      ...(targetFen ? { targetUnitPriceFen: targetFen } : {}),
      neededBy: values.neededBy,
      deliveryPlace: values.deliveryPlace.trim(),
      bidDeadline: lhasaInstant(values.deadlineDate, values.deadlineTime),
      photos: photos.map((photo) => photo.key as string),
      sealedUntilDeadline: values.sealed,
      invoice: values.invoice,
      freightTerms: values.freightTerms,
      sampleRequired: values.sampleRequired,
      ...(invited.length > 0 ? { invitedSupplierIds: invited.map((supplier) => supplier.id) } : {}),
    }
    const rfq = await (await api.rfqs.api.rfqs.$post({ json: body })).json()
    navigate(`/rfqs/${rfq.id}?posted=1`)
  }
  const refused = (caught: unknown) => {
    const named = serverErrors(caught)
    return { errors: named, failure: Object.keys(named).length === 0 }
  }

  return (
    <form class="form form--wide" ref={form.formRef} onSubmit={form.submit({ check, send, refused })} noValidate data-rfq-form>
      {form.failure !== null && <FormError>{describeError(locale, form.failure)}</FormError>}
      <fieldset class="fieldset">
        <legend class="fieldset__title">{t('rfqForm.section.what')}</legend>
        <CategorySelect
          id="rfq-category"
          catalog={catalog}
          value={values.categoryId}
          onChange={set('categoryId')}
          error={error('categoryId')}
        />
        <TextField
          id="rfq-title"
          label={t('rfqForm.title')}
          hint={t('rfqForm.title.hint')}
          value={values.title}
          onInput={set('title')}
          error={error('title')}
          required
        />
        <TextField
          id="rfq-specs"
          label={t('rfq.specs')}
          hint={t('rfqForm.specs.hint')}
          value={values.specs}
          onInput={set('specs')}
          error={error('specs')}
          required
          multiline
        />
        <div class="form-pair form-pair--quantity">
          <TextField
            id="rfq-quantity"
            label={t('rfq.quantity')}
            value={values.quantity}
            onInput={set('quantity')}
            error={error('quantity')}
            inputmode="numeric"
            required
          />
          <UnitSelect id="rfq-unit" catalog={catalog} value={values.unit} onChange={set('unit')} />
        </div>
        <TextField
          id="rfq-target-price"
          label={fill(t('rfqForm.targetPrice'), { unit: names.unit(values.unit) })}
          hint={t('rfqForm.targetPrice.hint')}
          value={values.targetPrice}
          onInput={set('targetPrice')}
          error={error('targetPrice')}
          inputmode="decimal"
        />
      </fieldset>

      <PhotoPicker photos={photos} setPhotos={setPhotos} max={maxRfqPhotos} error={error('photos')} />

      <fieldset class="fieldset">
        <legend class="fieldset__title">{t('rfqForm.section.when')}</legend>
        <div class="form-pair form-pair--deadline">
          <TextField
            id="rfq-deadline-date"
            type="date"
            label={t('rfqForm.bidDeadline.date')}
            value={values.deadlineDate}
            onInput={set('deadlineDate')}
            error={error('bidDeadline')}
            hint={t('rfqForm.bidDeadline.hint')}
            min={today}
            max={addDays(today, 60)}
            required
          />
          <TextField
            id="rfq-deadline-time"
            type="time"
            label={t('rfqForm.bidDeadline.time')}
            value={values.deadlineTime}
            onInput={set('deadlineTime')}
            required
          />
        </div>
        <TextField
          id="rfq-needed-by"
          type="date"
          label={t('rfq.neededBy')}
          hint={t('rfqForm.neededBy.hint')}
          value={values.neededBy}
          onInput={set('neededBy')}
          error={error('neededBy')}
          min={today}
          required
        />
        <TextField
          id="rfq-delivery-place"
          label={t('rfq.deliveryPlace')}
          value={values.deliveryPlace}
          onInput={set('deliveryPlace')}
          error={error('deliveryPlace')}
          required
        />
        <div class="field">
          <label class="check">
            <input
              id="rfq-sealed"
              type="checkbox"
              checked={values.sealed}
              aria-describedby="rfq-sealed-hint"
              onChange={(event: Event) => set('sealed')((event.target as HTMLInputElement).checked)}
            />
            {t('rfqForm.sealed')}
          </label>
          <p class="field__hint" id="rfq-sealed-hint">
            {t('rfqForm.sealed.hint')}
          </p>
        </div>
      </fieldset>
      <fieldset class="fieldset">
        <legend class="fieldset__title">{t('rfqForm.section.terms')}</legend>
        <SelectField
          id="rfq-invoice"
          label={t('rfq.invoice')}
          value={values.invoice}
          options={invoiceTypes}
          optionLabel={(type) => t(`invoice.${type}`)}
          onChange={(type) => set('invoice')(type || 'none')}
        />
        <SelectField
          id="rfq-freight"
          label={t('rfq.freight')}
          value={values.freightTerms}
          options={freightTerms}
          optionLabel={(terms) => t(`freight.${terms}`)}
          onChange={(terms) => set('freightTerms')(terms || 'negotiable')}
        />
        <label class="check">
          <input
            id="rfq-sample"
            type="checkbox"
            checked={values.sampleRequired}
            onChange={(event: Event) => set('sampleRequired')((event.target as HTMLInputElement).checked)}
          />
          {t('rfqForm.sample')}
        </label>
      </fieldset>

      <SupplierPicker categoryId={values.categoryId} invited={invited} onChange={setInvited} max={maxInvitedSuppliers} />
      {invited.length === 0 && <p class="field__hint">{t('rfqForm.openTo')}</p>}
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={form.submitting}>
          {form.submitting ? t('rfqForm.submitting') : t('rfqForm.submit')}
        </button>
        <a href="/rfqs" class="button button--secondary">
          {t('rfqForm.cancel')}
        </a>
      </div>
    </form>
  )
}
