import * as z from 'zod'

/** Every error response the API sends has this shape (docs/architecture.md). */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Stable machine-readable code, e.g. "request.invalid"' }),
    message: z.string(),
    details: z.unknown().optional(),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBody>

/** Error kinds and the HTTP status each maps to: the one table that chooses a status. */
export const errorStatus = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale: 412,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const
export type ErrorKind = keyof typeof errorStatus
