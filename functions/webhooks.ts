import { createWebhooksApp } from '@market/api/webhooks/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './lambda-deps.ts'
import { payments } from './payments.ts'
import { orders } from './stores.ts'

export const handler = handle(createWebhooksApp(lambdaDeps({ orders, payments })))
