import { createRfqsApp } from '@market/api'
import { handle } from 'hono/aws-lambda'
import { deps } from './deps.ts'

export const app = createRfqsApp(deps())
export const handler = handle(app)
