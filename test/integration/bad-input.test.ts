import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import { startTestMarket, type TestMarket } from '../support/market.ts'

/**
 * "Bad input of any shape gets a 4xx JSON error and writes nothing": every route that takes a
 * body, as every kind of caller, with bodies of the wrong shape. Nothing may answer 5xx, every
 * answer is the error envelope, and the table holds exactly what it held before.
 */
const badBodies: (string | unknown)[] = [
  '',
  '{',
  '[]',
  '"text"',
  '42',
  'null',
  'true',
  {},
  { '': '' },
  { quantity: 1e308 * 10 },
  { quantity: -1, unitPriceFen: 0.5, listingId: '../../etc/passwd' },
  { title: { zh: 'x'.repeat(10_000) } },
  { awards: [{ bidId: null, quantity: 'many' }] },
  { email: { $ne: '' }, password: ['a'] },
  { __proto__: { admin: true }, constructor: { prototype: {} } },
  JSON.parse('{"a":'.repeat(200) + '1' + '}'.repeat(200)),
  { ids: Array.from({ length: 1000 }, (_, i) => i) },
  { delivery: { method: 'teleport' } },
]

const countItems = async (market: TestMarket) => {
  let count = 0
  let start: Record<string, unknown> | undefined
  do {
    const page = await market.db.send(new ScanCommand({ TableName: market.tableName, Select: 'COUNT', ExclusiveStartKey: start }))
    count += page.Count ?? 0
    start = page.LastEvaluatedKey
  } while (start)
  return count
}

let market: TestMarket
let routes: { method: string; path: string }[]
let callers: { name: string; cookie?: string }[]

beforeAll(async () => {
  market = await startTestMarket('bad-input')
  const buyer = await market.register('buyer')
  const supplier = await market.verifiedSupplier()
  const admin = await market.signInAdmin()
  callers = [{ name: 'anonymous' }, { name: 'buyer', ...buyer }, { name: 'supplier', ...supplier }, { name: 'admin', ...admin }]
  const document = await market.call<{ paths: Record<string, Record<string, { requestBody?: unknown }>> }>('/api/openapi.json')
  routes = Object.entries(document.body.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => operation.requestBody)
      .map(([method]) => ({ method: method.toUpperCase(), path: path.replace(/\{id\}/g, '01JZZZZZZZZZZZZZZZZZZZZZZZ') })),
  )
})

describe('bad input of any shape', () => {
  it('gets a 4xx JSON error from every route that takes a body, and writes nothing', async () => {
    expect(routes.length).toBeGreaterThan(20)
    const before = await countItems(market)
    const failures: string[] = []
    for (const route of routes) {
      for (const caller of callers) {
        for (const body of badBodies) {
          const answer = await market.call<{ error?: { code: string } }>(route.path, {
            method: route.method,
            ...(caller.cookie ? { cookie: caller.cookie } : {}),
            body: typeof body === 'string' ? body : JSON.stringify(body),
          })
          if (answer.status < 400 || answer.status >= 500 || !answer.body?.error?.code) {
            failures.push(`${caller.name} ${route.method} ${route.path} ${JSON.stringify(body).slice(0, 40)} → ${answer.status}`)
          }
        }
      }
    }
    expect(failures).toEqual([])
    expect(await countItems(market)).toBe(before)
  }, 120_000)
})
