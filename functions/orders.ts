import { createOrdersApp } from '@market/api'
import { handle } from 'hono/aws-lambda'
import { deps } from './deps.ts'

export const app = createOrdersApp(deps())
export const handler = handle(app)
