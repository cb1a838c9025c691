import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { S3Client } from '@aws-sdk/client-s3'
import { type ApiDeps, type LogLine, recordDynamoCall } from '@market/api'
import type { Orders } from '@market/core'
import {
  createAccountRepository,
  createCategoryRepository,
  createCursorCodec,
  createDocumentClient,
  createHealthRepository,
  createIdempotencyRepository,
  createListingRepository,
  createNotificationRepository,
  createOrderRepository,
  createPhotoStore,
  createRfqRepository,
  onEveryDynamoCall,
} from '@market/data'
import { createStripeGateway } from '@market/payments'
import Stripe from 'stripe'
import { monotonicFactory } from 'ulid'
import { type AppSecrets, createSecretSource } from './secrets.ts'

const levels = { info: 0, warn: 1, error: 2, silent: 3 } as const

/** JSON lines on stdout (CloudWatch in Lambda); LOG_LEVEL=warn quietens request lines in tests. */
const logLines = (minimum: string | undefined) => {
  const threshold = levels[minimum as keyof typeof levels] ?? levels.info
  return (line: LogLine) => {
    if (levels[line.level] >= threshold) process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`)
  }
}

/**
 * Builds the clients and repositories from the environment. In Lambda, once per cold start; the
 * local server sets AWS_ENDPOINT_URL_DYNAMODB first, so the same code talks to DynamoDB Local.
 */
export const buildDeps = (env: NodeJS.ProcessEnv = process.env, log = logLines(env.LOG_LEVEL)): ApiDeps => {
  const table = env.TABLE_NAME
  if (!table) throw new Error('TABLE_NAME is not set')
  const db = createDocumentClient(new DynamoDBClient({}))
  onEveryDynamoCall(db, recordDynamoCall)
  const secrets = createSecretSource(env)
  const sessionSecret = async () => (await secrets()).SESSION_SECRET
  const nextId = monotonicFactory()
  const cursors = createCursorCodec(sessionSecret)
  // S3_ENDPOINT is the local S3-API store of `npm start`; in the cloud the SDK finds S3 itself.
  // Checksums only when S3 requires them: a presigned PUT must not carry the checksum of an empty body.
  const s3 = new S3Client({
    requestChecksumCalculation: 'WHEN_REQUIRED',
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT, forcePathStyle: true } : {}),
  })
  return {
    log,
    clock: { now: () => new Date() },
    ids: { next: () => nextId() },
    health: createHealthRepository(db, table),
    categories: createCategoryRepository(db, table),
    accounts: createAccountRepository(db, table, cursors),
    listings: createListingRepository(db, table, cursors),
    notifications: createNotificationRepository(db, table),
    photos: createPhotoStore(s3, env.PHOTOS_BUCKET ?? 'photos'),
    orders: createOrderRepository(db, table, cursors),
    rfqs: createRfqRepository(db, table, cursors),
    idempotency: createIdempotencyRepository(db, table),
    payments: stripeOnce(secrets),
    sessions: { secret: sessionSecret, cookieSecure: env.COOKIE_SECURE !== 'false' },
  }
}

/** The deploy starts the Stripe keys as "unset" until someone pastes real ones in. */
const configured = (value: string | undefined): value is string => Boolean(value && value !== 'unset')

/** One Stripe client per process, built when its keys are first needed; null without keys. */
const stripeOnce = (secrets: () => Promise<AppSecrets>) => {
  let gateway: Promise<Orders.PaymentGateway | null> | undefined
  return () => {
    gateway ??= secrets().then(({ STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: webhookSecret }) =>
      configured(key) && configured(webhookSecret)
        ? createStripeGateway(new Stripe(key, { maxNetworkRetries: 2, telemetry: false }), webhookSecret)
        : null,
    )
    return gateway
  }
}

let cached: ApiDeps | undefined
/** One set of clients per process, shared by every app that process serves. */
export const deps = (): ApiDeps => {
  cached ??= buildDeps()
  return cached
}
