import {
  BrowseQuery,
  CategoriesResponse,
  CreateListingInput,
  IdParam,
  Listing,
  ListingPage,
  ListingReportInput,
  ListingReportReceipt,
  ListingWithSupplier,
  OwnListingsPage,
  PageQuery,
  UpdateListingInput,
  UploadRequest,
  UploadTicket,
} from '@market/contracts'
import { Catalog, Listings } from '@market/core'
import { actions } from '../actions.ts'
import type { GroupDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { type AuthDeps, createAuth, loadActor } from '../middleware/auth.ts'
import { validate } from '../middleware/validate.ts'
import { routeDocs } from '../openapi/describe.ts'

const doc = routeDocs('listings')

/** What each route says of itself in /api/openapi.json. */
const docs = {
  categories: doc('Material categories and units, named in Chinese, Tibetan and English', {
    200: ['The taxonomy', CategoriesResponse],
  }),
  browse: doc('Browse and search active listings (at most 2 DynamoDB requests a page)', {
    200: ['A page of listing cards', ListingPage],
  }),
  listing: doc('A listing: public while active; its owner and administrators see it in any status', {
    200: ['The listing with its supplier', ListingWithSupplier],
  }),
  create: doc('A supplier drafts a listing', { 201: ['The draft', Listing] }),
  edit: doc('Edit a listing (send the version you last saw; 412 when stale)', { 200: ['The listing after the edit', Listing] }),
  submit: doc('Send a draft or rejected listing for review (verified suppliers only)', {
    200: ['The listing, pending review', Listing],
  }),
  report: doc(
    'Report a listing to the administrators, with a reason (any signed-in user but its supplier; a repeat while the report is open changes nothing)',
    { 200: ['The report taken', ListingReportReceipt] },
  ),
  archive: doc('Take a listing off the market for good', { 200: ['The archived listing', Listing] }),
  own: doc('The signed-in supplier’s own listings, every status, newest first', { 200: ['A page of listings', OwnListingsPage] }),
  upload: doc(
    'A presigned upload for one photo of a listing, a purchase request or a certificate (JPEG, PNG or WebP, at most 5 MB)',
    {
      201: ['Where to PUT the file, and its key', UploadTicket],
    },
  ),
}

/** The ports this group's routes use: its Lambda builds only these. */
export type ListingsDeps = GroupDeps<keyof AuthDeps | 'listings' | 'registry' | 'categories' | 'photos'>

export const createListingsApp = (deps: ListingsDeps) => {
  const { requireRole, requireUser } = createAuth(deps)
  const supplier = actions(deps, requireRole('supplier'))
  return createGroupApp(deps)
    .get('/api/categories', docs.categories, async (c) => c.json(await Catalog.getCatalog(deps), 200))
    .get('/api/listings', docs.browse, validate('query', BrowseQuery), async (c) =>
      c.json(await Listings.browseListings(deps, c.req.valid('query')), 200),
    )
    .get('/api/listings/:id', docs.listing, validate('param', IdParam), async (c) =>
      c.json(await Listings.getListing(deps, await loadActor(c, deps), c.req.valid('param').id), 200),
    )
    .post('/api/listings', ...supplier.withBody(docs.create, CreateListingInput, Listings.createListing, 201))
    .patch('/api/listings/:id', ...supplier.onIdWith(docs.edit, UpdateListingInput, Listings.editListing))
    .post('/api/listings/:id/submit', ...supplier.onId(docs.submit, Listings.submitListing))
    .post(
      '/api/listings/:id/report',
      ...actions(deps, requireUser).onIdWith(docs.report, ListingReportInput, Listings.reportListing),
    )
    .post('/api/listings/:id/archive', ...supplier.onId(docs.archive, Listings.archiveListing))
    .get('/api/suppliers/me/listings', ...supplier.withQuery(docs.own, PageQuery, Listings.listOwnListings))
    .post(
      '/api/uploads',
      ...actions(deps, requireRole('supplier', 'buyer', 'admin')).withBody(
        docs.upload,
        UploadRequest,
        Listings.createUpload,
        201,
      ),
    )
}

export type ListingsApp = ReturnType<typeof createListingsApp>
