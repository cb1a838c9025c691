import type { ApiDeps } from '@market/api/deps'
import { recordDynamoCall } from '@market/api/middleware/dynamo-call-counter'
import { pagingScope } from '@market/api/middleware/paging-scope'
import type { LogLine } from '@market/api/middleware/request-log'
import type { Mail } from '@market/core'
import { createHealthRepository, createIdempotencyRepository } from '@market/data'
import { type MarketConfig, readLambdaConfig } from './config.ts'
import type { PaymentsSource } from './payments.ts'
import { type PhotosSource, s3Photos } from './photos.ts'
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

/** Functions whose routes never touch a photo do not bundle S3: reaching this store is a bug in route-map's `photos`. */
const noPhotos: PhotosSource = () => {
  const refuse = async (): Promise<never> => {
    throw new Error('This function has no photo store: give it one in its entry and `photos: true` in functions/route-map.ts')
  }
  return { createUpload: refuse, firstBytes: refuse }
}

type Sources = { log: (line: LogLine) => void; payments: PaymentsSource; photos: PhotosSource }

const assembleDeps = (config: MarketConfig, { log, payments, photos }: Sources): ApiDeps & Pick<Mail.MailDeps, 'mailQueue'> => {
  const { db, secrets, sessionSecret, ports } = buildStores(config, { onDynamoCall: recordDynamoCall, requestScope: pagingScope })
  const table = config.tableName
  return {
    ...ports,
    log,
    health: createHealthRepository(db, table),
    photos: photos(config.photos),
    idempotency: createIdempotencyRepository(db, table),
    payments: payments(secrets),
    sessions: { secret: sessionSecret, cookieSecure: config.cookieSecure },
    ...(config.passwordCost ? { passwordCost: config.passwordCost } : {}),
  }
}

/**
 * The API's ports for every group at once, built from a config object: under `npm start` and in
 * the tests. Every DynamoDB call is counted for the request log. Payments only when a source
 * (`stripeOnce`) is passed.
 */
export const buildDeps = (config: MarketConfig, log = logLines(config.logLevel), payments = noPayments) =>
  assembleDeps(config, { log, payments, photos: s3Photos })

let lambda: ApiDeps | undefined
/**
 * A Lambda's ports: built once per process from the environment the stack gives it, shared by its
 * app. Only the functions that pay or refund pass `payments` (`stripeOnce`), only those that touch
 * photos pass `photos` (`s3Photos`): what a function is not given, its bundle does not carry.
 */
export const lambdaDeps = (sources: Partial<Omit<Sources, 'log'>> = {}): ApiDeps => {
  if (!lambda) {
    const config = readLambdaConfig(process.env)
    lambda = assembleDeps(config, { log: logLines(config.logLevel), payments: noPayments, photos: noPhotos, ...sources })
  }
  return lambda
}
