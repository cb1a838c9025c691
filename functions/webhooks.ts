import { createWebhooksApp } from '@market/api/webhooks/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './deps.ts'
import { stripeOnce } from './payments.ts'

export const handler = handle(createWebhooksApp(lambdaDeps({ payments: stripeOnce })))
