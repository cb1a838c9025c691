import { createListingsApp } from '@market/api/listings/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './lambda-deps.ts'
import { photos } from './photos.ts'
import { accounts, categories, listings, registry } from './stores.ts'

export const handler = handle(createListingsApp(lambdaDeps({ accounts, categories, listings, registry, photos })))
