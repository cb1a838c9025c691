import { createListingsApp } from '@market/api/listings/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './deps.ts'

export const handler = handle(createListingsApp(lambdaDeps()))
