import { createRatingsApp } from '@market/api/ratings/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './lambda-deps.ts'
import { photos } from './photos.ts'
import { accounts, certifications, orders, ratings, registry, suppliers } from './stores.ts'

export const handler = handle(
  createRatingsApp(lambdaDeps({ accounts, certifications, orders, ratings, registry, suppliers, photos })),
)
