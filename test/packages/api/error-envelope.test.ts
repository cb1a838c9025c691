import { DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { createGroupApp, createListingsApp, describeRoute, validate } from '@market/api'
import { ErrorBody } from '@market/contracts'
import { createCategoryRepository } from '@market/data'
import { mockClient } from 'aws-sdk-client-mock'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { fakeDeps } from '../../support/fake-deps.ts'

const Order = z.object({ listingId: z.string().min(1), quantity: z.number().int().positive() })

const appWithBody = () => {
  const { deps, logs } = fakeDeps()
  let writes = 0
  const app = createGroupApp(deps)
    .post(
      '/api/things',
      describeRoute({ summary: 'test', tags: ['test'], responses: { 201: { description: 'made', schema: Order } } }),
      validate('json', Order),
      (c) => {
        writes += 1
        return c.json(c.req.valid('json'), 201)
      },
    )
    .get('/api/boom', () => {
      throw new Error('secret internals at /srv/app.ts:12')
    })
  return { app, logs, writes: () => writes }
}

/** Posts a body to the test app's validating route. */
const post = (app: ReturnType<typeof appWithBody>['app'], body: string, contentType = 'application/json') =>
  app.request('/api/things', { method: 'POST', headers: { 'Content-Type': contentType }, body })

const expectEnvelope = async (response: Response, status: number, code: string) => {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/application\/json/)
  const body = ErrorBody.parse(await response.json())
  expect(body.error.code).toBe(code)
  return body
}

describe('the error envelope', () => {
  it('answers an unknown /api path with 404 JSON', async () => {
    const { app } = appWithBody()
    await expectEnvelope(await app.request('/api/nope'), 404, 'route.not_found')
  })

  it('refuses malformed JSON with 400 and runs nothing', async () => {
    const { app, writes } = appWithBody()
    await expectEnvelope(await post(app, '{"listingId": "a", "quantity": '), 400, 'request.invalid')
    expect(writes()).toBe(0)
  })

  it('puts the zod issues of an invalid body in details, naming the field', async () => {
    const { app, writes } = appWithBody()
    const body = await expectEnvelope(await post(app, JSON.stringify({ listingId: 'a', quantity: -3 })), 400, 'request.invalid')
    expect(body.error.details).toEqual([expect.objectContaining({ path: ['quantity'] })])
    expect(writes()).toBe(0)
  })

  it.each([
    ['a JSON array', '[]'],
    ['a JSON string', '"hello"'],
    ['null', 'null'],
    ['an empty body', ''],
  ])('refuses %s where an object is expected', async (_name, body) => {
    const { app, writes } = appWithBody()
    await expectEnvelope(await post(app, body), 400, 'request.invalid')
    expect(writes()).toBe(0)
  })

  it('refuses a body that is not JSON (a cross-site form post) with 415', async () => {
    const { app, writes } = appWithBody()
    const response = await post(app, 'listingId=a&quantity=1', 'application/x-www-form-urlencoded')
    await expectEnvelope(response, 415, 'request.unsupported_media_type')
    expect(writes()).toBe(0)
  })

  it('refuses a body over 256 KB with 413 before reading it all', async () => {
    const { app, writes } = appWithBody()
    const response = await post(app, JSON.stringify({ listingId: 'x'.repeat(300 * 1024), quantity: 1 }))
    await expectEnvelope(response, 413, 'request.too_large')
    expect(writes()).toBe(0)
  })

  it('accepts a valid body', async () => {
    const { app } = appWithBody()
    const response = await post(app, JSON.stringify({ listingId: 'a', quantity: 2 }), 'application/json; charset=utf-8')
    expect(response.status).toBe(201)
  })

  it('answers an unexpected failure with a bare 500 that leaks nothing, and logs the stack', async () => {
    const { app, logs } = appWithBody()
    const response = await app.request('/api/boom')
    const body = await expectEnvelope(response, 500, 'internal')
    expect(JSON.stringify(body)).not.toContain('secret')
    expect(logs.find((line) => line.msg === 'unhandled error')?.stack).toContain('secret internals')
  })

  it('answers DynamoDB throttling with 503 and Retry-After', async () => {
    const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-local-1' }))
    const mock = mockClient(documentClient)
    mock.on(QueryCommand).rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }))
    const { deps } = fakeDeps({ categories: createCategoryRepository(documentClient, 'market') })
    const response = await createListingsApp(deps).request('/api/categories')
    await expectEnvelope(response, 503, 'service.unavailable')
    expect(response.headers.get('Retry-After')).toBe('1')
  })
})

describe('the request log', () => {
  it('writes one JSON line per request with route, status and timing', async () => {
    const { app, logs } = appWithBody()
    const response = await app.request('/api/things', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-123' },
      body: JSON.stringify({ listingId: 'a', quantity: 2 }),
    })
    expect(response.headers.get('X-Request-Id')).toBe('req-123')
    const requestLines = logs.filter((line) => line.msg === 'request')
    expect(requestLines).toEqual([
      expect.objectContaining({ requestId: 'req-123', method: 'POST', route: '/api/things', status: 201, dynamoCalls: 0 }),
    ])
    expect(requestLines[0]?.ms).toEqual(expect.any(Number))
  })
})
