import { ErrorBody } from '@market/contracts'
import type { Hono } from 'hono'
import * as z from 'zod'
import { type RouteDoc, readRouteDoc } from './route-doc.ts'

type JsonSchema = Record<string, unknown>
type Operation = Record<string, unknown>

const errorRef = { $ref: '#/components/schemas/ErrorBody' }

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema
  return rest
}

/** Hono's `/api/listings/:id` is OpenAPI's `/api/listings/{id}`. */
export const toOpenApiPath = (path: string) => path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')

const parameters = (path: string, docs: RouteDoc[]) => {
  const query = docs.find((d) => d.validates?.target === 'query')?.validates?.schema
  const querySchema = query ? toSchema(query, 'input') : undefined
  const required = new Set((querySchema?.required as string[] | undefined) ?? [])
  const queryParams = Object.entries((querySchema?.properties as Record<string, JsonSchema>) ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema,
  }))
  const pathParams = [...path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }))
  return [...pathParams, ...queryParams]
}

const operation = (path: string, docs: RouteDoc[]): Operation => {
  const described = docs.find((d) => d.summary)
  const bodyCheck = docs.find((d) => d.validates?.target === 'json')?.validates
  const body = bodyCheck?.schema
  const responses: Record<string, unknown> = {}
  for (const [status, response] of Object.entries(described?.responses ?? {})) {
    responses[status] = response.schema
      ? { description: response.description, content: { 'application/json': { schema: toSchema(response.schema, 'output') } } }
      : { description: response.description }
  }
  if (body || docs.some((d) => d.validates)) {
    responses['400'] ??= { description: 'Invalid input', content: { 'application/json': { schema: errorRef } } }
  }
  responses.default = { description: 'Error', content: { 'application/json': { schema: errorRef } } }
  const params = parameters(path, docs)
  return {
    summary: described?.summary,
    tags: described?.tags,
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(body
      ? { requestBody: { required: !bodyCheck?.optional, content: { 'application/json': { schema: toSchema(body, 'input') } } } }
      : {}),
    responses,
  }
}

/** The routes an app serves, with the docs its handlers carry (middleware `use` routes skipped). */
export const documentedRoutes = (app: Hono<never>) => {
  const byRoute = new Map<string, { method: string; path: string; docs: RouteDoc[] }>()
  for (const route of app.routes) {
    if (route.method === 'ALL') continue
    const key = `${route.method} ${route.path}`
    const entry = byRoute.get(key) ?? { method: route.method, path: route.path, docs: [] }
    const doc = readRouteDoc(route.handler)
    if (doc) entry.docs.push(doc)
    byRoute.set(key, entry)
  }
  return [...byRoute.values()]
}

/**
 * An OpenAPI 3.1 document generated from the routes the apps mount and the zod schemas they
 * validate with. A route without `describeRoute` still appears (so nothing is hidden), and the
 * document test flags it.
 */
export const buildOpenApiDocument = (apps: Hono<never>[]) => {
  const paths: Record<string, Record<string, Operation>> = {}
  for (const app of apps) {
    for (const { method, path, docs } of documentedRoutes(app)) {
      const openApiPath = toOpenApiPath(path)
      paths[openApiPath] ??= {}
      ;(paths[openApiPath] as Record<string, Operation>)[method.toLowerCase()] = operation(path, docs)
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lhasa Raw-Materials Exchange API',
      version: '0.1.0',
      description: '拉萨服装原辅料交易市场 — the market for raw and auxiliary materials of Lhasa’s garment industry.',
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: { ErrorBody: toSchema(ErrorBody, 'output') } },
  }
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>
