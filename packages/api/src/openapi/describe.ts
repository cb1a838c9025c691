import { createMiddleware } from 'hono/factory'
import type { z } from 'zod'
import type { RouteDoc } from './route-doc.ts'
import { attachRouteDoc } from './route-doc.ts'

/**
 * Declares a route's summary and responses for the OpenAPI document. Every mounted route has
 * one; a test fails when a route is missing from the document.
 */
export const describeRoute = (doc: Required<Pick<RouteDoc, 'summary' | 'tags' | 'responses'>>) =>
  attachRouteDoc(
    createMiddleware((_c, next) => next()),
    doc,
  )

/** Responses by status: what the body is, and its schema (`null` for none). */
export type Responses = Record<number, readonly [description: string, schema: z.ZodType | null]>

/** `describeRoute` for the routes of one tag, in short: `doc('Summary', { 200: ['What comes back', Schema] })`. */
export const routeDocs = (tag: string) => (summary: string, responses: Responses) =>
  describeRoute({
    summary,
    tags: [tag],
    responses: Object.fromEntries(
      Object.entries(responses).map(([status, [description, schema]]) => [status, { description, schema }]),
    ),
  })
