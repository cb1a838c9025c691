import { createMetaApp } from '@market/api/meta/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './lambda-deps.ts'
import { health } from './stores.ts'

export const handler = handle(createMetaApp(lambdaDeps({ health })))
