import type { ListingsApp, MetaApp } from '@market/api'
import type { ErrorBody } from '@market/contracts'
import { hc } from 'hono/client'

/** A failed call, carrying the API's error code so the page can say it in the reader's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

/** Network failure (offline, server down): distinct from an error the server chose to send. */
export class OfflineError extends Error {}

const fetchWithErrors: typeof fetch = async (input, init) => {
  let response: Response
  try {
    response = await fetch(input, { credentials: 'same-origin', ...init })
  } catch (error) {
    throw new OfflineError(String(error))
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as ErrorBody | undefined
    throw new ApiError(
      response.status,
      body?.error.code ?? 'internal',
      body?.error.message ?? response.statusText,
      body?.error.details,
    )
  }
  return response
}

/** Typed clients, one per route group, with request and response types taken from the API's apps. */
export const api = {
  meta: hc<MetaApp>('/', { fetch: fetchWithErrors }),
  listings: hc<ListingsApp>('/', { fetch: fetchWithErrors }),
}
