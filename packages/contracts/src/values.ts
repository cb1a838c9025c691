/**
 * The lists and rules of the contracts as plain values: every enum, pattern and bound the zod
 * schemas use is taken from here, and the web imports this module (with `units.ts`) instead of
 * the schemas, so it checks by the same rules without bringing zod into its bundle. Nothing here
 * may import zod.
 */

/* Accounts */
export const roles = ['buyer', 'supplier', 'admin'] as const
/** The roles people register as themselves; administrators are created with `npm run admin`. */
export const selfRegisteredRoles = ['buyer', 'supplier'] as const
export const accountStatuses = ['active', 'suspended'] as const
export const verificationStatuses = ['unverified', 'pending', 'verified', 'rejected'] as const
export const verificationDecisions = ['approve', 'reject'] as const
/** The languages the market speaks; an account keeps the one its user chose, for its e-mail. */
export const locales = ['zh-CN', 'bo', 'en'] as const
/**
 * What a notification is about: its type's first part (`order.paid` → order), the verification
 * and bank-account news of an account together. E-mail is opted into per kind.
 */
export const notificationKinds = ['order', 'rfq', 'listing', 'rating', 'thread', 'account'] as const
/** A password-reset link works this long, once. */
export const passwordResetMinutes = 30

/* Catalog and listings */
/** In the order every page lists them. */
export const categoryGroups = ['fabric', 'trim', 'dye', 'packaging'] as const
export const listingStatuses = ['draft', 'pending_review', 'active', 'suspended', 'rejected', 'archived'] as const
/** The queues an administrator reviews listings in. */
export const moderationStatuses = ['pending_review', 'active', 'suspended', 'rejected'] as const
export const unitIds = ['m', 'yd', 'kg', 'jin', 'bolt', 'piece', 'set'] as const
export const crafts = ['handwoven', 'natural-dye', 'yak', 'sheep', 'cashmere', 'organic', 'recycled', 'embroidered'] as const
/** The invoice a buyer asks for with the price: none, an ordinary (普通发票) or a special VAT invoice (增值税专用发票). */
/** Suppliers a buyer may invite to one request. */
export const maxInvitedSuppliers = 20
export const invoiceTypes = ['none', 'ordinary', 'special'] as const
/** Who pays the freight to the delivery place: the supplier (included in the price), the buyer, or to be agreed. */
export const freightTerms = ['supplier', 'buyer', 'negotiable'] as const
/** 纳税人识别号: the 15-digit old number or the 18-character unified social credit code (to 20 for others in use). */
export const taxNumberPattern = /^[0-9A-Z]{15,20}$/
export const browseSorts = ['newest', 'price_asc', 'price_desc'] as const
/** The most a result count says exactly beyond one page: more shows as "50+". */
export const resultCountCap = 50
export const photoContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const
export const maxPhotoBytes = 5 * 1024 * 1024

/* Orders */
export const orderStatuses = [
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'disputed',
  'resolved',
] as const
/**
 * What an order waits for from one party: the supplier confirms a recorded transfer (待确认收款) or
 * ships (待发货); the buyer pays (待付款), confirms receipt (待收货) or rates (待评价).
 */
export const orderAttentions = ['confirm_transfer', 'ship', 'pay', 'receive', 'rate'] as const
/** Where the navigation's counts stop: each is one bounded read, and a badge shows "99+" beyond. */
export const attentionCountCap = 100
export const adminQueueCountCap = 1000
/** The steps an order can take; an order view names those its reader may take now. */
export const orderSteps = [
  'record_transfer',
  'start_checkout',
  'confirm_payment',
  'stripe_paid',
  'ship',
  'receive',
  'cancel',
  'expire',
  'complete',
  'dispute',
  'resolve',
  'decline_transfer',
  'flag_overdue',
  'confirm_overdue',
  'cancel_overdue',
  'acknowledge',
  'stripe_refunded',
  'payment_anomaly',
] as const
/**
 * Why an order needs an administrator: a bank transfer neither confirmed nor declined within 72
 * hours, or a payment event the market recorded but did not apply. Open until one settles it.
 */
export const orderFlagKinds = ['transfer_overdue', 'payment_anomaly'] as const
/** What a Stripe event said that the market did not apply as it came: kept on the payment record. */
export const paymentAnomalyKinds = [
  /** A completed Checkout whose amount, currency or session is not the order's. */
  'amount_mismatch',
  'currency_mismatch',
  'session_mismatch',
  /** A payment for an order cancelled meanwhile, or paid already: refunded at once. */
  'paid_after_cancel',
  'paid_twice',
  /** A refund made at Stripe of part of the payment, or after the goods left. */
  'partial_refund',
  'late_refund',
] as const
export const cancellationReasons = [
  'buyer_cancelled',
  'payment_overdue',
  'transfer_declined',
  'admin_cancelled',
  'refunded',
] as const
export const paymentMethods = ['bank_transfer', 'stripe'] as const
/** Collected at the supplier's stall, or shipped to an address. */
export const deliveryMethods = ['pickup', 'ship'] as const
export const timelineActors = ['buyer', 'supplier', 'admin', 'system', 'stripe'] as const
export const disputeReasons = ['not_received', 'not_as_described', 'damaged', 'wrong_quantity', 'other'] as const
/** An administrator settles a dispute by refunding the buyer or releasing the money to the supplier. */
export const disputeOutcomes = ['refund', 'release'] as const

/* Purchase requests and bids */
export const rfqStatuses = ['open', 'closed', 'awarded', 'cancelled', 'expired'] as const
export const bidStatuses = ['submitted', 'revised', 'withdrawn', 'accepted', 'rejected'] as const
/** What the buyer's comparison scores bids by, and how much each counts (0–100) until the buyer says otherwise. */
export const compareWeights = { price: 50, leadTime: 30, reputation: 20 } as const
export const compareWeightNames = ['price', 'leadTime', 'reputation'] as const satisfies (keyof typeof compareWeights)[]

/* Ratings and reputation */
/** What a buyer rates a supplier on after delivery, each 1–5 stars. */
export const ratingDimensions = ['quality', 'onTime', 'accuracy', 'communication'] as const
export const ratingStates = ['visible', 'hidden'] as const
/** An administrator's queues: visible ratings someone reported, and hidden ones (to restore). */
export const ratingQueues = ['reported', 'hidden'] as const
export const maxRatingCommentLength = 1000
export const maxReplyLength = 1000
/** A buyer may edit its rating for this long after writing it. */
export const ratingEditDays = 30
/** A supplier's median response time is taken over its first bids on this many latest requests. */
export const responseSampleSize = 500

/** What waits in the verification queue: a verification request, or a verified supplier's new bank account. */
export const verificationQueueKinds = ['verification', 'bank_account_change'] as const

/* Patterns */
export const phonePattern = /^\+?[0-9][0-9 -]{5,19}$/
/** A business licence number (统一社会信用代码 and older forms). */
export const licenceNumberPattern = /^[0-9A-Za-z-]{6,30}$/
/** A bank account number (账号) as stored: digits only; people type it with spaces, which are dropped. */
export const bankAccountNumberPattern = /^[0-9]{8,30}$/
/** A short order number people read out and write as a transfer's memo: LS-<China Standard Time date>-<that day's count>. */
export const orderNumberPattern = /^LS-[0-9]{8}-[0-9]{4,}$/
/** A ULID, as every id the API hands out. */
export const idPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/
export const categoryIdPattern = /^[a-z0-9-]{2,40}$/
/** Keys handed out by POST /api/uploads: the uploader's id, then the photo's. */
export const photoKeyPattern = /^photos\/[0-9A-Z]{26}\/[0-9A-Z]{26}\.(jpg|png|webp)$/

/* Bounds */
export type Range = { readonly min: number; readonly max: number }

/** Whole numbers people type: the schemas refuse anything outside these, the forms say so before sending. */
export const limits = {
  /** Of an order, a request or a bid, and a listing's minimum order. */
  quantity: { min: 1, max: 10_000_000 },
  stock: { min: 0, max: 100_000_000 },
  leadTimeDays: { min: 0, max: 365 },
  unitPriceFen: { min: 1, max: 100_000_000 },
  widthCm: { min: 1, max: 1000 },
  weightGsm: { min: 1, max: 5000 },
  stars: { min: 1, max: 5 },
  /** A bid's freight for the whole quantity to the delivery place (0: included). */
  freightFen: { min: 0, max: 10_000_000 },
} as const satisfies Record<string, Range>

export const isWithin = (value: number, range: Range) => Number.isInteger(value) && value >= range.min && value <= range.max

/** The reason an administrator gives for a rejection or a suspension. */
export const maxReasonLength = 500
export const maxPriceTiers = 10
export const maxListingPhotos = 8
export const maxRfqPhotos = 4
/** A bolt's length, when a bid quotes bolts for metres. */
export const maxMetresPerBolt = 1000
/** An award accepts one bid or splits the quantity across up to this many. */
export const maxAwardedBids = 3

/* Price tiers */
type Tier = { readonly minQty: number; readonly unitPriceFen: number }

/** Tiers never get dearer with quantity, so the "from" price is the last tier's. */
export const fromPriceFen = (tiers: readonly Tier[]) => Math.min(...tiers.map((tier) => tier.unitPriceFen))

/** The tier that prices a quantity: the one with the largest minQty not above it (-1 below the first). */
export const tierIndexFor = (tiers: readonly Tier[], quantity: number) => tiers.findLastIndex((tier) => tier.minQty <= quantity)

/** The unit price for a quantity; undefined below the first tier. */
export const unitPriceFor = (tiers: readonly Tier[], quantity: number): number | undefined =>
  tiers[tierIndexFor(tiers, quantity)]?.unitPriceFen

/**
 * What a listing's card quotes: from its top tier's price (the most a buyer can save) up to the
 * price at its MOQ (what the smallest order pays), so "from ¥118.90" never hides a ¥145 minimum.
 */
export const priceRangeFen = (tiers: readonly Tier[], moq: number) => {
  const lowFen = fromPriceFen(tiers)
  return { lowFen, highFen: unitPriceFor(tiers, moq) ?? Math.max(lowFen, ...tiers.map((tier) => tier.unitPriceFen)) }
}

export type TierProblem = {
  path: ['priceTiers', number, 'minQty' | 'unitPriceFen']
  rule: 'sorted' | 'never_dearer' | 'first_within_moq'
  message: string
}

/**
 * Tiers are sorted by quantity, start at or below the MOQ, and never get dearer as the quantity
 * rises. Each problem names the field, so a form can show it where it belongs. A value that is
 * not a number (NaN: a form field not yet filled in right) takes part in no comparison.
 */
export const tierProblems = (tiers: readonly Tier[] | undefined, moq: number | undefined): TierProblem[] => {
  if (!tiers) return []
  const problems: TierProblem[] = []
  tiers.forEach((tier, index) => {
    const previous = tiers[index - 1]
    if (!previous) return
    if (tier.minQty <= previous.minQty) {
      problems.push({
        path: ['priceTiers', index, 'minQty'],
        rule: 'sorted',
        message: 'Tiers must be sorted by minQty, each larger than the last',
      })
    }
    if (tier.unitPriceFen > previous.unitPriceFen) {
      problems.push({
        path: ['priceTiers', index, 'unitPriceFen'],
        rule: 'never_dearer',
        message: 'A larger quantity cannot cost more per unit',
      })
    }
  })
  const first = tiers[0]
  if (first && moq !== undefined && first.minQty > moq) {
    problems.push({
      path: ['priceTiers', 0, 'minQty'],
      rule: 'first_within_moq',
      message: 'The first tier must start at or below the MOQ',
    })
  }
  return problems
}

/* Market figures and the price index */
export const metricsGranularities = ['month', 'week'] as const
/** The longest span one metrics request covers (the year before it is read too, for growth). */
export const maxMetricsSpanDays = 3 * 366
export const metricsDays = { from: '2000-01-01', to: '2099-12-31' } as const
/** Upper bounds, in minutes, of the buckets a request's time to first bid is counted in; later ones fall in the last. */
export const firstBidBucketsMinutes = [15, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320, 7200, 10080, 20160, 43200] as const
/** The plan's sales growth targets in per cent by year; later years keep `laterYearsGrowthPercent` until an administrator sets another. */
export const planGrowthPercent: Readonly<Record<number, number>> = { 2024: 15, 2025: 20 }
export const laterYearsGrowthPercent = 20
export const growthTargetYears = { min: 2020, max: 2100 } as const
/** The key materials of the public price index until an administrator picks others (taxonomy category ids). */
export const defaultIndexMaterials = ['wool', 'yak-down', 'cashmere', 'pulu', 'brocade', 'silk'] as const
export const maxIndexMaterials = 12
export const priceIndexWeeks = { min: 1, max: 104, default: 26 } as const

/* Supplier certifications */
/** 绿色工厂, 绿色供应链, 绿色设计产品 (the green ones) and 专精特新. */
export const certificationKinds = ['green_factory', 'green_supply_chain', 'green_design_product', 'specialised'] as const
/** What the market's "certified green" filter accepts. */
export const greenCertificationKinds: readonly (typeof certificationKinds)[number][] = [
  'green_factory',
  'green_supply_chain',
  'green_design_product',
]
export const certificationStatuses = ['pending', 'approved', 'rejected', 'revoked', 'expired'] as const
/** The market filter's values: `certified=green`. */
export const certifiedFilters = ['green'] as const

/** What a message thread is attached to. */
export const threadKinds = ['rfq', 'listing', 'order'] as const
export const maxMessageLength = 4000
export const maxMessagePhotos = 4
/** A sender may delete its own message this long after sending it; messages are never edited. */
export const messageDeleteMinutes = 5

/* Bulk listings: a CSV or XLSX file of listings, uploaded to the object store and then imported */
export const listingFileFormats = ['csv', 'xlsx'] as const
export const listingFileContentTypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const
export const maxListingFileBytes = 5 * 1024 * 1024
export const maxListingFileRows = 2000
/** Keys handed out by POST /api/suppliers/me/listing-imports/uploads: the supplier's id, then the import's. */
export const listingFileKeyPattern = /^listing-imports\/[0-9A-Z]{26}\/[0-9A-Z]{26}\.(csv|xlsx)$/
export const itemNumberMaxLength = 40
/** Why a row of an import was not taken, per field (the web names each in the reader's language). */
export const listingImportProblems = ['required', 'invalid', 'unknown_category', 'duplicate', 'not_editable'] as const

/**
 * The columns of the bulk-listings file, in the template's order: Chinese headers (what suppliers
 * keep their notebooks in), each naming a field of the listing form's input. A header is also
 * recognised by its key, so a file written by a script may use either. Errors name columns by key.
 */
export const listingColumns = [
  { key: 'itemNumber', header: '货号' },
  { key: 'title.zh', header: '标题' },
  { key: 'title.bo', header: '藏文标题' },
  { key: 'title.en', header: '英文标题' },
  { key: 'description.zh', header: '描述' },
  { key: 'description.bo', header: '藏文描述' },
  { key: 'description.en', header: '英文描述' },
  { key: 'categoryId', header: '类别' },
  { key: 'unit', header: '单位' },
  { key: 'priceTiers', header: '阶梯价（起购量:元）' },
  { key: 'moq', header: '起订量' },
  { key: 'stock', header: '库存' },
  { key: 'leadTimeDays', header: '交货天数' },
  { key: 'specs.composition', header: '成分' },
  { key: 'specs.widthCm', header: '门幅（厘米）' },
  { key: 'specs.weightGsm', header: '克重（克/平方米）' },
  { key: 'specs.color', header: '颜色' },
  { key: 'specs.origin', header: '产地' },
] as const
