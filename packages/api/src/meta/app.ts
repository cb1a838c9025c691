import { HealthResponse } from '@market/contracts'
import { ServiceUnavailableError } from '@market/core'
import type { Hono } from 'hono'
import * as z from 'zod'
import type { ApiDeps } from '../deps.ts'
import { domainAppFactories } from '../domain-apps.ts'
import { createGroupApp } from '../group-app.ts'
import { routeDocs } from '../openapi/describe.ts'
import { buildOpenApiDocument } from '../openapi/document.ts'

const doc = routeDocs('meta')

export const createMetaApp = (deps: ApiDeps) => {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined
  const app = createGroupApp(deps)
    .get(
      '/api/health',
      doc('Liveness with a real round trip to the table', { 200: ['The table answered', HealthResponse] }),
      async (c) => {
        try {
          await deps.health.ping()
        } catch (error) {
          deps.log({ level: 'warn', msg: 'health check failed', requestId: c.var.requestId, error: String(error) })
          throw new ServiceUnavailableError()
        }
        return c.json({ status: 'ok' } satisfies HealthResponse, 200)
      },
    )
    .get('/api/openapi.json', doc('This document', { 200: ['OpenAPI 3.1 document', z.record(z.string(), z.unknown())] }), (c) => {
      document ??= buildOpenApiDocument([app as unknown as Hono<never>, ...domainAppFactories.map((create) => create(deps))])
      return c.json(document, 200)
    })
  return app
}

export type MetaApp = ReturnType<typeof createMetaApp>
