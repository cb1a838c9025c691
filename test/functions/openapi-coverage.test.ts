import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { documentedRoutes, toOpenApiPath } from '@market/api'
import { Validator } from '@seriousme/openapi-schema-validator'
import type { Hono } from 'hono'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildGroupApps, groupApps } from '../../functions/group-apps.ts'
import { projectRoot } from '../../functions/local/server.ts'
import { groupForPath, prefixMatches, type RouteGroup, routeGroups } from '../../functions/route-map.ts'
import { fakeDeps } from '../support/fake-deps.ts'

type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, { summary?: string; requestBody?: unknown }>> }

let apps: Map<string, Hono<never>>
let document: OpenApiDocument

beforeAll(async () => {
  apps = buildGroupApps(fakeDeps().deps) as unknown as Map<string, Hono<never>>
  const meta = apps.get('meta') as Hono<never>
  document = (await (await meta.request('/api/openapi.json')).json()) as OpenApiDocument
})

/** A route's path as a request names it: `/api/listings/:id` → `/api/listings/x`. */
const filled = (path: string) => path.replace(/:\w+/g, 'x')

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
      expect(groupForPath(filled(route.path))?.name, `${route.method} ${route.path}`).toBe(route.group)
    }
  })

  it('serves some mounted route under every prefix of every group', () => {
    const routes = mountedRoutes()
    for (const group of routeGroups) {
      for (const prefix of group.prefixes) {
        const served = routes.filter((route) => route.group === group.name && prefixMatches(prefix, filled(route.path)))
        expect(served.length, `${group.name} ${prefix}`).toBeGreaterThan(0)
      }
    }
  })

  it('gives each group a distinct name and prefixes no other group claims, of literal and :parameter segments', () => {
    const names = routeGroups.map((group) => group.name)
    expect(new Set(names).size).toBe(names.length)
    const prefixes: string[] = routeGroups.flatMap((group) => group.prefixes)
    expect(new Set(prefixes).size).toBe(prefixes.length)
    for (const prefix of prefixes) expect(prefix).toMatch(/^\/api(\/([a-z0-9][a-z0-9.-]*|:[a-zA-Z]\w*))+$/)
    // API Gateway wants one name for the parameter in one place of the path.
    const parameterNames = new Map<string, string>()
    for (const prefix of prefixes) {
      prefix.split('/').forEach((segment, index, all) => {
        if (!segment.startsWith(':')) return
        const place = all.slice(0, index).join('/').replace(/:\w+/g, ':')
        expect(parameterNames.get(place) ?? segment, `${prefix}`).toBe(segment)
        parameterNames.set(place, segment)
      })
    }
  })

  it('picks the most specific prefix: literal segments before parameters, then the longer one', () => {
    const group = (name: string, ...prefixes: string[]): RouteGroup => ({ name, prefixes, entry: name, access: 'read' })
    const groups = [
      group('admin', '/api/admin'),
      group('admin-listings', '/api/admin/listings'),
      group('suppliers', '/api/suppliers/:id'),
      group('accounts', '/api/suppliers/me'),
      group('listings', '/api/suppliers/me/listings'),
    ]
    expect(groupForPath('/api/admin/users/1', groups)?.name).toBe('admin')
    expect(groupForPath('/api/admin/listings/1/approve', groups)?.name).toBe('admin-listings')
    expect(groupForPath('/api/administrators', groups)).toBeUndefined()
    expect(groupForPath('/api/suppliers/01J/ratings', groups)?.name).toBe('suppliers')
    expect(groupForPath('/api/suppliers/01J', groups)?.name).toBe('suppliers')
    expect(groupForPath('/api/suppliers/me/verification', groups)?.name).toBe('accounts')
    expect(groupForPath('/api/suppliers/me/listings', groups)?.name).toBe('listings')
    expect(groupForPath('/api/suppliers', groups)).toBeUndefined()
  })

  it('has one app factory per group, and each Lambda entry wraps its own group’s app with it', () => {
    expect(Object.keys(groupApps).sort()).toEqual(routeGroups.map((group) => group.name).sort())
    for (const group of routeGroups) {
      const entry = readFileSync(join(projectRoot, group.entry), 'utf8')
      const factories = [...new Set(entry.match(/\bcreate\w+App\b/g))]
      expect(factories, group.entry).toEqual([groupApps[group.name].name])
      expect(entry, group.entry).toMatch(new RegExp(`export const handler = handle\\(\\s*${groupApps[group.name].name}\\(`))
    }
  })
})
