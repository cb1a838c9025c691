import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { type ApiDeps, type LogLine, recordDynamoCall } from '@market/api'
import {
  createAccountRepository,
  createCategoryRepository,
  createCursorCodec,
  createHealthRepository,
  onEveryDynamoCall,
} from '@market/data'
import { monotonicFactory } from 'ulid'
import { createSecretSource } from './secrets.ts'

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
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } })
  onEveryDynamoCall(db, recordDynamoCall)
  const secrets = createSecretSource(env)
  const sessionSecret = async () => (await secrets()).SESSION_SECRET
  const nextId = monotonicFactory()
  return {
    log,
    clock: { now: () => new Date() },
    ids: { next: () => nextId() },
    health: createHealthRepository(db, table),
    categories: createCategoryRepository(db, table),
    accounts: createAccountRepository(db, table, createCursorCodec(sessionSecret)),
    sessions: { secret: sessionSecret, cookieSecure: env.COOKIE_SECURE !== 'false' },
  }
}

let cached: ApiDeps | undefined
/** One set of clients per process, shared by every app that process serves. */
export const deps = (): ApiDeps => {
  cached ??= buildDeps()
  return cached
}
