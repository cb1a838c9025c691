import { createNotificationsApp } from '@market/api/notifications/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './lambda-deps.ts'
import { accounts, notifications } from './stores.ts'

export const handler = handle(createNotificationsApp(lambdaDeps({ accounts, notifications })))
