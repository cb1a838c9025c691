import type { CategoriesResponse, CreateListingInput, Listing } from '@market/contracts'
import { crafts, maxListingPhotos } from '@market/contracts/values'
import { ApiError, api } from '../api/client.ts'
import { CategorySelect, UnitSelect } from '../components/category-select.tsx'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { PhotoPicker, photosNotReady, usePhotos } from '../components/photo-picker.tsx'
import { type FieldErrors, useForm } from '../components/use-form.ts'
import { fill, useI18n } from '../i18n/i18n.ts'
import { navigate } from '../router.ts'
import { craftLabel, namesIn } from './catalog.ts'
import { emptyValues, readValues, serverErrors, type Values, valuesOf } from './listing-values.ts'
import { TibetanGlossary } from './tibetan-glossary.tsx'
import { TierEditor } from './tier-editor.tsx'

/** Where each value's errors are named (the API's paths). */
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
  samplePrice: 'sample.priceFen',
  sampleZh: 'sample.description.zh',
  sampleBo: 'sample.description.bo',
  sampleEn: 'sample.description.en',
}

const languages = { zh: 'Zh', bo: 'Bo', en: 'En' } as const

/** What the listing says in each language: the title and the description, Chinese required. */
const TextFields = ({ form, catalog }: { form: ReturnType<typeof useForm<Values>>; catalog: CategoriesResponse }) => {
  const { t } = useI18n()
  const fields = (['title', 'description'] as const).flatMap((part) =>
    (['zh', 'bo', 'en'] as const).map((lang) => ({ part, lang, suffix: languages[lang] })),
  )
  return (
    <>
      {fields.map(({ part, lang, suffix }) => {
        const name = part === 'title' ? (`title${suffix}` as const) : (`desc${suffix}` as const)
        return (
          <>
            <TextField
              id={`${part}-${lang}`}
              label={t(`listingForm.${part}${suffix}`)}
              value={form.values[name]}
              onInput={form.set(name)}
              required={lang === 'zh'}
              multiline={part === 'description'}
              error={form.errorFor(`${part}.${lang}`)}
            />
            {name === 'titleBo' && <TibetanGlossary catalog={catalog} empty={!form.values.titleBo.trim()} />}
          </>
        )
      })}
    </>
  )
}

/**
 * A supplier's listing, new or edited: text in three languages, the material and its specs, how
 * it is sold (MOQ, stock, lead time, price tiers) and photos. An edit names the version it started from.
 */
export const ListingForm = ({
  catalog,
  listing,
  onReload,
}: {
  catalog: CategoriesResponse
  listing?: Listing
  onReload?: () => void
}) => {
  const { t, locale } = useI18n()
  const form = useForm<Values>(
    () => (listing ? valuesOf(listing) : emptyValues),
    (name) => paths[name] ?? String(name),
  )
  const { values, set } = form
  const [photos, setPhotos] = usePhotos(listing?.revision?.photos ?? listing?.photos)
  const unitName = namesIn(locale, catalog).unit(values.unit)

  let body: CreateListingInput | null = null
  const check = () => {
    const read = readValues(values)
    body = read.body
    const found: FieldErrors = { ...read.errors }
    const waiting = photosNotReady(photos)
    if (waiting) found.photos = waiting
    return found
  }
  const send = async () => {
    if (!body) return
    const json = { ...body, photos: photos.flatMap((photo) => photo.key ?? []) }
    const saved = listing
      ? await (
          await api.listings.api.listings[':id'].$patch({
            param: { id: listing.id },
            json: { ...json, version: listing.version },
          })
        ).json()
      : await (await api.listings.api.listings.$post({ json })).json()
    navigate(`/supplier/listings?saved=${saved.id}`)
  }
  const refused = (error: unknown) => ({ errors: serverErrors(error) })

  const failure = form.failure
  const stale = failure instanceof ApiError && failure.code === 'listing.stale_version'
  const count = (id: string, name: 'moq' | 'stock' | 'leadTimeDays', label: string) => (
    <TextField id={id} label={label} value={values[name]} onInput={set(name)} required error={form.errorFor(name)} />
  )
  const spec = (id: string, name: 'composition' | 'widthCm' | 'weightGsm' | 'color' | 'origin', label: string) => (
    <TextField id={id} label={label} value={values[name]} onInput={set(name)} error={form.errorFor(`specs.${name}`)} />
  )

  return (
    <form class="form form--wide listing-form" noValidate onSubmit={form.submit({ check, send, refused })} ref={form.formRef}>
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
        <TextFields form={form} catalog={catalog} />
      </fieldset>

      <fieldset class="fieldset">
        <legend class="fieldset__title">{t('listingForm.section.material')}</legend>
        <CategorySelect
          id="category"
          catalog={catalog}
          value={values.categoryId}
          onChange={set('categoryId')}
          error={form.errorFor('categoryId')}
        />
        <UnitSelect id="unit" catalog={catalog} value={values.unit} onChange={set('unit')} />
        <TextField
          id="item-number"
          label={t('listingForm.itemNumber')}
          hint={t('listingForm.itemNumberHint')}
          value={values.itemNumber}
          onInput={set('itemNumber')}
          error={form.errorFor('itemNumber')}
        />
        {spec('composition', 'composition', t('spec.composition'))}
        <div class="form-pair">
          {spec('width-cm', 'widthCm', t('listingForm.widthCm'))}
          {spec('weight-gsm', 'weightGsm', t('listingForm.weightGsm'))}
        </div>
        <div class="form-pair">
          {spec('color', 'color', t('spec.color'))}
          {spec('origin', 'origin', t('spec.origin'))}
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
                    set('craft')(checked ? [...values.craft, craft] : values.craft.filter((c) => c !== craft))
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
          {count('moq', 'moq', fill(t('listingForm.moq'), { unit: unitName }))}
          {count('stock', 'stock', fill(t('listingForm.stock'), { unit: unitName }))}
          {count('lead-time', 'leadTimeDays', t('listingForm.leadTime'))}
        </div>
        <TierEditor
          tiers={values.tiers}
          unit={unitName}
          errorFor={form.errorFor}
          onChange={(tiers, changed) => {
            form.setValues((current) => ({ ...current, tiers }))
            if (changed) form.clearError(`priceTiers.${changed.index}.${changed.field === 'price' ? 'unitPriceFen' : 'minQty'}`)
          }}
        />
      </fieldset>

      <fieldset class="fieldset" data-sample-fields>
        <legend class="fieldset__title">{t('listingForm.section.sample')}</legend>
        <label class="check">
          <input
            type="checkbox"
            name="sampleOffered"
            checked={values.sampleOffered}
            onChange={(event: Event) => set('sampleOffered')((event.target as HTMLInputElement).checked)}
          />
          {t('listingForm.sample.offer')}
        </label>
        <p class="field__hint">{t('listingForm.sample.hint')}</p>
        {values.sampleOffered && (
          <>
            <TextField
              id="sample-price"
              label={t('listingForm.sample.price')}
              value={values.samplePrice}
              onInput={set('samplePrice')}
              inputmode="decimal"
              required
              error={form.errorFor('sample.priceFen')}
            />
            {(['zh', 'bo', 'en'] as const).map((lang) => {
              const name = `sample${languages[lang]}` as const
              return (
                <TextField
                  id={`sample-${lang}`}
                  label={t(`listingForm.sample.description${languages[lang]}`)}
                  value={values[name]}
                  onInput={set(name)}
                  required={lang === 'zh'}
                  error={form.errorFor(`sample.description.${lang}`)}
                />
              )
            })}
          </>
        )}
      </fieldset>

      <PhotoPicker photos={photos} setPhotos={setPhotos} max={maxListingPhotos} error={form.errorFor('photos')} />

      {(form.invalid || failure !== null) && (
        <FormError>
          {form.invalid ? (
            t('listingForm.invalid')
          ) : stale ? (
            <>
              <p>{t('error.listing.stale_version')}</p>
              <button type="button" class="button button--secondary button--small" onClick={onReload}>
                {t('listingForm.reload')}
              </button>
            </>
          ) : (
            describeError(locale, failure)
          )}
        </FormError>
      )}
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={form.submitting}>
          {form.submitting ? t('listingForm.saving') : listing ? t('listingForm.saveChanges') : t('listingForm.saveDraft')}
        </button>
        <a href="/supplier/listings" class="button button--secondary">
          {t('admin.cancel')}
        </a>
      </div>
    </form>
  )
}
