import { documentedRoutes, toOpenApiPath } from '@market/api'
import { Validator } from '@seriousme/openapi-schema-validator'
import type { Hono } from 'hono'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildGroupApps } from '../../functions/group-apps.ts'
import { groupForPath, routeGroups } from '../../functions/route-map.ts'
import { fakeDeps } from '../support/fake-deps.ts'

type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, { summary?: string; requestBody?: unknown }>> }

let apps: Map<string, Hono<never>>
let document: OpenApiDocument

beforeAll(async () => {
  apps = buildGroupApps(fakeDeps().deps) as unknown as Map<string, Hono<never>>
  const meta = apps.get('meta') as Hono<never>
  document = (await (await meta.request('/api/openapi.json')).json()) as OpenApiDocument
})

/** Every route that the server mounts, read from apps built by the factories the Lambda entries call. */
const mountedRoutes = () =>
  [...apps.entries()].flatMap(([group, app]) => documentedRoutes(app).map((route) => ({ group, ...route })))

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document as never)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(document.openapi).toBe('3.1.0')
  })

  it('lists every route the server mounts, each with a summary', () => {
    const routes = mountedRoutes()
    expect(routes.length).toBeGreaterThan(0)
    for (const route of routes) {
      const operation = document.paths[toOpenApiPath(route.path)]?.[route.method.toLowerCase()]
      expect(operation, `${route.method} ${route.path} is missing from the OpenAPI document`).toBeDefined()
      expect(operation?.summary, `${route.method} ${route.path} has no describeRoute()`).toBeTruthy()
    }
  })

  it('lists nothing that is not mounted', () => {
    const mounted = new Set(mountedRoutes().map((route) => `${route.method.toLowerCase()} ${toOpenApiPath(route.path)}`))
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    )
    expect(documented.filter((entry) => !mounted.has(entry))).toEqual([])
  })
})

describe('the route map', () => {
  it('sends every mounted route to the group that serves it (as API Gateway will)', () => {
    for (const route of mountedRoutes()) {
      expect(groupForPath(route.path.replace(/:\w+/g, 'x'))?.name, `${route.method} ${route.path}`).toBe(route.group)
    }
  })

  it('gives each group a distinct name and prefixes no other group claims', () => {
    const names = routeGroups.map((group) => group.name)
    expect(new Set(names).size).toBe(names.length)
    const prefixes = routeGroups.flatMap((group) => group.prefixes)
    expect(new Set(prefixes).size).toBe(prefixes.length)
    for (const prefix of prefixes) expect(prefix).toMatch(/^\/api\/[a-z0-9./-]+[a-z0-9]$/)
  })

  it('picks the longest matching prefix', () => {
    const groups = [
      { name: 'a', prefixes: ['/api/admin'], entry: 'x', access: 'read' as const },
      { name: 'b', prefixes: ['/api/admin/listings'], entry: 'y', access: 'read' as const },
    ]
    expect(groupForPath('/api/admin/users/1', groups)?.name).toBe('a')
    expect(groupForPath('/api/admin/listings/1/approve', groups)?.name).toBe('b')
    expect(groupForPath('/api/administrators', groups)).toBeUndefined()
  })
})
