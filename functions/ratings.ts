import { createRatingsApp } from '@market/api/ratings/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './deps.ts'

export const handler = handle(createRatingsApp(lambdaDeps()))
