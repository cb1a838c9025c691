import { describe, expect, it } from 'vitest'
import { largestInputs } from '../../bench/bundles.ts'
import {
  benchSectionEnd,
  benchSectionStart,
  dynamoCostsByRoute,
  markdownTable,
  median,
  replaceBenchSection,
  requestsLogged,
} from '../../bench/report.ts'
import { withEngineRatios } from '../../bench/results-table.ts'
import { itemsReadBy } from '../../packages/data/src/instrument.ts'

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ level: 'info', msg: 'request', method: 'GET', status: 200, ...fields })

describe('the bench’s per-request DynamoDB costs', () => {
  it('averages calls and items read per route from the request log, ignoring other output and failed requests', () => {
    const log = [
      'listening http://127.0.0.1:3000',
      line({ route: '/api/listings/:id', dynamoCalls: 1, dynamoItemsRead: 2 }),
      line({ route: '/api/listings/:id', dynamoCalls: 3, dynamoItemsRead: 4 }),
      line({ route: '/api/listings/:id', dynamoCalls: 9, dynamoItemsRead: 9, status: 500 }),
      line({ route: '/api/orders', method: 'POST', dynamoCalls: 3, dynamoItemsRead: 3, status: 201 }),
      '{"half a line',
      '',
    ].join('\n')
    const costs = dynamoCostsByRoute(log)
    expect(costs.get('GET /api/listings/:id')).toEqual({
      requests: 2,
      dynamoCallsPerRequest: 2,
      maxDynamoCalls: 3,
      itemsReadPerRequest: 3,
      maxItemsRead: 4,
    })
    expect(costs.get('POST /api/orders')?.requests).toBe(1)
    expect(dynamoCostsByRoute(log, new Set(['POST /api/orders'])).has('GET /api/listings/:id')).toBe(false)
  })

  it('counts the requests of a route the log holds, failed ones too, so the bench knows when it has them all', () => {
    const log = [
      line({ route: '/api/search', dynamoCalls: 2 }),
      line({ route: '/api/search', dynamoCalls: 0, status: 500 }),
      line({ route: '/api/search', method: 'POST', dynamoCalls: 1 }),
      line({ route: '/api/listings/:id', dynamoCalls: 1 }),
      '{"level":"info","msg":"request","route":"/api/se',
    ].join('\n')
    expect(requestsLogged(log, 'GET /api/search')).toBe(2)
    expect(requestsLogged(log, 'POST /api/search')).toBe(1)
    expect(requestsLogged('listening http://127.0.0.1:3000\n', 'GET /api/search')).toBe(0)
  })

  it('counts the items each kind of DynamoDB answer read', () => {
    expect(itemsReadBy({ Item: { pk: 'a' } })).toBe(1)
    expect(itemsReadBy({})).toBe(0)
    expect(itemsReadBy({ Items: [{}], Count: 1, ScannedCount: 5 })).toBe(5)
    expect(itemsReadBy({ Responses: { market: [{}, {}, {}] } })).toBe(3)
    expect(itemsReadBy({ Responses: [{ Item: {} }, {}] })).toBe(1)
  })
})

describe('the bench’s figures and tables', () => {
  it('takes medians and the share of the engine ceiling per engine request', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    const result = {
      name: 'listing detail',
      route: 'GET /api/listings/:id',
      listings: 1000,
      requestsPerSecond: 300,
      p50Ms: 40,
      p99Ms: 90,
      requests: 900,
      errors: 0,
      dynamo: { requests: 900, dynamoCallsPerRequest: 2, maxDynamoCalls: 2, itemsReadPerRequest: 2, maxItemsRead: 2 },
      engineKind: 'GetItem' as const,
    }
    const engine = [{ kind: 'GetItem' as const, opsPerSecond: 1000, errors: 0, description: '' }]
    expect(withEngineRatios(result, engine)).toMatchObject({ apiOverEngine: 0.3, shareOfEngineCeiling: 0.6 })
    expect(withEngineRatios({ ...result, engineKind: null }, engine)).toMatchObject({ apiOverEngine: null })
  })

  it('prints a markdown table with numbers right-aligned', () => {
    expect(
      markdownTable(
        ['endpoint', 'req/s'],
        [
          ['browse', 250],
          ['detail', 1200],
        ],
      ),
    ).toBe(['| endpoint | req/s |', '| -------- | ----: |', '| browse   |   250 |', '| detail   |  1200 |'].join('\n'))
  })

  it('replaces only the README’s bench section, and refuses a README without one', () => {
    const readme = `# Market\n\n${benchSectionStart}\nold table\n${benchSectionEnd}\n\n## Deploy\n`
    const updated = replaceBenchSection(readme, '| new | table |')
    expect(updated).toBe(`# Market\n\n${benchSectionStart}\n| new | table |\n${benchSectionEnd}\n\n## Deploy\n`)
    expect(replaceBenchSection(updated, 'again')).toContain(`${benchSectionStart}\nagain\n${benchSectionEnd}`)
    expect(() => replaceBenchSection('# Market\n', 'x')).toThrow(/no bench section/)
  })

  it('groups a bundle’s inputs by package, largest first', () => {
    const metafile = {
      inputs: {},
      outputs: {
        'out/index.mjs': {
          bytes: 0,
          imports: [],
          exports: [],
          inputs: {
            'node_modules/@aws-sdk/client-dynamodb/dist-es/a.js': { bytesInOutput: 300 },
            'node_modules/@aws-sdk/client-dynamodb/dist-es/b.js': { bytesInOutput: 200 },
            'node_modules/zod/v4/core.js': { bytesInOutput: 400 },
            'packages/core/src/listings/listings.ts': { bytesInOutput: 100 },
          },
        },
      },
    }
    expect(largestInputs(metafile, 2)).toEqual([
      { input: '@aws-sdk/client-dynamodb', bytes: 500 },
      { input: 'zod', bytes: 400 },
    ])
  })
})
