import { S3Client } from '@aws-sdk/client-s3'
import type { ApiDeps } from '@market/api/deps'
import { recordDynamoCall } from '@market/api/middleware/dynamo-call-counter'
import { pagingScope } from '@market/api/middleware/paging-scope'
import type { LogLine } from '@market/api/middleware/request-log'
import type { Mail } from '@market/core'
import { createHealthRepository, createIdempotencyRepository, createPhotoStore } from '@market/data'
import { type MarketConfig, readLambdaConfig } from './config.ts'
import type { PaymentsSource } from './payments.ts'
import { buildStores } from './stores.ts'

const levels = { info: 0, warn: 1, error: 2, silent: 3 } as const

/** JSON lines on stdout (CloudWatch in Lambda); LOG_LEVEL=warn quietens request lines. */
const logLines = (minimum: string | undefined) => {
  const threshold = levels[minimum as keyof typeof levels] ?? levels.info
  return (line: LogLine) => {
    if (levels[line.level] >= threshold) process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`)
  }
}

/** Functions that never pay or refund do not bundle Stripe at all: they take no payments. */
const noPayments: PaymentsSource = () => async () => null

/**
 * The API's ports, built from a config object: in Lambda once per cold start (`lambdaDeps`), under
 * `npm start` and in the tests from the config they assemble. Every DynamoDB call is counted for
 * the request log. Only the functions that pay or refund pass a payments source (`stripeOnce`).
 */
export const buildDeps = (
  config: MarketConfig,
  log = logLines(config.logLevel),
  payments = noPayments,
): ApiDeps & Pick<Mail.MailDeps, 'mailQueue'> => {
  const { db, secrets, sessionSecret, ports } = buildStores(config, { onDynamoCall: recordDynamoCall, requestScope: pagingScope })
  const table = config.tableName
  const { bucket, endpoint, ...s3 } = config.photos
  const s3Client = new S3Client({
    // Checksums only when S3 requires them: a presigned PUT must not carry the checksum of an empty body.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    ...s3,
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
  })
  return {
    ...ports,
    log,
    health: createHealthRepository(db, table),
    photos: createPhotoStore(s3Client, bucket),
    idempotency: createIdempotencyRepository(db, table),
    payments: payments(secrets),
    sessions: { secret: sessionSecret, cookieSecure: config.cookieSecure },
  }
}

let lambda: ApiDeps | undefined
/** A Lambda's ports: built once per process from the environment the stack gives it, shared by its app. */
export const lambdaDeps = (payments?: PaymentsSource): ApiDeps => {
  lambda ??= buildDeps(readLambdaConfig(process.env), undefined, payments)
  return lambda
}
