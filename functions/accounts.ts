import { createAccountsApp } from '@market/api/accounts/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './lambda-deps.ts'
import { photos } from './photos.ts'
import { accounts, attention } from './stores.ts'

export const handler = handle(createAccountsApp(lambdaDeps({ accounts, attention, photos })))
