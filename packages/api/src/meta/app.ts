import { HealthResponse } from '@market/contracts'
import { ServiceUnavailableError } from '@market/core/errors'
import type { Hono } from 'hono'
import * as z from 'zod'
import type { GroupDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { routeDocs } from '../openapi/describe.ts'
import type { OpenApiDocument } from '../openapi/document.ts'

const doc = routeDocs('meta')

/** Every group's app and the generator, loaded at the first request for the document rather than at a health check's cold start. */
const openApiDocument = async (meta: Hono<never>, deps: MetaDeps): Promise<OpenApiDocument> => {
  const [{ domainAppFactories }, { buildOpenApiDocument }] = await Promise.all([
    import('../domain-apps.ts'),
    import('../openapi/document.ts'),
  ])
  return buildOpenApiDocument([meta, ...domainAppFactories.map((create) => create(deps))])
}

/** The ports this group's routes use: its Lambda builds only these. */
export type MetaDeps = GroupDeps<'health'>

export const createMetaApp = (deps: MetaDeps) => {
  let document: Promise<OpenApiDocument> | undefined
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
    .get(
      '/api/openapi.json',
      doc('This document', { 200: ['OpenAPI 3.1 document', z.record(z.string(), z.unknown())] }),
      async (c) => {
        document ??= openApiDocument(app as unknown as Hono<never>, deps)
        return c.json(await document, 200)
      },
    )
  return app
}

export type MetaApp = ReturnType<typeof createMetaApp>
