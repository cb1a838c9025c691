import { createRfqsApp } from '@market/api/rfqs/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './deps.ts'

export const handler = handle(createRfqsApp(lambdaDeps()))
