import type { CategoriesResponse, Craft, CreateListingInput, Listing, UnitId } from '@market/contracts'
import {
  crafts,
  isWithin,
  limits,
  maxListingPhotos,
  maxPriceTiers,
  type Range,
  type TierProblem,
  tierProblems,
  unitIds,
} from '@market/contracts/values'
import { useEffect, useState } from 'hono/jsx/dom'
import { ApiError, api, fieldErrorPaths } from '../api/client.ts'
import { useResource } from '../api/use-resource.ts'
import { CategorySelect } from '../components/category-select.tsx'
import { describeError, FormError, TextField, useFocusFirstInvalid } from '../components/form.tsx'
import { type Photo, PhotoPicker } from '../components/photo-picker.tsx'
import { ErrorState, Loading, ResourceView } from '../components/states.tsx'
import { fill, localized, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { useCatalog } from '../listings/catalog.ts'
import { photoUrl } from '../listings/listing-photo.tsx'
import { fenToYuanInput, parseYuan } from '../listings/money.ts'
import { navigate } from '../router.ts'
import { useRequireSignIn } from '../session/session.ts'
import { craftLabel } from './listing.tsx'
import { SupplierOnly } from './supplier-listings.tsx'

type Tier = { minQty: string; price: string }
type Values = {
  titleZh: string
  titleBo: string
  titleEn: string
  descZh: string
  descBo: string
  descEn: string
  categoryId: string
  unit: UnitId
  composition: string
  widthCm: string
  weightGsm: string
  color: string
  origin: string
  craft: Craft[]
  tiers: Tier[]
  moq: string
  stock: string
  leadTimeDays: string
}
/** A photo in the form: a saved key, or a fresh file on its way to the bucket. */

const emptyValues: Values = {
  titleZh: '',
  titleBo: '',
  titleEn: '',
  descZh: '',
  descBo: '',
  descEn: '',
  categoryId: '',
  unit: 'm',
  composition: '',
  widthCm: '',
  weightGsm: '',
  color: '',
  origin: '',
  craft: [],
  tiers: [{ minQty: '', price: '' }],
  moq: '',
  stock: '',
  leadTimeDays: '',
}

/** The form shows what the supplier last wrote: pending edits over the approved text. */
const valuesOf = (listing: Listing): Values => {
  const title = listing.revision?.title ?? listing.title
  const description = listing.revision?.description ?? listing.description
  return {
    titleZh: title.zh,
    titleBo: title.bo ?? '',
    titleEn: title.en ?? '',
    descZh: description.zh,
    descBo: description.bo ?? '',
    descEn: description.en ?? '',
    categoryId: listing.revision?.categoryId ?? listing.categoryId,
    unit: listing.unit,
    composition: listing.specs.composition ?? '',
    widthCm: listing.specs.widthCm ? String(listing.specs.widthCm) : '',
    weightGsm: listing.specs.weightGsm ? String(listing.specs.weightGsm) : '',
    color: listing.specs.color ?? '',
    origin: listing.specs.origin ?? '',
    craft: listing.specs.craft ?? [],
    tiers: listing.priceTiers.map((tier) => ({ minQty: String(tier.minQty), price: fenToYuanInput(tier.unitPriceFen) })),
    moq: String(listing.moq),
    stock: String(listing.stock),
    leadTimeDays: String(listing.leadTimeDays),
  }
}

type Errors = Record<string, MessageKey>

const wholeNumber = (value: string) => (/^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : null)

/** How the form words each of the contracts' tier rules. */
const tierRuleMessages: Record<TierProblem['rule'], MessageKey> = {
  sorted: 'listingForm.tier.order',
  never_dearer: 'listingForm.tier.dearer',
  first_within_moq: 'listingForm.tier.firstAboveMoq',
}

/** A tier's minimum quantity: any whole number from 1 (the contracts bound it only from below). */
const tierQuantity: Range = { min: 1, max: Number.MAX_SAFE_INTEGER }

/** The contracts' rules, checked before sending so most mistakes are named without a round trip. */
const check = (values: Values): { body: CreateListingInput | null; errors: Errors } => {
  const errors: Errors = {}
  const text = (value: string) => value.trim() || undefined
  if (!values.titleZh.trim()) errors['title.zh'] = 'listingForm.required'
  if (!values.descZh.trim()) errors['description.zh'] = 'listingForm.required'
  if (!values.categoryId) errors.categoryId = 'listingForm.required'
  const count = (path: string, value: string, range: Range, optional = false) => {
    if (optional && !value.trim()) return undefined
    const n = wholeNumber(value)
    if (n === null || !isWithin(n, range)) {
      errors[path] = value.trim() ? 'listingForm.wholeNumber' : 'listingForm.required'
      return undefined
    }
    return n
  }
  const moq = count('moq', values.moq, limits.quantity)
  const stock = count('stock', values.stock, limits.stock)
  const leadTimeDays = count('leadTimeDays', values.leadTimeDays, limits.leadTimeDays)
  const widthCm = count('specs.widthCm', values.widthCm, limits.widthCm, true)
  const weightGsm = count('specs.weightGsm', values.weightGsm, limits.weightGsm, true)
  const tiers = values.tiers.map((tier, index) => {
    const minQty = count(`priceTiers.${index}.minQty`, tier.minQty, tierQuantity)
    const price = parseYuan(tier.price)
    const priceOk = price !== null && isWithin(price, limits.unitPriceFen)
    if (!priceOk) errors[`priceTiers.${index}.unitPriceFen`] = 'listingForm.price.invalid'
    // A value not yet right takes part in no comparison (NaN compares false).
    return { minQty: minQty ?? Number.NaN, unitPriceFen: priceOk ? price : Number.NaN }
  })
  for (const problem of tierProblems(tiers, moq)) errors[problem.path.join('.')] ??= tierRuleMessages[problem.rule]
  if (Object.keys(errors).length > 0 || moq === undefined || stock === undefined || leadTimeDays === undefined) {
    return { body: null, errors }
  }
  const localizedText = (zh: string, bo: string, en: string) => ({
    zh: zh.trim(),
    ...(text(bo) ? { bo: bo.trim() } : {}),
    ...(text(en) ? { en: en.trim() } : {}),
  })
  const specs = {
    ...(text(values.composition) ? { composition: values.composition.trim() } : {}),
    ...(widthCm !== undefined ? { widthCm } : {}),
    ...(weightGsm !== undefined ? { weightGsm } : {}),
    ...(text(values.color) ? { color: values.color.trim() } : {}),
    ...(text(values.origin) ? { origin: values.origin.trim() } : {}),
    ...(values.craft.length ? { craft: values.craft } : {}),
  }
  return {
    errors,
    body: {
      title: localizedText(values.titleZh, values.titleBo, values.titleEn),
      description: localizedText(values.descZh, values.descBo, values.descEn),
      categoryId: values.categoryId,
      specs,
      unit: values.unit,
      priceTiers: tiers,
      moq,
      stock,
      leadTimeDays,
      photos: [],
    },
  }
}

/** The server's 400 names fields by path; each gets the message its rule deserves. */
const serverErrors = (error: unknown): Errors => {
  const found: Errors = {}
  for (const path of fieldErrorPaths(error)) {
    const tier = /^priceTiers\.(\d+)\.(minQty|unitPriceFen)$/.exec(path)
    if (tier) {
      const first = tier[1] === '0'
      found[path] =
        tier[2] === 'minQty'
          ? first
            ? 'listingForm.tier.firstAboveMoq'
            : 'listingForm.tier.order'
          : first
            ? 'listingForm.price.invalid'
            : 'listingForm.tier.dearer'
    } else {
      found[path.startsWith('photos') ? 'photos' : path] = 'field.invalid'
    }
  }
  if (error instanceof ApiError && error.code === 'listing.unknown_category') found.categoryId = 'error.listing.unknown_category'
  if (error instanceof ApiError && error.code === 'listing.foreign_photo') found.photos = 'error.listing.foreign_photo'
  return found
}

const ListingForm = ({
  catalog,
  listing,
  onReload,
}: {
  catalog: CategoriesResponse
  listing?: Listing
  onReload?: () => void
}) => {
  const { t, locale } = useI18n()
  const [values, setValues] = useState<Values>(listing ? valuesOf(listing) : emptyValues)
  const [photos, setPhotos] = useState<Photo[]>(
    (listing?.revision?.photos ?? listing?.photos ?? []).map((key) => ({
      id: key,
      key,
      preview: photoUrl(key),
      uploading: false,
      fresh: false,
    })),
  )
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState<unknown>(null)
  const [submitting, setSubmitting] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const formRef = useFocusFirstInvalid(attempt)
  useEffect(
    () => () => {
      for (const photo of photos) if (photo.fresh) URL.revokeObjectURL(photo.preview)
    },
    [],
  )

  const paths: Partial<Record<keyof Values, string>> = {
    titleZh: 'title.zh',
    titleBo: 'title.bo',
    titleEn: 'title.en',
    descZh: 'description.zh',
    descBo: 'description.bo',
    descEn: 'description.en',
    widthCm: 'specs.widthCm',
    weightGsm: 'specs.weightGsm',
    composition: 'specs.composition',
    color: 'specs.color',
    origin: 'specs.origin',
  }
  /** A field's error goes once the supplier changes it; the next save checks again. */
  const clearError = (path: string) =>
    setErrors((current) => {
      if (!(path in current)) return current
      const { [path]: _cleared, ...rest } = current
      return rest
    })
  const set = (name: keyof Values) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }))
    clearError(paths[name] ?? name)
  }
  const setTier = (index: number, field: keyof Tier) => (event: Event) => {
    const value = (event.target as HTMLInputElement).value
    clearError(`priceTiers.${index}.${field === 'price' ? 'unitPriceFen' : 'minQty'}`)
    setValues((current) => ({
      ...current,
      tiers: current.tiers.map((tier, i) => (i === index ? { ...tier, [field]: value } : tier)),
    }))
  }
  const errorFor = (path: string) => {
    const key = errors[path]
    return key ? t(key) : undefined
  }
  const unitName = localized(locale, catalog.units.find((unit) => unit.id === values.unit)?.name ?? { zh: values.unit })

  const submit = async (event: Event) => {
    event.preventDefault()
    if (submitting) return
    setFormError(null)
    const { body, errors: found } = check(values)
    if (photos.some((photo) => photo.uploading)) found.photos = 'listingForm.photos.wait'
    else if (photos.some((photo) => !photo.key)) found.photos = 'listingForm.photos.failed'
    setErrors(found)
    if (!body || Object.keys(found).length > 0) {
      setFormError('invalid')
      setAttempt((n) => n + 1)
      return
    }
    body.photos = photos.map((photo) => photo.key as string)
    setSubmitting(true)
    try {
      const saved = listing
        ? await (
            await api.listings.api.listings[':id'].$patch({
              param: { id: listing.id },
              json: { ...body, version: listing.version },
            })
          ).json()
        : await (await api.listings.api.listings.$post({ json: body })).json()
      navigate(`/supplier/listings?saved=${saved.id}`)
    } catch (error) {
      setErrors(serverErrors(error))
      setFormError(error)
      setAttempt((n) => n + 1)
    } finally {
      setSubmitting(false)
    }
  }

  const stale = formError instanceof ApiError && formError.code === 'listing.stale_version'
  const tierError = (index: number, field: 'minQty' | 'unitPriceFen') => errorFor(`priceTiers.${index}.${field}`)

  return (
    <form class="form form--wide listing-form" noValidate onSubmit={submit} ref={formRef}>
      {listing?.status === 'active' && (
        <div class="notice" data-notice="active-edit">
          <p class="notice__title">{t('listingForm.activeNotice.title')}</p>
          <p>{t('listingForm.activeNotice.body')}</p>
        </div>
      )}
      {listing?.status === 'rejected' && (
        <div class="notice notice--danger" data-notice="rejected-edit">
          <p>{t('listingForm.rejectedNotice')}</p>
          {listing.moderationReason && (
            <p>
              <strong>{t('listing.owner.reason')}</strong> {listing.moderationReason}
            </p>
          )}
        </div>
      )}
      <fieldset class="fieldset">
        <legend class="fieldset__title">{t('listingForm.section.text')}</legend>
        <TextField
          id="title-zh"
          label={t('listingForm.titleZh')}
          value={values.titleZh}
          onInput={set('titleZh')}
          required
          error={errorFor('title.zh')}
        />
        <TextField
          id="title-bo"
          label={t('listingForm.titleBo')}
          value={values.titleBo}
          onInput={set('titleBo')}
          error={errorFor('title.bo')}
        />
        <TextField
          id="title-en"
          label={t('listingForm.titleEn')}
          value={values.titleEn}
          onInput={set('titleEn')}
          error={errorFor('title.en')}
        />
        <TextField
          id="description-zh"
          label={t('listingForm.descriptionZh')}
          value={values.descZh}
          onInput={set('descZh')}
          required
          multiline
          error={errorFor('description.zh')}
        />
        <TextField
          id="description-bo"
          label={t('listingForm.descriptionBo')}
          value={values.descBo}
          onInput={set('descBo')}
          multiline
          error={errorFor('description.bo')}
        />
        <TextField
          id="description-en"
          label={t('listingForm.descriptionEn')}
          value={values.descEn}
          onInput={set('descEn')}
          multiline
          error={errorFor('description.en')}
        />
      </fieldset>

      <fieldset class="fieldset">
        <legend class="fieldset__title">{t('listingForm.section.material')}</legend>
        <CategorySelect
          id="category"
          catalog={catalog}
          value={values.categoryId}
          onChange={set('categoryId')}
          error={errorFor('categoryId')}
        />
        <div class="field">
          <label class="field__label" for="unit">
            {t('listingForm.unit')}
          </label>
          <select
            id="unit"
            class="select"
            onChange={(event: Event) => {
              const value = (event.target as HTMLSelectElement).value
              setValues((current) => ({ ...current, unit: unitIds.find((unit) => unit === value) ?? current.unit }))
            }}
          >
            {catalog.units.map((unit) => (
              <option value={unit.id} selected={values.unit === unit.id}>
                {localized(locale, unit.name)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="composition"
          label={t('spec.composition')}
          value={values.composition}
          onInput={set('composition')}
          error={errorFor('specs.composition')}
        />
        <div class="form-pair">
          <TextField
            id="width-cm"
            label={t('listingForm.widthCm')}
            value={values.widthCm}
            onInput={set('widthCm')}
            error={errorFor('specs.widthCm')}
          />
          <TextField
            id="weight-gsm"
            label={t('listingForm.weightGsm')}
            value={values.weightGsm}
            onInput={set('weightGsm')}
            error={errorFor('specs.weightGsm')}
          />
        </div>
        <div class="form-pair">
          <TextField
            id="color"
            label={t('spec.color')}
            value={values.color}
            onInput={set('color')}
            error={errorFor('specs.color')}
          />
          <TextField
            id="origin"
            label={t('spec.origin')}
            value={values.origin}
            onInput={set('origin')}
            error={errorFor('specs.origin')}
          />
        </div>
        <fieldset class="fieldset fieldset--plain">
          <legend class="field__label">
            {t('spec.craft')} <span class="field__optional">({t('field.optional')})</span>
          </legend>
          <div class="check-grid">
            {crafts.map((craft) => (
              <label class="check">
                <input
                  type="checkbox"
                  value={craft}
                  checked={values.craft.includes(craft)}
                  onChange={(event: Event) => {
                    const checked = (event.target as HTMLInputElement).checked
                    setValues((current) => ({
                      ...current,
                      craft: checked ? [...current.craft, craft] : current.craft.filter((c) => c !== craft),
                    }))
                  }}
                />
                {t(craftLabel(craft))}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>

      <fieldset class="fieldset">
        <legend class="fieldset__title">{t('listingForm.section.sale')}</legend>
        <div class="form-pair form-pair--three">
          <TextField
            id="moq"
            label={fill(t('listingForm.moq'), { unit: unitName })}
            value={values.moq}
            onInput={set('moq')}
            required
            error={errorFor('moq')}
          />
          <TextField
            id="stock"
            label={fill(t('listingForm.stock'), { unit: unitName })}
            value={values.stock}
            onInput={set('stock')}
            required
            error={errorFor('stock')}
          />
          <TextField
            id="lead-time"
            label={t('listingForm.leadTime')}
            value={values.leadTimeDays}
            onInput={set('leadTimeDays')}
            required
            error={errorFor('leadTimeDays')}
          />
        </div>
        <fieldset class="fieldset fieldset--plain tiers-editor" aria-describedby="tiers-hint">
          <legend class="field__label">{t('listing.tiers')}</legend>
          <p class="field__hint" id="tiers-hint">
            {t('listingForm.tiers.hint')}
          </p>
          <ol class="tier-rows">
            {values.tiers.map((tier, index) => {
              const qtyError = tierError(index, 'minQty')
              const priceError = tierError(index, 'unitPriceFen')
              return (
                <li class="tier-row" data-tier={index}>
                  <p class="tier-row__title" aria-hidden="true">
                    {fill(t('listingForm.tier.n'), { n: index + 1 })}
                  </p>
                  <div class="field">
                    <label class="field__label" for={`tier-${index}-qty`}>
                      <span class="visually-hidden">{fill(t('listingForm.tier.n'), { n: index + 1 })} </span>
                      {fill(t('listingForm.tier.qty'), { unit: unitName })}
                    </label>
                    <input
                      id={`tier-${index}-qty`}
                      class="input"
                      inputMode="numeric"
                      value={tier.minQty}
                      aria-invalid={qtyError ? 'true' : undefined}
                      aria-describedby={qtyError ? `tier-${index}-qty-error` : undefined}
                      onInput={setTier(index, 'minQty')}
                    />
                    {qtyError && (
                      <p class="field__error" id={`tier-${index}-qty-error`}>
                        {qtyError}
                      </p>
                    )}
                  </div>
                  <div class="field">
                    <label class="field__label" for={`tier-${index}-price`}>
                      <span class="visually-hidden">{fill(t('listingForm.tier.n'), { n: index + 1 })} </span>
                      {fill(t('listingForm.tier.price'), { unit: unitName })}
                    </label>
                    <input
                      id={`tier-${index}-price`}
                      class="input"
                      inputMode="decimal"
                      value={tier.price}
                      aria-invalid={priceError ? 'true' : undefined}
                      aria-describedby={priceError ? `tier-${index}-price-error` : undefined}
                      onInput={setTier(index, 'price')}
                    />
                    {priceError && (
                      <p class="field__error" id={`tier-${index}-price-error`}>
                        {priceError}
                      </p>
                    )}
                  </div>
                  {values.tiers.length > 1 && (
                    <button
                      type="button"
                      class="button button--secondary button--small tier-row__remove"
                      aria-label={fill(t('listingForm.tier.remove'), { n: index + 1 })}
                      onClick={() => setValues((current) => ({ ...current, tiers: current.tiers.filter((_, i) => i !== index) }))}
                    >
                      {t('listingForm.remove')}
                    </button>
                  )}
                </li>
              )
            })}
          </ol>
          {values.tiers.length < maxPriceTiers && (
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => setValues((current) => ({ ...current, tiers: [...current.tiers, { minQty: '', price: '' }] }))}
            >
              {t('listingForm.tier.add')}
            </button>
          )}
        </fieldset>
      </fieldset>

      <PhotoPicker photos={photos} setPhotos={setPhotos} max={maxListingPhotos} error={errorFor('photos')} />

      {formError !== null && (
        <FormError>
          {formError === 'invalid' ? (
            t('listingForm.invalid')
          ) : stale ? (
            <>
              <p>{t('error.listing.stale_version')}</p>
              <button type="button" class="button button--secondary button--small" onClick={onReload}>
                {t('listingForm.reload')}
              </button>
            </>
          ) : (
            describeError(locale, formError)
          )}
        </FormError>
      )}
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={submitting}>
          {submitting ? t('listingForm.saving') : listing ? t('listingForm.saveChanges') : t('listingForm.saveDraft')}
        </button>
        <a href="/supplier/listings" class="button button--secondary">
          {t('admin.cancel')}
        </a>
      </div>
    </form>
  )
}

export const NewListingPage = () => {
  const { t } = useI18n()
  const { me } = useRequireSignIn()
  const catalog = useCatalog()
  if (!me) return <Loading />
  if (me.role !== 'supplier') return <SupplierOnly />
  return (
    <>
      <h1>{t('listingForm.newTitle')}</h1>
      <p class="lead">{t('listingForm.newIntro')}</p>
      <ResourceView resource={catalog}>{(data) => <ListingForm catalog={data} />}</ResourceView>
    </>
  )
}

export const EditListingPage = ({ id }: { id: string }) => {
  const { t } = useI18n()
  const { me } = useRequireSignIn()
  const catalog = useCatalog()
  const listing = useResource(async () => (await api.listings.api.listings[':id'].$get({ param: { id } })).json(), [id])
  if (!me) return <Loading />
  if (me.role !== 'supplier') return <SupplierOnly />
  return (
    <>
      <h1>{t('listingForm.editTitle')}</h1>
      {catalog.state === 'error' && <ErrorState error={catalog.error} onRetry={catalog.reload} />}
      {catalog.state === 'ready' && (
        <ResourceView resource={listing}>
          {(data) => (
            // Keyed by version: reloading after a 412 starts the form again from the newest version.
            <ListingForm
              key={`${data.id}-${data.version}`}
              catalog={catalog.data}
              listing={data}
              onReload={listing.state === 'ready' ? listing.reload : undefined}
            />
          )}
        </ResourceView>
      )}
      {catalog.state === 'loading' && <Loading />}
    </>
  )
}
