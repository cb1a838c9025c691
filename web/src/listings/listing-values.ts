import type { Craft, CreateListingInput, Listing, UnitId } from '@market/contracts'
import { isWithin, limits, type Range, type TierProblem, tierProblems } from '@market/contracts/values'
import { ApiError, fieldErrorPaths } from '../api/client.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { fenToYuanInput, parseYuan } from './money.ts'

/** What the listing form holds: text as typed, one field per language, tiers as rows of yuan. */
export type Tier = { minQty: string; price: string }
export type Values = {
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
  /** A sample offered before a bulk order: its price in yuan and what it is, in three languages. */
  sampleOffered: boolean
  samplePrice: string
  sampleZh: string
  sampleBo: string
  sampleEn: string
  itemNumber: string
}
export const emptyValues: Values = {
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
  sampleOffered: false,
  samplePrice: '',
  sampleZh: '',
  sampleBo: '',
  sampleEn: '',
  itemNumber: '',
}

/** The form shows what the supplier last wrote: pending edits over the approved text. */
export const valuesOf = (listing: Listing): Values => {
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
    sampleOffered: Boolean(listing.sample),
    samplePrice: listing.sample ? fenToYuanInput(listing.sample.priceFen) : '',
    sampleZh: listing.sample?.description.zh ?? '',
    sampleBo: listing.sample?.description.bo ?? '',
    sampleEn: listing.sample?.description.en ?? '',
    itemNumber: listing.itemNumber ?? '',
  }
}

const wholeNumber = (value: string) => (/^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : null)

/** How the form words each of the contracts' tier rules. */
const tierRuleMessages: Record<TierProblem['rule'], MessageKey> = {
  sorted: 'listingForm.tier.order',
  never_dearer: 'listingForm.tier.dearer',
  first_within_moq: 'listingForm.tier.firstAboveMoq',
}

/** A tier's minimum quantity: any whole number from 1 (the contracts bound it only from below). */
const tierQuantity: Range = { min: 1, max: Number.MAX_SAFE_INTEGER }

/**
 * The form's values as the listing the API takes, checked by the contracts' rules first, so most
 * mistakes are named without a round trip; `body` only when there are none.
 */
export const readValues = (values: Values): { body: CreateListingInput | null; errors: Record<string, MessageKey> } => {
  const errors: Record<string, MessageKey> = {}
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
  const samplePriceFen = values.sampleOffered ? parseYuan(values.samplePrice) : null
  if (values.sampleOffered) {
    if (samplePriceFen === null || !isWithin(samplePriceFen, limits.unitPriceFen)) {
      errors['sample.priceFen'] = 'listingForm.price.invalid'
    }
    if (!values.sampleZh.trim()) errors['sample.description.zh'] = 'listingForm.required'
  }
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
      ...(text(values.itemNumber) ? { itemNumber: values.itemNumber.trim() } : {}),
      photos: [],
      // Null on an edit takes an offered sample away.
      sample:
        values.sampleOffered && samplePriceFen !== null
          ? { priceFen: samplePriceFen, description: localizedText(values.sampleZh, values.sampleBo, values.sampleEn) }
          : null,
    },
  }
}

/** The server's 400 names fields by path; each gets the message its rule deserves. */
export const serverErrors = (error: unknown) => {
  const found: Record<string, MessageKey> = {}
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
  if (error instanceof ApiError && error.code === 'listing.duplicate_item_number')
    found.itemNumber = 'error.listing.duplicate_item_number'
  return found
}
