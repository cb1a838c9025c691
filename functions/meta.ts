import { createMetaApp } from '@market/api/meta/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './deps.ts'

export const handler = handle(createMetaApp(lambdaDeps()))
