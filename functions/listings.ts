import { createListingsApp } from '@market/api/listings/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './deps.ts'
import { s3Photos } from './photos.ts'

export const handler = handle(createListingsApp(lambdaDeps({ photos: s3Photos })))
