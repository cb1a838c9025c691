import { DomainError } from '@market/core/errors'
import type { Context, MiddlewareHandler, ValidationTargets } from 'hono'
import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import { validator } from 'hono/validator'
import type { z } from 'zod'
import { attachRouteDoc } from '../openapi/route-doc.ts'

type Target = 'json' | 'query' | 'param'
// biome-ignore lint/suspicious/noExplicitAny: any group app's context, whatever its routes' types
type AnyContext = Context<any, any, any>

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i

const checked = async <S extends z.ZodType>(schema: S, value: unknown, target: Target) => {
  const result = await schema.safeParseAsync(value)
  if (!result.success) {
    throw new DomainError('invalid', 'request.invalid', `Invalid ${target === 'json' ? 'body' : target}`, result.error.issues)
  }
  return result.data as z.output<S>
}

/** Each request's checked bodies, by schema: a body is read, parsed and checked once however many ask. */
const checkedBodies = new WeakMap<Request, Map<z.ZodType, Promise<unknown>>>()

/**
 * The JSON body as `schema` checks it, or the answer to give instead: 415 if it is not sent as
 * JSON, 400 if it is malformed or invalid. A body the route may go without (`optional`), sent with
 * no Content-Type at all, is checked as `{}`.
 */
const checkedBody = <S extends z.ZodType>(c: AnyContext, schema: S, optional = false): Promise<z.output<S>> => {
  const checks = checkedBodies.get(c.req.raw) ?? new Map<z.ZodType, Promise<unknown>>()
  checkedBodies.set(c.req.raw, checks)
  const known = checks.get(schema)
  if (known) return known as Promise<z.output<S>>
  const check = (async () => {
    const contentType = c.req.header('Content-Type')
    if (optional && contentType === undefined) return checked(schema, {}, 'json')
    // A JSON API that only reads JSON also refuses form posts from other sites (CSRF).
    if (!jsonMediaType.test(contentType?.split(';')[0]?.trim() ?? '')) {
      throw new DomainError('unsupported_media_type', 'request.unsupported_media_type', 'Send the body as application/json')
    }
    let value: unknown
    try {
      value = JSON.parse(await c.req.text())
    } catch {
      throw new HTTPException(400, { message: 'Malformed JSON in request body' })
    }
    return checked(schema, value, 'json')
  })()
  checks.set(schema, check)
  return check
}

/**
 * The JSON body as `schema` checks it, for a route that reads ahead of its validator (see
 * ReadAlongside): undefined if it is not valid, which the validator answers later without checking
 * the body again.
 */
export const validJsonBody = <S extends z.ZodType>(c: AnyContext, schema: S): Promise<z.output<S> | undefined> =>
  checkedBody(c, schema).catch(() => undefined)

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
  const middleware = (
    target === 'json'
      ? createMiddleware(async (c, next) => {
          c.req.addValidatedData('json', (await checkedBody(c, schema, options.optional)) as object)
          await next()
        })
      : validator(target, (value) => checked(schema, value, target))
  ) as MiddlewareHandler<
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
