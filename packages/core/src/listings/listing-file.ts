import {
  type Category,
  CreateListingInput,
  type Listing,
  type ListingImportError,
  type ListingImportProblem,
  type Unit,
} from '@market/contracts'
import { listingColumns, maxListingFileRows } from '@market/contracts/values'
import { DomainError } from '../errors.ts'

export { listingColumns }
export type ListingColumnKey = (typeof listingColumns)[number]['key']

/** One row of the template, showing how each column is filled in. */
export const exampleRow: Record<ListingColumnKey, string> = {
  itemNumber: 'YW-001',
  'title.zh': '那曲牦牛绒混纺面料',
  'title.bo': 'ནག་ཆུའི་འབྲི་བལ།',
  'title.en': 'Nagqu yak down blend',
  'description.zh': '手工纺织，天然染色',
  'description.bo': '',
  'description.en': '',
  categoryId: 'yak-down',
  unit: 'm',
  priceTiers: '1:120.00; 100:98.50',
  moq: '10',
  stock: '500',
  leadTimeDays: '7',
  'specs.composition': '牦牛绒 60% 羊毛 40%',
  'specs.widthCm': '150',
  'specs.weightGsm': '320',
  'specs.color': '本白',
  'specs.origin': '那曲',
}

/** Headers compare as a reader sees them: full-width brackets as ASCII, case and spaces aside. */
const headerForm = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase()

const byHeader = new Map<string, ListingColumnKey>(
  listingColumns.flatMap(({ key, header }) => [
    [headerForm(header), key],
    [headerForm(key), key],
  ]),
)

export class ListingFileError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('invalid', 'listing_import.bad_file', message, details)
  }
}

/** Which column holds which field. The title column is required; unknown columns are ignored. */
export const mapHeaders = (header: readonly string[]): Map<ListingColumnKey, number> => {
  const columns = new Map<ListingColumnKey, number>()
  header.forEach((cell, index) => {
    const key = byHeader.get(headerForm(cell))
    if (key && !columns.has(key)) columns.set(key, index)
  })
  if (!columns.has('title.zh')) {
    throw new ListingFileError('The first row must name the columns, as the template does (标题 at least)', {
      expected: listingColumns.map(({ header }) => header),
    })
  }
  return columns
}

/** The data rows of a sheet (after its header), each with its spreadsheet row number; blank rows are skipped. */
export const dataRows = (sheet: readonly (readonly string[])[]) => {
  const rows = sheet
    .slice(1)
    .map((cells, index) => ({ row: index + 2, cells }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''))
  if (rows.length === 0) throw new ListingFileError('The file has no rows under its header')
  if (rows.length > maxListingFileRows) {
    throw new ListingFileError(`A file can hold at most ${maxListingFileRows} rows; this one has ${rows.length}`)
  }
  return rows
}

/** A price in yuan as written (`12.5`, `¥12.50`) in fen, exactly: never through a float. */
export const yuanToFen = (text: string): number | undefined => {
  const match = text
    .trim()
    .replace(/^[¥￥]/, '')
    .match(/^(\d{1,9})(?:\.(\d{1,2}))?$/)
  if (!match) return undefined
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

export const fenToYuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`

/** `起购量:元` pairs separated by `;` (full-width `：` and `；` too). */
const parseTiers = (text: string) =>
  text
    .normalize('NFKC')
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [quantity = '', price = ''] = part.split(':').map((half) => half.trim())
      return { minQty: /^\d+$/.test(quantity) ? Number(quantity) : Number.NaN, unitPriceFen: yuanToFen(price) ?? Number.NaN }
    })

/** A whole number as written, or the text itself (so the schema names the field as not a number). */
const whole = (text: string) => (/^\d+$/.test(text) ? Number(text) : text)

/** A name in any language, or an id, that the supplier wrote in a category or unit column. */
const lookupBy = (entries: readonly { id: string; name: { zh: string; bo?: string; en?: string } }[]) => {
  const names = new Map<string, string>()
  for (const { id, name } of entries) {
    for (const spelling of [id, name.zh, name.bo, name.en]) if (spelling) names.set(headerForm(spelling), id)
  }
  return (text: string) => names.get(headerForm(text)) ?? text
}

export type RowContext = { categories: readonly Category[]; units: readonly Unit[] }

/** The listing-form input a row spells, before validation: empty cells are left out. */
export const rowToInput = (cells: readonly string[], columns: Map<ListingColumnKey, number>, context: RowContext) => {
  const input: Record<string, unknown> = {}
  const set = (path: string, value: unknown) => {
    const [head = '', tail] = path.split('.')
    if (tail === undefined) input[head] = value
    else input[head] = { ...(input[head] as object | undefined), [tail]: value }
  }
  const category = lookupBy(context.categories)
  const unit = lookupBy(context.units)
  for (const [key, index] of columns) {
    const cell = (cells[index] ?? '').trim()
    if (cell === '') continue
    if (key === 'priceTiers') set(key, parseTiers(cell))
    else if (key === 'categoryId') set(key, category(cell))
    else if (key === 'unit') set(key, unit(cell))
    else if (['moq', 'stock', 'leadTimeDays', 'specs.widthCm', 'specs.weightGsm'].includes(key)) set(key, whole(cell))
    else set(key, cell)
  }
  return input
}

/** The column an issue of the listing schema is about: `priceTiers.0.minQty` is the 阶梯价 column. */
const columnOf = (path: readonly PropertyKey[]): string => {
  const [head, next] = path.map(String)
  if (head === 'title' || head === 'description' || head === 'specs') return next ? `${head}.${next}` : `${head}.zh`
  return head ?? 'row'
}

export type CheckedRow = { ok: true; input: CreateListingInput } | { ok: false; errors: Omit<ListingImportError, 'row'>[] }

/** What the row holds at a schema path (undefined where the cell was empty). */
const valueAt = (raw: Record<string, unknown>, path: readonly PropertyKey[]) =>
  path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], raw)

/** A row checked with the listing form's own schema; each problem named by its column, one per column. */
export const checkRow = (raw: Record<string, unknown>, context: RowContext): CheckedRow => {
  // The Chinese description may be left empty: the title stands in (and a missing title is reported once, on its own column).
  const description = raw.description as Record<string, string> | undefined
  const derived = description?.zh === undefined
  const title = (raw.title as { zh?: string } | undefined)?.zh
  const parsed = CreateListingInput.safeParse(derived ? { ...raw, description: { ...description, zh: title } } : raw)
  const known = (categoryId: unknown) => context.categories.some((category) => category.id === categoryId)
  const errors: Omit<ListingImportError, 'row'>[] = []
  const add = (error: Omit<ListingImportError, 'row'>) => {
    if (!errors.some((other) => other.field === error.field)) errors.push(error)
  }
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = columnOf(issue.path)
    if (derived && field === 'description.zh') continue
    const problem: ListingImportProblem = valueAt(raw, issue.path) === undefined ? 'required' : 'invalid'
    add({ field, problem, message: issue.message })
  }
  if (typeof raw.categoryId === 'string' && !known(raw.categoryId)) {
    const unknown = { field: 'categoryId', problem: 'unknown_category' as const, message: `No category ${raw.categoryId}` }
    const at = errors.findIndex((error) => error.field === 'categoryId')
    if (at >= 0) errors[at] = unknown
    else errors.push(unknown)
  }
  return parsed.success && errors.length === 0 ? { ok: true, input: parsed.data } : { ok: false, errors }
}

/** A listing as a row of the file: what an export writes, and what an import of it reads back. */
export const listingToRow = (listing: Listing, context: RowContext): string[] => {
  const category = context.categories.find(({ id }) => id === listing.categoryId)
  const unit = context.units.find(({ id }) => id === listing.unit)
  const cell: Record<ListingColumnKey, string> = {
    itemNumber: listing.itemNumber ?? '',
    'title.zh': listing.title.zh,
    'title.bo': listing.title.bo ?? '',
    'title.en': listing.title.en ?? '',
    'description.zh': listing.description.zh,
    'description.bo': listing.description.bo ?? '',
    'description.en': listing.description.en ?? '',
    categoryId: category?.name.zh ?? listing.categoryId,
    unit: unit?.name.zh ?? listing.unit,
    priceTiers: listing.priceTiers.map((tier) => `${tier.minQty}:${fenToYuan(tier.unitPriceFen)}`).join('; '),
    moq: String(listing.moq),
    stock: String(listing.stock),
    leadTimeDays: String(listing.leadTimeDays),
    'specs.composition': listing.specs.composition ?? '',
    'specs.widthCm': listing.specs.widthCm === undefined ? '' : String(listing.specs.widthCm),
    'specs.weightGsm': listing.specs.weightGsm === undefined ? '' : String(listing.specs.weightGsm),
    'specs.color': listing.specs.color ?? '',
    'specs.origin': listing.specs.origin ?? '',
  }
  return listingColumns.map(({ key }) => cell[key])
}

export const headerRow = () => listingColumns.map(({ header }) => header)
export const templateSheet = () => [headerRow(), listingColumns.map(({ key }) => exampleRow[key])]
