import { createOrdersApp } from '@market/api/orders/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './lambda-deps.ts'
import { payments } from './payments.ts'
import { accounts, idempotency, orders } from './stores.ts'

export const handler = handle(createOrdersApp(lambdaDeps({ accounts, idempotency, orders, payments })))
