import { Catalog } from '@market/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../functions/local/seed.ts'
import type { RunningServer } from '../../functions/local/server.ts'
import { securityHeaders } from '../../functions/security-headers.ts'
import { createTestTable, testPasswordCost } from '../support/dynamo.ts'
import { serveTestMarket } from '../support/web-market.ts'

let server: RunningServer

beforeAll(async () => {
  server = (await serveTestMarket('local-server')).server
})

afterAll(() => server?.close())

const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init)

describe('the local server (API and web on one port)', () => {
  it('serves the web app at / and its assets', async () => {
    const response = await get('/')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<div id="app">')
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1]
    expect(script).toBeDefined()
    expect((await get(script as string)).headers.get('content-type')).toMatch(/javascript/)
  })

  it('falls back to the app page for client-side routes', async () => {
    const response = await get('/materials')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<div id="app">')
  })

  it('answers unknown API paths with the 404 envelope, not the app page', async () => {
    for (const path of ['/api/nope', '/api/categories/extra/deep', '/api']) {
      const response = await get(path)
      expect(response.status, path).toBe(404)
      expect(await response.json()).toMatchObject({ error: { code: 'route.not_found' } })
    }
  })

  it('sends the security headers CloudFront sends, on the app, the API and the photos', async () => {
    const photo = ((await (await get('/api/listings?limit=1')).json()) as { items: { photo: string }[] }).items[0]?.photo
    expect(photo).toMatch(/^photos\//)
    const expected = securityHeaders()
    expect(expected['Content-Security-Policy']).not.toContain('unsafe-inline')
    for (const path of ['/', '/materials', '/api/categories', '/api/nope', `/${photo}`, '/photos/none.png']) {
      const response = await get(path)
      for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name), `${name} on ${path}`).toBe(value)
    }
  })

  it('serves the demo taxonomy from the table', async () => {
    const response = await get('/api/categories')
    expect(response.status).toBe(200)
    const body = (await response.json()) as { categories: { id: string }[] }
    expect(body.categories.map((category) => category.id)).toEqual(Catalog.defaultCategories.map((category) => category.id))
  })

  it('seeds the demo data only once', async () => {
    const table = await createTestTable('seed-once')
    expect(await seedDemoData(table.db, table.tableName, { passwordCost: testPasswordCost })).toBe(true)
    expect(await seedDemoData(table.db, table.tableName, { passwordCost: testPasswordCost })).toBe(false)
  })

  it('answers a malformed JSON body with 400 on every route that takes a body', async () => {
    const document = (await (await get('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>
    }
    const withBody = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.requestBody)
        .map(([method]) => ({ method: method.toUpperCase(), path: path.replace(/\{\w+\}/g, '01JZZZZZZZZZZZZZZZZZZZZZZZ') })),
    )
    for (const route of withBody) {
      const response = await get(route.path, {
        method: route.method,
        headers: { 'Content-Type': 'application/json', Origin: server.url },
        body: '{"broken": ',
      })
      expect(response.status, `${route.method} ${route.path}`).toBeGreaterThanOrEqual(400)
      expect(response.status, `${route.method} ${route.path}`).toBeLessThan(500)
      expect(await response.json()).toHaveProperty('error.code')
    }
  })
})
