import { DomainError } from '@market/core/errors'
import type { MiddlewareHandler, ValidationTargets } from 'hono'
import { validator } from 'hono/validator'
import type { z } from 'zod'
import { attachRouteDoc } from '../openapi/route-doc.ts'

type Target = 'json' | 'query' | 'param'

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i

/**
 * Validates one part of the request with a zod schema; the parsed value is `c.req.valid(target)`.
 * Failures become 400 with zod's issues in `details`. The schema is also recorded on the
 * middleware, so the OpenAPI document is generated from exactly what the route validates.
 */
export const validate = <T extends Target, S extends z.ZodType>(
  target: T,
  schema: S,
  /** A body the route may go without: a request with no Content-Type at all is checked as `{}`. */
  options: { optional?: boolean } = {},
) => {
  const middleware = validator(target, async (value, c) => {
    const contentType = c.req.header('Content-Type')
    if (target === 'json' && !(options.optional && contentType === undefined)) {
      const mediaType = (contentType ?? '').split(';')[0]?.trim() ?? ''
      // A JSON API that only reads JSON also refuses form posts from other sites (CSRF).
      if (!jsonMediaType.test(mediaType)) {
        throw new DomainError('unsupported_media_type', 'request.unsupported_media_type', 'Send the body as application/json')
      }
    }
    const result = await schema.safeParseAsync(value)
    if (!result.success) {
      throw new DomainError('invalid', 'request.invalid', `Invalid ${target === 'json' ? 'body' : target}`, result.error.issues)
    }
    return result.data as z.output<S>
  }) as MiddlewareHandler<
    // Hono's validator infers input/output types from the callback; restate them from the schema.
    // biome-ignore lint/suspicious/noExplicitAny: mirrors Hono's own Env default
    any,
    string,
    {
      in: { [K in T]: z.input<S> extends ValidationTargets[K] ? z.input<S> : ValidationTargets[K] }
      out: { [K in T]: z.output<S> }
    }
  >
  return attachRouteDoc(middleware, { validates: { target, schema, ...(options.optional ? { optional: true } : {}) } })
}
