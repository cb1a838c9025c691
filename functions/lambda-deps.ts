import type { ApiDeps } from '@market/api/deps'
import { recordDynamoCall } from '@market/api/middleware/dynamo-call-counter'
import { pagingScope } from '@market/api/middleware/paging-scope'
import type { LogLine } from '@market/api/middleware/request-log'
import type { Listings } from '@market/core'
import { type MarketConfig, readLambdaConfig } from './config.ts'
import { clock, ids, type StoreContext, storeContext } from './stores.ts'

const levels = { info: 0, warn: 1, error: 2, silent: 3 } as const

/** JSON lines on stdout (CloudWatch in Lambda); LOG_LEVEL=warn quietens request lines. */
export const logLines = (minimum: string | undefined) => {
  const threshold = levels[minimum as keyof typeof levels] ?? levels.info
  return (line: LogLine) => {
    if (levels[line.level] >= threshold) process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`)
  }
}

/** Every DynamoDB call is counted for the request log; cursors are bound to the request being served. */
export const apiHooks = { onDynamoCall: recordDynamoCall, requestScope: pagingScope }

export const sessions = (stores: StoreContext, config: MarketConfig): ApiDeps['sessions'] => ({
  secret: stores.sessionSecret,
  cookieSecure: config.cookieSecure,
})

/** The ports every group's app takes besides the log: the clock, ids and the session secret. */
type CommonPort = 'clock' | 'ids' | 'sessions'
type PortName = Exclude<keyof ApiDeps, 'log' | 'background' | CommonPort>
/**
 * How a Lambda entry names a port it needs: the repositories in `./stores.ts`, `photos` in
 * `./photos.ts`, `payments` in `./payments.ts`.
 */
export type PortBuilder<Name extends PortName> = (stores: StoreContext, config: MarketConfig) => ApiDeps[Name]

/**
 * For a group whose app's type takes photos though its routes never touch one (the administrators'
 * listing decisions): no S3 in its bundle, and reaching it is a bug in route-map's `photos`.
 */
export const noPhotos: PortBuilder<'photos'> = (): Listings.PhotoStore => {
  const refuse = async (): Promise<never> => {
    throw new Error(
      'This function has no photo store: give it `photos` in its entry and `photos: true` in functions/route-map.ts',
    )
  }
  return { createUpload: refuse, firstBytes: refuse }
}

let lambda: unknown
/**
 * A Lambda's ports: the log, the common ones and those its entry names (`{ accounts, attention }`),
 * built once per process from the environment the stack gives it. Its group's app type says which
 * it needs; what an entry does not name, its bundle does not carry (`npm start` and the tests
 * build them all: `./deps.ts`).
 */
export const lambdaDeps = <Name extends PortName>(builders: { [Port in Name]: PortBuilder<Port> }) => {
  if (!lambda) {
    const config = readLambdaConfig(process.env)
    const stores = storeContext(config, apiHooks)
    const named = Object.fromEntries(
      Object.entries<PortBuilder<Name>>(builders).map(([name, build]) => [name, build(stores, config)]),
    )
    lambda = { log: logLines(config.logLevel), clock: clock(), ids: ids(), sessions: sessions(stores, config), ...named }
  }
  return lambda as Pick<ApiDeps, 'log' | CommonPort | Name>
}
