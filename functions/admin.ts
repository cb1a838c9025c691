import { createAdminApp } from '@market/api/admin/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './deps.ts'
import { stripeOnce } from './payments.ts'

export const handler = handle(createAdminApp(lambdaDeps({ payments: stripeOnce })))
