import { createRatingsApp } from '@market/api/ratings/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './deps.ts'
import { s3Photos } from './photos.ts'

export const handler = handle(createRatingsApp(lambdaDeps({ photos: s3Photos })))
