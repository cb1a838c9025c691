import { createThreadsApp } from '@market/api/threads/app'
import { handle } from 'hono/aws-lambda'
import { lambdaDeps } from './deps.ts'
import { s3Photos } from './photos.ts'

export const handler = handle(createThreadsApp(lambdaDeps({ photos: s3Photos })))
