import { createMetricsApp } from '@market/api/metrics/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './lambda-deps.ts'
import { accounts, categories, metrics, registry } from './stores.ts'

export const handler = handle(createMetricsApp(lambdaDeps({ accounts, categories, metrics, registry })))
