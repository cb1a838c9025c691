import {
  BrowseQuery,
  CategoriesResponse,
  CreateListingInput,
  IdParam,
  Listing,
  ListingPage,
  ListingWithSupplier,
  OwnListingsPage,
  PageQuery,
  UpdateListingInput,
  UploadRequest,
  UploadTicket,
} from '@market/contracts'
import { Catalog, Listings } from '@market/core'
import type { ApiDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { createAuth, loadActor } from '../middleware/auth.ts'
import { validate } from '../middleware/validate.ts'
import { describeRoute } from '../openapi/describe.ts'

export const createListingsApp = (deps: ApiDeps) => {
  const { requireRole } = createAuth(deps)
  const supplier = requireRole('supplier')
  return createGroupApp(deps)
    .get(
      '/api/categories',
      describeRoute({
        summary: 'Material categories and units, named in Chinese, Tibetan and English',
        tags: ['listings'],
        responses: { 200: { description: 'The taxonomy', schema: CategoriesResponse } },
      }),
      async (c) => c.json(await Catalog.getCatalog(deps), 200),
    )
    .get(
      '/api/listings',
      describeRoute({
        summary: 'Browse and search active listings (at most 2 DynamoDB requests a page)',
        tags: ['listings'],
        responses: { 200: { description: 'A page of listing cards', schema: ListingPage } },
      }),
      validate('query', BrowseQuery),
      async (c) => c.json(await Listings.browseListings(deps, c.req.valid('query')), 200),
    )
    .get(
      '/api/listings/:id',
      describeRoute({
        summary: 'A listing: public while active; its owner and administrators see it in any status',
        tags: ['listings'],
        responses: { 200: { description: 'The listing with its supplier', schema: ListingWithSupplier } },
      }),
      validate('param', IdParam),
      async (c) => c.json(await Listings.getListing(deps, await loadActor(c, deps), c.req.valid('param').id), 200),
    )
    .post(
      '/api/listings',
      describeRoute({
        summary: 'A supplier drafts a listing',
        tags: ['listings'],
        responses: { 201: { description: 'The draft', schema: Listing } },
      }),
      supplier,
      validate('json', CreateListingInput),
      async (c) => c.json(await Listings.createListing(deps, c.var.actor, c.req.valid('json')), 201),
    )
    .patch(
      '/api/listings/:id',
      describeRoute({
        summary: 'Edit a listing (send the version you last saw; 412 when stale)',
        tags: ['listings'],
        responses: { 200: { description: 'The listing after the edit', schema: Listing } },
      }),
      supplier,
      validate('param', IdParam),
      validate('json', UpdateListingInput),
      async (c) => c.json(await Listings.editListing(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .post(
      '/api/listings/:id/submit',
      describeRoute({
        summary: 'Send a draft or rejected listing for review (verified suppliers only)',
        tags: ['listings'],
        responses: { 200: { description: 'The listing, pending review', schema: Listing } },
      }),
      supplier,
      validate('param', IdParam),
      async (c) => c.json(await Listings.submitListing(deps, c.var.actor, c.req.valid('param').id), 200),
    )
    .post(
      '/api/listings/:id/archive',
      describeRoute({
        summary: 'Take a listing off the market for good',
        tags: ['listings'],
        responses: { 200: { description: 'The archived listing', schema: Listing } },
      }),
      supplier,
      validate('param', IdParam),
      async (c) => c.json(await Listings.archiveListing(deps, c.var.actor, c.req.valid('param').id), 200),
    )
    .get(
      '/api/suppliers/me/listings',
      describeRoute({
        summary: 'The signed-in supplier’s own listings, every status, newest first',
        tags: ['listings'],
        responses: { 200: { description: 'A page of listings', schema: OwnListingsPage } },
      }),
      supplier,
      validate('query', PageQuery),
      async (c) => c.json(await Listings.listOwnListings(deps, c.var.actor, c.req.valid('query')), 200),
    )
    .post(
      '/api/uploads',
      describeRoute({
        summary: 'A presigned upload for one photo of a listing or a purchase request (JPEG, PNG or WebP, at most 5 MB)',
        tags: ['listings'],
        responses: { 201: { description: 'Where to PUT the file, and its key', schema: UploadTicket } },
      }),
      requireRole('supplier', 'buyer'),
      validate('json', UploadRequest),
      async (c) => c.json(await Listings.createUpload(deps, c.var.actor, c.req.valid('json')), 201),
    )
}

export type ListingsApp = ReturnType<typeof createListingsApp>
