import { createWebhooksApp } from '@market/api'
import { handle } from 'hono/aws-lambda'
import { deps } from './deps.ts'

export const app = createWebhooksApp(deps())
export const handler = handle(app)
