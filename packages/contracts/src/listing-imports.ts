import * as z from 'zod'
import * as values from './values.ts'

/** Bulk listings: a file of up to 2,000 rows goes to the object store first, as the JSON body limit stays. */

export const ListingFileFormat = z.enum(values.listingFileFormats)
export type ListingFileFormat = z.infer<typeof ListingFileFormat>

export const ListingFileUploadRequest = z.strictObject({
  format: ListingFileFormat,
  size: z
    .number()
    .int()
    .positive()
    .max(values.maxListingFileBytes, `Files can be at most ${values.maxListingFileBytes / 1024 / 1024} MB`),
})
export type ListingFileUploadRequest = z.infer<typeof ListingFileUploadRequest>

export const StartListingImport = z.strictObject({
  key: z.string().regex(values.listingFileKeyPattern, 'A key from /api/suppliers/me/listing-imports/uploads'),
})
export type StartListingImport = z.infer<typeof StartListingImport>

export const ListingFileQuery = z.strictObject({ format: ListingFileFormat.default('csv') })

export const ListingImportProblem = z.enum(values.listingImportProblems)
export type ListingImportProblem = z.infer<typeof ListingImportProblem>

export const ListingImportError = z.object({
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: z.number().int(),
  /** The column, by its key in the template (see listingColumns); absent when the row as a whole is refused. */
  field: z.string().optional(),
  problem: ListingImportProblem,
  message: z.string(),
})
export type ListingImportError = z.infer<typeof ListingImportError>

export const ListingImport = z.object({
  id: z.string(),
  status: z.enum(['running', 'done']),
  format: ListingFileFormat,
  rows: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows with at least one error. */
  errorRows: z.number().int(),
  /** Per-row errors, at most `maxImportErrors` of them. */
  errors: z.array(ListingImportError),
  /** This file was imported before: the answer is that import's, and nothing new was written. */
  repeat: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type ListingImport = z.infer<typeof ListingImport>
