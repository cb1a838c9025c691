import { createThreadsApp } from '@market/api/threads/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './deps.ts'

export const handler = handle(createThreadsApp(lambdaDeps()))
