import { createAccountsApp } from '@market/api/accounts/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './deps.ts'

export const handler = handle(createAccountsApp(lambdaDeps()))
