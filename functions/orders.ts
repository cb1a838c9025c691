import { createOrdersApp } from '@market/api/orders/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './deps.ts'
import { stripeOnce } from './payments.ts'

export const handler = handle(createOrdersApp(lambdaDeps({ payments: stripeOnce })))
