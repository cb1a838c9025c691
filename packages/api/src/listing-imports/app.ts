import { ListingFileQuery, ListingFileUploadRequest, ListingImport, StartListingImport, UploadTicket } from '@market/contracts'
import { listingFileContentTypes } from '@market/contracts/values'
import { Listings } from '@market/core'
import type { Context } from 'hono'
import * as z from 'zod'
import { actions } from '../actions.ts'
import type { GroupDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { type AuthDeps, createAuth } from '../middleware/auth.ts'
import { validate } from '../middleware/validate.ts'
import { routeDocs } from '../openapi/describe.ts'

const doc = routeDocs('listing-imports')

const docs = {
  upload: doc('A presigned upload for a bulk-listings file (CSV in UTF-8 or GBK, or XLSX; at most 5 MB)', {
    201: ['Where to PUT the file, and its key', UploadTicket],
  }),
  start: doc(
    'Import an uploaded file of up to 2,000 listings: new rows become drafts, rows with a known item number (货号) update its price and stock; the same file again answers the earlier import',
    { 200: ['The import, with its per-row errors', ListingImport] },
  ),
  progress: doc('An import’s progress and result (the page polls it while a large file runs)', {
    200: ['The import', ListingImport],
  }),
  template: doc('The bulk-listings template, with Chinese headers and an example row (CSV with BOM, or XLSX)', {
    200: ['The file', z.string()],
  }),
  export: doc('The supplier’s listings (archived ones aside) in the template’s format, to edit and upload again', {
    200: ['The file', z.string()],
  }),
}

const sendFile = (c: Context, file: Listings.ListingFile) =>
  c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': file.format === 'csv' ? `${listingFileContentTypes.csv}; charset=utf-8` : listingFileContentTypes.xlsx,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
  })

/** Bulk listings. `files` reads and writes CSV and XLSX: only this group's function bundles it. */
/** The ports this group's routes use: its Lambda builds only these. */
export type ListingImportsDeps = GroupDeps<keyof AuthDeps | 'listings' | 'listingImports' | 'registry' | 'categories' | 'photos'>

export const createListingImportsApp = (deps: ListingImportsDeps, files: Listings.ListingFiles) => {
  const { requireRole } = createAuth(deps)
  const isSupplier = requireRole('supplier')
  const supplier = actions(deps, isSupplier)
  const withFiles = (ports: ListingImportsDeps): Listings.ListingImportDeps => ({ ...ports, files })
  return createGroupApp(deps)
    .post(
      '/api/suppliers/me/listing-imports/uploads',
      ...supplier.withBody(docs.upload, ListingFileUploadRequest, Listings.createListingFileUpload, 201),
    )
    .get(
      '/api/suppliers/me/listing-imports/template',
      docs.template,
      isSupplier,
      validate('query', ListingFileQuery),
      async (c) => sendFile(c, await Listings.listingTemplate(withFiles(deps), c.req.valid('query').format)),
    )
    .get('/api/suppliers/me/listing-imports/export', docs.export, isSupplier, validate('query', ListingFileQuery), async (c) =>
      sendFile(c, await Listings.exportListings(withFiles(deps), c.var.actor, c.req.valid('query').format)),
    )
    .post(
      '/api/suppliers/me/listing-imports',
      ...supplier.withBody(
        docs.start,
        StartListingImport,
        (ports, actor, input) => Listings.startListingImport(withFiles(ports), actor, input),
        200,
      ),
    )
    .get(
      '/api/suppliers/me/listing-imports/:id',
      ...supplier.onId(docs.progress, (ports, actor, id) => Listings.getListingImport(withFiles(ports), actor, id)),
    )
}

export type ListingImportsApp = ReturnType<typeof createListingImportsApp>
