import type {
  AccountsApp,
  AdminApp,
  ListingImportsApp,
  ListingsApp,
  MetaApp,
  MetricsApp,
  NotificationsApp,
  OrdersApp,
  RatingsApp,
  RfqsApp,
  ThreadsApp,
} from '@market/api'
import type { ErrorBody, UploadRequest } from '@market/contracts'
import { hc } from 'hono/client'

/** A failed call, carrying the API's error code so the page can say it in the reader's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds from the Retry-After header (429, 503), when the server sent one. */
    readonly retryAfter?: number,
  ) {
    super(message)
  }
}

/** Network failure (offline, server down): distinct from an error the server chose to send. */
export class OfflineError extends Error {}

/** A field of a JSON value that may not be an object at all. */
const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined

/** Retry-After is either delay-seconds or an HTTP date. */
const parseRetryAfter = (header: string | null): number | undefined => {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

const fetchWithErrors: typeof fetch = async (input, init) => {
  let response: Response
  try {
    response = await fetch(input, { credentials: 'same-origin', ...init })
  } catch (error) {
    throw new OfflineError(String(error))
  }
  if (!response.ok) {
    // The envelope's fields are read, not assumed: a proxy's HTML error page has none of them.
    const body: unknown = await response.json().catch(() => undefined)
    const error = field(body, 'error')
    const text = (name: keyof ErrorBody['error']) => {
      const value = field(error, name)
      return typeof value === 'string' ? value : undefined
    }
    throw new ApiError(
      response.status,
      text('code') ?? 'internal',
      text('message') ?? response.statusText,
      field(error, 'details'),
      parseRetryAfter(response.headers.get('Retry-After')),
    )
  }
  return response
}

/** Typed clients, one per route group, with request and response types taken from the API's apps. */
export const api = {
  meta: hc<MetaApp>('/', { fetch: fetchWithErrors }),
  listings: hc<ListingsApp>('/', { fetch: fetchWithErrors }),
  listingImports: hc<ListingImportsApp>('/', { fetch: fetchWithErrors }),
  accounts: hc<AccountsApp>('/', { fetch: fetchWithErrors }),
  admin: hc<AdminApp>('/', { fetch: fetchWithErrors }),
  notifications: hc<NotificationsApp>('/', { fetch: fetchWithErrors }),
  orders: hc<OrdersApp>('/', { fetch: fetchWithErrors }),
  rfqs: hc<RfqsApp>('/', { fetch: fetchWithErrors }),
  ratings: hc<RatingsApp>('/', { fetch: fetchWithErrors }),
  metrics: hc<MetricsApp>('/', { fetch: fetchWithErrors }),
  threads: hc<ThreadsApp>('/', { fetch: fetchWithErrors }),
}

/** The fields a 400's zod issues name, as dotted paths ("company.phone"); pages word the messages themselves. */
export const fieldErrorPaths = (error: unknown): Set<string> => {
  const paths = new Set<string>()
  if (!(error instanceof ApiError) || error.code !== 'request.invalid' || !Array.isArray(error.details)) return paths
  for (const issue of error.details) {
    const path = field(issue, 'path')
    if (Array.isArray(path)) paths.add(path.map(String).join('.'))
  }
  return paths
}

/** A number an error's details name (what is left in stock, the minimum order), if they name one. */
export const numberIn = (details: unknown, name: string): number | undefined => {
  const value = field(details, name)
  return typeof value === 'number' ? value : undefined
}

/** Photo keys are served from the site's own origin (the bucket behind CloudFront, or the local store). */
export const photoUrl = (key: string) => `/${key}`

/**
 * Uploads one photo the way the cloud does it: ask the API for a presigned PUT, then send the file
 * straight to the bucket. Returns the key the listing keeps.
 */
export const uploadPhoto = async (file: File, contentType: UploadRequest['contentType']): Promise<string> => {
  const ticket = await (await api.listings.api.uploads.$post({ json: { contentType, size: file.size } })).json()
  let response: Response
  try {
    response = await fetch(ticket.uploadUrl, { method: 'PUT', headers: ticket.headers, body: file })
  } catch (error) {
    throw new OfflineError(String(error))
  }
  if (!response.ok) throw new ApiError(response.status, 'upload.failed', response.statusText)
  return ticket.key
}
