import { createHash } from 'node:crypto'
import type {
  ListingFileFormat,
  ListingFileUploadRequest,
  ListingImport,
  ListingImportError,
  StartListingImport,
  UploadTicket,
} from '@market/contracts'
import { listingFileContentTypes, maxListingFileBytes } from '@market/contracts/values'
import type { StoredUser } from '../accounts/ports.ts'
import { defaultUnits } from '../catalog/taxonomy.ts'
import { DomainError, NotFoundError } from '../errors.ts'
import {
  type CheckedRow,
  checkRow,
  dataRows,
  headerRow,
  type ListingColumnKey,
  ListingFileError,
  listingToRow,
  mapHeaders,
  type RowContext,
  rowToInput,
  templateSheet,
} from './listing-file.ts'
import { draftOf, editListing, type ListingDeps } from './listings.ts'
import type { StoredListing } from './ports.ts'
import { toOwnerView } from './rules.ts'

/** An import as stored: its answer, whose file it read, and the file's content hash (one import per file and supplier). */
export type StoredListingImport = Omit<ListingImport, 'repeat'> & { supplierId: string; key: string; fileHash: string }

export interface ListingImportStore {
  get(id: string): Promise<StoredListingImport | undefined>
  /** The supplier's import of the file with this content hash, if any. */
  findByFile(supplierId: string, fileHash: string): Promise<StoredListingImport | undefined>
  /** Records a new import and claims its file's hash; false when another import holds the hash already. */
  start(job: StoredListingImport): Promise<boolean>
  /**
   * One batch of rows: the new drafts (their item numbers claimed) and the import's progress, in
   * one transaction, refused when the progress is no longer `processedBefore` (another run moved on).
   */
  saveBatch(job: StoredListingImport, processedBefore: number, drafts: StoredListing[]): Promise<void>
}

/** Reads and writes the bulk-listings file (CSV in UTF-8 or GBK, XLSX): the sheet as rows of cell text. */
export interface ListingFiles {
  read(bytes: Uint8Array, format: ListingFileFormat): Promise<string[][]>
  write(sheet: string[][], format: ListingFileFormat): Promise<Uint8Array>
}

export type ListingImportDeps = ListingDeps & { listingImports: ListingImportStore; files: ListingFiles }
type Actor = StoredUser

/** Two items per draft (the listing and its item-number claim) and the import's own: within DynamoDB's 100 per transaction. */
export const importBatchRows = 49
/** Rows whose edits of existing listings run at once (each is its own transaction, as a form edit is). */
const editsAtOnce = 8
/** An import still running after this long without progress was cut short (its function timed out): posting it again resumes it. */
const stalledAfterMs = 60_000
/** Errors an import keeps (and answers with): enough to fix a file; the count of bad rows is always whole. */
export const maxImportErrors = 500

const ownKeyPrefix = (actor: Actor) => `listing-imports/${actor.id}/`

export const createListingFileUpload = async (
  deps: ListingDeps,
  actor: Actor,
  input: ListingFileUploadRequest,
): Promise<UploadTicket> => {
  const key = `${ownKeyPrefix(actor)}${deps.ids.next()}.${input.format}`
  const expiresInSeconds = 600
  const { url, headers } = await deps.photos.createUpload({
    key,
    contentType: listingFileContentTypes[input.format],
    size: input.size,
    expiresInSeconds,
  })
  return { key, uploadUrl: url, headers, expiresAt: new Date(deps.clock.now().getTime() + expiresInSeconds * 1000).toISOString() }
}

const answer = (job: StoredListingImport, repeat: boolean): ListingImport => {
  const { supplierId: _supplier, key: _key, fileHash: _hash, ...visible } = job
  return { ...visible, repeat }
}

const rowContext = async (deps: ListingDeps): Promise<RowContext> => ({
  categories: await deps.categories.listCategories(),
  units: defaultUnits,
})

const readSheet = async (deps: ListingImportDeps, bytes: Uint8Array, format: ListingFileFormat) => {
  try {
    return await deps.files.read(bytes, format)
  } catch {
    throw new ListingFileError(`The file could not be read as ${format.toUpperCase()}`)
  }
}

const readUpload = async (deps: ListingImportDeps, key: string) => {
  const bytes = await deps.photos.firstBytes(key, maxListingFileBytes + 1)
  if (!bytes) throw new ListingFileError(`Nothing was uploaded as ${key}`)
  if (bytes.length > maxListingFileBytes) throw new ListingFileError('Files can be at most 5 MB')
  return bytes
}

/**
 * Starts (and runs) the import of an uploaded file. The same file again (by its content) answers
 * the earlier import and writes nothing; an import cut short (a timed-out function) resumes from
 * its last batch when posted again. Progress is saved with each batch, for the page to poll.
 */
export const startListingImport = async (
  deps: ListingImportDeps,
  actor: Actor,
  { key }: StartListingImport,
): Promise<ListingImport> => {
  if (!key.startsWith(ownKeyPrefix(actor))) throw new ListingFileError('The file must be one you uploaded')
  const id = key.slice(ownKeyPrefix(actor).length).split('.')[0] as string
  const format: ListingFileFormat = key.endsWith('.xlsx') ? 'xlsx' : 'csv'
  const same = await deps.listingImports.get(id)
  if (same) return resumeIfStalled(deps, actor, same, false)

  const bytes = await readUpload(deps, key)
  const fileHash = createHash('sha256').update(bytes).digest('hex')
  const earlier = await deps.listingImports.findByFile(actor.id, fileHash)
  if (earlier) return resumeIfStalled(deps, actor, earlier, true)

  const sheet = await readSheet(deps, bytes, format)
  const columns = mapHeaders(sheet[0] ?? [])
  const rows = dataRows(sheet)
  const now = deps.clock.now().toISOString()
  const job: StoredListingImport = {
    id,
    supplierId: actor.id,
    key,
    fileHash,
    format,
    status: 'running',
    rows: rows.length,
    processed: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    errorRows: 0,
    errors: [],
    createdAt: now,
    updatedAt: now,
  }
  if (!(await deps.listingImports.start(job))) {
    const winner = await deps.listingImports.findByFile(actor.id, fileHash)
    if (winner) return answer(winner, true)
  }
  return answer(await runImport(deps, actor, job, rows, columns), false)
}

const resumeIfStalled = async (deps: ListingImportDeps, actor: Actor, job: StoredListingImport, repeat: boolean) => {
  const stalled = job.status === 'running' && deps.clock.now().getTime() - Date.parse(job.updatedAt) > stalledAfterMs
  if (!stalled) return answer(job, repeat)
  const sheet = await readSheet(deps, await readUpload(deps, job.key), job.format)
  return answer(await runImport(deps, actor, job, dataRows(sheet), mapHeaders(sheet[0] ?? [])), repeat)
}

export const getListingImport = async (deps: ListingImportDeps, actor: Actor, id: string): Promise<ListingImport> => {
  const job = await deps.listingImports.get(id)
  if (!job || job.supplierId !== actor.id) throw new NotFoundError('listing_import')
  return answer(job, false)
}

type Row = { row: number; cells: readonly string[] }
type Outcome = 'created' | 'updated' | 'unchanged' | Omit<ListingImportError, 'row'>[]

/** The first row of the file that names each item number: later rows naming it again are refused. */
const firstRows = (rows: readonly Row[], columns: Map<ListingColumnKey, number>) => {
  const index = columns.get('itemNumber')
  const first = new Map<string, number>()
  if (index === undefined) return first
  for (const { row, cells } of rows) {
    const itemNumber = (cells[index] ?? '').trim()
    if (itemNumber && !first.has(itemNumber)) first.set(itemNumber, row)
  }
  return first
}

/** Runs in groups of `size`, each group at once. */
const inGroups = async <T, R>(items: readonly T[], size: number, act: (item: T) => Promise<R>) => {
  const results: R[] = []
  for (let start = 0; start < items.length; start += size)
    results.push(...(await Promise.all(items.slice(start, start + size).map(act))))
  return results
}

const samePrices = (listing: StoredListing, input: Pick<StoredListing, 'priceTiers' | 'stock'>) =>
  listing.stock === input.stock &&
  listing.priceTiers.length === input.priceTiers.length &&
  listing.priceTiers.every(
    (tier, index) =>
      tier.minQty === input.priceTiers[index]?.minQty && tier.unitPriceFen === input.priceTiers[index]?.unitPriceFen,
  )

/**
 * A row naming an existing listing changes its price tiers and stock in place, through the same
 * edit as the listing form (on an active listing they apply at once, without review).
 */
const updateExisting = async (
  deps: ListingImportDeps,
  actor: Actor,
  listing: StoredListing,
  checked: Extract<CheckedRow, { ok: true }>,
): Promise<Outcome> => {
  if (listing.status === 'suspended') {
    return [{ field: 'itemNumber', problem: 'not_editable', message: 'This item number is a suspended listing' }]
  }
  if (samePrices(listing, checked.input)) return 'unchanged'
  try {
    await editListing(deps, actor, listing.id, {
      version: listing.version,
      priceTiers: checked.input.priceTiers,
      stock: checked.input.stock,
    })
    return 'updated'
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind === 'stale') throw error
    return [{ field: 'priceTiers', problem: 'invalid', message: error.message }]
  }
}

const runImport = async (
  deps: ListingImportDeps,
  actor: Actor,
  started: StoredListingImport,
  rows: readonly Row[],
  columns: Map<ListingColumnKey, number>,
) => {
  const context = await rowContext(deps)
  const firstRowOf = firstRows(rows, columns)
  let job = started
  for (let start = job.processed; start < rows.length; start += importBatchRows) {
    const batch = rows.slice(start, start + importBatchRows).map(({ row, cells }) => ({
      row,
      checked: checkRow(rowToInput(cells, columns, context), context),
    }))
    const itemNumbers = batch.flatMap(({ checked }) => (checked.ok && checked.input.itemNumber ? [checked.input.itemNumber] : []))
    const existing = await deps.listings.findByItemNumbers(actor.id, itemNumbers)
    const drafts: StoredListing[] = []
    const outcomes = await inGroups(batch, editsAtOnce, async ({ row, checked }): Promise<{ row: number; outcome: Outcome }> => {
      if (!checked.ok) return { row, outcome: checked.errors }
      const itemNumber = checked.input.itemNumber
      if (itemNumber && firstRowOf.get(itemNumber) !== row) {
        const message = `Item number ${itemNumber} is already on row ${firstRowOf.get(itemNumber)}`
        return { row, outcome: [{ field: 'itemNumber', problem: 'duplicate', message }] }
      }
      const listing = itemNumber ? existing.get(itemNumber) : undefined
      if (listing) return { row, outcome: await updateExisting(deps, actor, listing, checked) }
      drafts.push(draftOf(deps, actor, checked.input))
      return { row, outcome: 'created' }
    })
    const count = (kind: Outcome) => outcomes.filter(({ outcome }) => outcome === kind).length
    const errors = outcomes.flatMap(({ row, outcome }) =>
      Array.isArray(outcome) ? outcome.map((error) => ({ row, ...error })) : [],
    )
    const processed = Math.min(start + importBatchRows, rows.length)
    const next: StoredListingImport = {
      ...job,
      status: processed === rows.length ? 'done' : 'running',
      processed,
      created: job.created + count('created'),
      updated: job.updated + count('updated'),
      unchanged: job.unchanged + count('unchanged'),
      errorRows: job.errorRows + outcomes.filter(({ outcome }) => Array.isArray(outcome)).length,
      errors: [...job.errors, ...errors].slice(0, maxImportErrors),
      updatedAt: deps.clock.now().toISOString(),
    }
    await deps.listingImports.saveBatch(next, job.processed, drafts)
    job = next
  }
  return job
}

const fileNames = { csv: 'csv', xlsx: 'xlsx' } as const

export type ListingFile = { bytes: Uint8Array; format: ListingFileFormat; fileName: string }

/** The template to fill in: the Chinese headers and one example row. */
export const listingTemplate = async (deps: ListingImportDeps, format: ListingFileFormat): Promise<ListingFile> => ({
  bytes: await deps.files.write(templateSheet(), format),
  format,
  fileName: `listings-template.${fileNames[format]}`,
})

/** Every listing of the supplier's (archived ones aside), in the template's format: a file to edit and upload again. */
export const exportListings = async (deps: ListingImportDeps, actor: Actor, format: ListingFileFormat): Promise<ListingFile> => {
  const context = await rowContext(deps)
  const rows: string[][] = [headerRow()]
  let cursor: string | undefined
  do {
    const page = await deps.listings.listBySupplier(actor.id, { limit: 100, ...(cursor ? { cursor } : {}) })
    for (const listing of page.items) if (listing.status !== 'archived') rows.push(listingToRow(toOwnerView(listing), context))
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return { bytes: await deps.files.write(rows, format), format, fileName: `listings.${fileNames[format]}` }
}
