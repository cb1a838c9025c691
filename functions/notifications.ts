import { createNotificationsApp } from '@market/api'
import { handle } from 'hono/aws-lambda'
import { deps } from './deps.ts'

export const app = createNotificationsApp(deps())
export const handler = handle(app)
