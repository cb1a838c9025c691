import { createListingImportsApp } from '@market/api/listing-imports/app'
import { createListingFiles } from '@market/data/listing-files'
import { defaultIsContentTypeBinary, handle } from 'hono/aws-lambda'
import { lambdaDeps } from './lambda-deps.ts'
import { photos } from './photos.ts'
import { accounts, categories, listingImports, listings, registry } from './stores.ts'

// CSV goes base64 too: as text, the gateway's decoding would drop the BOM that tells Excel it is UTF-8.
export const handler = handle(
  createListingImportsApp(lambdaDeps({ accounts, categories, listingImports, listings, photos, registry }), createListingFiles()),
  {
    isContentTypeBinary: (contentType) => defaultIsContentTypeBinary(contentType) || contentType.startsWith('text/csv'),
  },
)
