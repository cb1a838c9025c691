import { createAdminApp } from '@market/api/admin/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps, noPhotos } from './lambda-deps.ts'
import { payments } from './payments.ts'
import { accounts, attention, categories, listings, orders, registry } from './stores.ts'

export const handler = handle(
  createAdminApp(lambdaDeps({ accounts, attention, categories, listings, orders, registry, photos: noPhotos, payments })),
)
