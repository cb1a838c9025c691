import { createGroupApp, createRfqsApp } from '@market/api'
import { describe, expect, it } from 'vitest'
import { fakeDeps } from '../../support/fake-deps.ts'

const requestLine = (logs: { msg: string }[]) => logs.find((line) => line.msg === 'request')

describe('the request log names the route that answered', () => {
  it('logs GET /api/rfqs/mine as /api/rfqs/mine, not as the /api/rfqs/:id route declared after it', async () => {
    const { deps, logs } = fakeDeps()
    const response = await createRfqsApp(deps).request('/api/rfqs/mine')
    expect(response.status).toBe(401)
    expect(requestLine(logs)).toMatchObject({ method: 'GET', route: '/api/rfqs/mine', path: '/api/rfqs/mine', status: 401 })
  })

  it('logs a parameterised path under its pattern', async () => {
    const { deps, logs } = fakeDeps()
    await createRfqsApp(deps).request('/api/rfqs/01JZZZZZZZZZZZZZZZZZZZZZZZ')
    expect(requestLine(logs)).toMatchObject({ route: '/api/rfqs/:id', path: '/api/rfqs/01JZZZZZZZZZZZZZZZZZZZZZZZ' })
  })

  it('logs the route whose handler answered when several patterns match', async () => {
    const { deps, logs } = fakeDeps()
    const app = createGroupApp(deps)
      .get('/api/things/special', (c) => c.json({ which: 'special' }, 200))
      .get('/api/things/:id', (c) => c.json({ which: 'any' }, 200))
    expect(await (await app.request('/api/things/special')).json()).toEqual({ which: 'special' })
    expect(requestLine(logs)).toMatchObject({ route: '/api/things/special', status: 200 })
  })

  it('logs no route for a path nothing serves', async () => {
    const { deps, logs } = fakeDeps()
    await createRfqsApp(deps).request('/api/rfqs/1/nothing/here')
    expect(requestLine(logs)).toMatchObject({ route: null, status: 404 })
  })
})
