import { createMiddleware } from 'hono/factory'
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
