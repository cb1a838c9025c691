import { createRfqsApp } from '@market/api/rfqs/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './lambda-deps.ts'
import { photos } from './photos.ts'
import { accounts, categories, idempotency, rfqs, suppliers } from './stores.ts'

export const handler = handle(createRfqsApp(lambdaDeps({ accounts, categories, idempotency, rfqs, suppliers, photos })))
