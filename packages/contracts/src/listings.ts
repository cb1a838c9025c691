import * as z from 'zod'
import { CategoryGroup, LocalizedText } from './catalog.ts'
import { text, wholeIn } from './fields.ts'
import * as values from './values.ts'

export const ListingStatus = z.enum(values.listingStatuses)
export type ListingStatus = z.infer<typeof ListingStatus>

export const UnitId = z.enum(values.unitIds)
export type UnitId = z.infer<typeof UnitId>

export const Craft = z.enum(values.crafts)
export type Craft = z.infer<typeof Craft>

/** Text in three languages as a supplier writes it: Chinese required, the others optional. */
export const ListingText = (max: number) => z.strictObject({ zh: text(max), bo: text(max).optional(), en: text(max).optional() })

export const Specs = z.strictObject({
  composition: text(200).optional(),
  widthCm: wholeIn(values.limits.widthCm).optional(),
  weightGsm: wholeIn(values.limits.weightGsm).optional(),
  color: text(60).optional(),
  origin: text(60).optional(),
  craft: z.array(Craft).max(8).optional(),
})
export type Specs = z.infer<typeof Specs>

export const PriceTier = z.strictObject({
  minQty: z.number().int().positive(),
  unitPriceFen: wholeIn(values.limits.unitPriceFen),
})
export type PriceTier = z.infer<typeof PriceTier>

/** Keys handed out by POST /api/uploads; only the uploader's own keys are accepted on a listing. */
export const PhotoKey = z.string().regex(values.photoKeyPattern, 'A photo key from /api/uploads')

/** A sample the buyer may order before a bulk order (a 0.5 m swatch, a colour card): one sample at this price. */
export const ListingSample = z.strictObject({
  priceFen: wholeIn(values.limits.unitPriceFen),
  description: ListingText(200),
})
export type ListingSample = z.infer<typeof ListingSample>

const listingFields = {
  title: ListingText(120),
  description: ListingText(4000),
  categoryId: z.string().regex(values.categoryIdPattern),
  specs: Specs.default({}),
  unit: UnitId,
  priceTiers: z.array(PriceTier).min(1).max(values.maxPriceTiers),
  moq: wholeIn(values.limits.quantity),
  stock: wholeIn(values.limits.stock),
  leadTimeDays: wholeIn(values.limits.leadTimeDays),
  photos: z.array(PhotoKey).max(values.maxListingPhotos, `At most ${values.maxListingPhotos} photos`).default([]),
  /** Null on an edit: the listing stops offering a sample. */
  sample: ListingSample.nullable().optional(),
  /** The supplier's own item number (货号): unique among its listings, how a bulk upload finds them again. */
  itemNumber: text(values.itemNumberMaxLength).optional(),
}

/** The tier rules of values.ts, each problem reported on the field it names. */
const checkTiers = (listing: { priceTiers?: PriceTier[]; moq?: number }, ctx: z.RefinementCtx) => {
  for (const { path, message } of values.tierProblems(listing.priceTiers, listing.moq))
    ctx.addIssue({ code: 'custom', path, message })
}

export const CreateListingInput = z.strictObject(listingFields).superRefine(checkTiers)
export type CreateListingInput = z.infer<typeof CreateListingInput>

/** An edit names the version it was made from; a stale one is refused with 412. */
export const UpdateListingInput = z
  .strictObject({ ...listingFields, version: z.number().int().positive() })
  .partial()
  .required({ version: true })
  .superRefine(checkTiers)
export type UpdateListingInput = z.infer<typeof UpdateListingInput>

/** Edits that change what buyers read or see wait for review; the approved version stays visible meanwhile. */
export const ListingRevision = z.object({
  title: LocalizedText.optional(),
  description: LocalizedText.optional(),
  categoryId: z.string().optional(),
  photos: z.array(z.string()).optional(),
  submittedAt: z.string(),
})
export type ListingRevision = z.infer<typeof ListingRevision>

export const RatingSummary = z.object({ average: z.number(), count: z.number().int() })
export type RatingSummary = z.infer<typeof RatingSummary>

export const SupplierCard = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string(),
  verified: z.boolean(),
  stall: z.string().optional(),
  rating: RatingSummary.optional(),
  /** Its certifications valid today (approved by an administrator, not expired): the badges. */
  certifications: z.array(z.enum(values.certificationKinds)).optional(),
})
export type SupplierCard = z.infer<typeof SupplierCard>

export const Listing = z.object({
  id: z.string(),
  supplierId: z.string(),
  status: ListingStatus,
  title: LocalizedText,
  description: LocalizedText,
  categoryId: z.string(),
  specs: Specs,
  unit: UnitId,
  priceTiers: z.array(PriceTier),
  fromPriceFen: z.number().int(),
  currency: z.literal('CNY'),
  moq: z.number().int(),
  stock: z.number().int(),
  leadTimeDays: z.number().int(),
  photos: z.array(z.string()),
  sample: z.object({ priceFen: z.number().int(), description: LocalizedText }).optional(),
  itemNumber: z.string().optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  listedAt: z.string().optional(),
  /** Why it was rejected or suspended (owner and admins only). */
  moderationReason: z.string().optional(),
  /** Edits awaiting review (owner and admins only). */
  revision: ListingRevision.optional(),
})
export type Listing = z.infer<typeof Listing>

export const ListingWithSupplier = Listing.extend({ supplier: SupplierCard })
export type ListingWithSupplier = z.infer<typeof ListingWithSupplier>

export const ListingCard = z.object({
  id: z.string(),
  title: LocalizedText,
  categoryId: z.string(),
  unit: UnitId,
  fromPriceFen: z.number().int(),
  /** The unit price at the MOQ: the top of the card's price range. */
  moqPriceFen: z.number().int(),
  currency: z.literal('CNY'),
  moq: z.number().int(),
  inStock: z.boolean(),
  stock: z.number().int(),
  origin: z.string().optional(),
  photo: z.string().optional(),
  listedAt: z.string(),
  supplier: SupplierCard,
})
export type ListingCard = z.infer<typeof ListingCard>

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1')
const fen = z.coerce.number().int().min(0).max(values.limits.unitPriceFen.max)

export const BrowseQuery = z
  .strictObject({
    category: z.string().max(40).optional(),
    q: z.string().trim().max(100).optional(),
    origin: z.string().trim().max(60).optional(),
    minPrice: fen.optional(),
    maxPrice: fen.optional(),
    inStock: flag.optional(),
    /** `green`: only suppliers holding a valid green certification (绿色认证). */
    certified: z.enum(values.certifiedFilters).optional(),
    sort: z.enum(values.browseSorts).default('newest'),
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(24),
  })
  .refine((query) => query.minPrice === undefined || query.maxPrice === undefined || query.minPrice <= query.maxPrice, {
    message: 'minPrice must not exceed maxPrice',
    path: ['minPrice'],
  })
export type BrowseQuery = z.infer<typeof BrowseQuery>

/**
 * How many listings a first page of results stands for: exact when they fit on it, otherwise a
 * lower bound from the index entries its one Query read (capped at `resultCountCap`).
 */
export const ResultCount = z.object({ count: z.number().int().min(0), atLeast: z.boolean() })
export type ResultCount = z.infer<typeof ResultCount>

export const ListingPage = z.object({
  items: z.array(ListingCard),
  nextCursor: z.string().nullable(),
  /** On the first page only. */
  total: ResultCount.optional(),
})
export type ListingPage = z.infer<typeof ListingPage>

export const OwnListingsPage = z.object({ items: z.array(Listing), nextCursor: z.string().nullable() })

export const ModerationQuery = z.strictObject({
  status: z.enum(values.moderationStatuses).default('pending_review'),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})
export type ModerationQuery = z.infer<typeof ModerationQuery>

export const ModerationPage = z.object({ items: z.array(ListingWithSupplier), nextCursor: z.string().nullable() })

/** Why a signed-in user reports a listing, or why an administrator dismisses its reports. */
export const ListingReportInput = z.strictObject({ reason: text(values.maxReasonLength) })
export type ListingReportInput = z.infer<typeof ListingReportInput>

/** A report taken: a repeat by the same user while the first is open answers the first. */
export const ListingReportReceipt = z.object({ listingId: z.string(), reportedAt: z.string() })

export const ListingReportsDismissed = z.object({ listingId: z.string(), dismissedAt: z.string() })

export const ListingReport = z.object({ by: z.string(), byName: z.string(), reason: z.string(), at: z.string() })
export type ListingReport = z.infer<typeof ListingReport>

/** A listing in the administrators' reported queue: its open reports, oldest first. */
export const ReportedListing = z.object({
  listing: ListingWithSupplier,
  reportCount: z.number().int(),
  firstReportedAt: z.string(),
  reports: z.array(ListingReport),
})
export type ReportedListing = z.infer<typeof ReportedListing>

export const ReportedListingsPage = z.object({ items: z.array(ReportedListing), nextCursor: z.string().nullable() })

export const UploadRequest = z.strictObject({
  contentType: z.enum(values.photoContentTypes, 'Photos must be JPEG, PNG or WebP'),
  size: z.number().int().positive().max(values.maxPhotoBytes, 'Photos can be at most 5 MB'),
})
export type UploadRequest = z.infer<typeof UploadRequest>

export const UploadTicket = z.object({
  key: z.string(),
  uploadUrl: z.string(),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
})
export type UploadTicket = z.infer<typeof UploadTicket>

export const CategoryInput = z.strictObject({
  id: z.string().regex(values.categoryIdPattern),
  group: CategoryGroup,
  name: ListingText(60),
  sortOrder: z.number().int().min(0).max(100000),
  /** Why, for the audit log. */
  reason: text(values.maxReasonLength).optional(),
})
export const CategoryPatch = CategoryInput.omit({ id: true }).partial()
export const CategoryId = z.strictObject({ id: z.string().regex(values.categoryIdPattern) })
