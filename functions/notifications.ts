import { createNotificationsApp } from '@market/api/notifications/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './deps.ts'

export const handler = handle(createNotificationsApp(lambdaDeps()))
