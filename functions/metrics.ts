import { createMetricsApp } from '@market/api/metrics/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './deps.ts'

export const handler = handle(createMetricsApp(lambdaDeps()))
