import { type ErrorBody, type ErrorKind, errorStatus } from '@market/contracts'
import { DomainError, ServiceUnavailableError } from '@market/core/errors'
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Logger } from './request-log.ts'

const send = (c: Context, status: number, error: ErrorBody['error']) =>
  c.json({ error } satisfies ErrorBody, status as ContentfulStatusCode)

/** AWS SDK errors that mean "the table is busy or unreachable", not "our code is wrong". */
const unavailableErrorNames = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'ResourceNotFoundException',
  'ServiceUnavailable',
  'InternalServerError',
  // The SDK's own, when DynamoDB did not answer in time (connection or request timeout).
  'TimeoutError',
])
const unreachableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'])
/**
 * Why DynamoDB cancels a transaction when it is busy: throttled, or another transaction held an
 * item through every retry. Nothing was written and a retry may well pass. (A failed condition
 * is a real conflict: the repositories turn it into a domain error, 409.)
 */
const transientCancellations = new Set([
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
  'TransactionConflict',
])

const isUnavailable = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false
  const { code, CancellationReasons: reasons } = error as { code?: string; CancellationReasons?: { Code?: string }[] }
  if (error.name === 'TransactionCanceledException') {
    const codes = (reasons ?? []).map((reason) => reason.Code ?? 'None')
    return !codes.includes('ConditionalCheckFailed') && codes.some((reason) => transientCancellations.has(reason))
  }
  return unavailableErrorNames.has(error.name) || (code !== undefined && unreachableCodes.has(code))
}

const statusKinds = new Map<number, ErrorKind>(Object.entries(errorStatus).map(([kind, status]) => [status, kind as ErrorKind]))

/**
 * The only place that turns a failure into an HTTP status. Unexpected errors are logged with
 * their stack and answered with a bare 500: no stack trace or internal message leaves the server.
 */
export const errorHandler =
  (log: Logger): ErrorHandler =>
  (error, c) => {
    if (isUnavailable(error)) error = new ServiceUnavailableError()
    if (error instanceof DomainError) {
      if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds))
      return send(c, errorStatus[error.kind], { code: error.code, message: error.message, details: error.details })
    }
    if (error instanceof HTTPException && error.status < 500) {
      const kind = statusKinds.get(error.status) ?? 'invalid'
      return send(c, error.status, { code: `request.${kind}`, message: error.message || kind })
    }
    log({
      level: 'error',
      msg: 'unhandled error',
      requestId: c.var.requestId,
      error: String(error),
      stack: (error as Error)?.stack,
    })
    return send(c, 500, { code: 'internal', message: 'Internal error' })
  }

export const notFoundHandler: NotFoundHandler = (c) =>
  send(c, 404, { code: 'route.not_found', message: `No route for ${c.req.method} ${c.req.path}` })
