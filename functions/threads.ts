import { createThreadsApp } from '@market/api/threads/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './lambda-deps.ts'
import { photos } from './photos.ts'
import { accounts, listings, notifications, orders, rfqs, threads } from './stores.ts'

export const handler = handle(createThreadsApp(lambdaDeps({ accounts, listings, notifications, orders, rfqs, threads, photos })))
