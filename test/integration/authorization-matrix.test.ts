import { beforeAll, describe, expect, it } from 'vitest'
import { authorizationMatrix, type Caller, callers, fillPath } from '../support/authorization-matrix.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'

let market: TestMarket
const sessions = new Map<Caller, () => Promise<string | undefined>>()
const cookies = new Map<Caller, string | undefined>()

beforeAll(async () => {
  market = await startTestMarket('authz')
  const buyer = await market.register('buyer')
  const supplier = await market.register('supplier')
  const suspended = await market.register('supplier')
  const admin = await market.signInAdmin()
  await market.call(`/api/admin/users/${suspended.user.id}/suspend`, {
    method: 'POST',
    cookie: admin.cookie,
    body: { reason: 'matrix' },
  })
  const signInAs = (account: { email: string; password: string }) => async () =>
    (await market.signIn(account.email, account.password)).cookie
  sessions.set('anonymous', async () => undefined)
  sessions.set('buyer', signInAs(buyer))
  sessions.set('supplier', signInAs(supplier))
  sessions.set('suspended', signInAs(suspended))
  sessions.set('admin', async () => (await market.signInAdmin()).cookie)
  for (const caller of callers) cookies.set(caller, await sessions.get(caller)?.())
})

describe('the authorization matrix', () => {
  it('has a row for every route in /api/openapi.json', async () => {
    const document = await market.call<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json')
    const documented = Object.entries(document.body.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    )
    const rows = new Set(authorizationMatrix.map((row) => `${row.method} ${row.path}`))
    expect(documented.filter((route) => !rows.has(route))).toEqual([])
    expect([...rows].filter((row) => !documented.includes(row))).toEqual([])
  })

  for (const row of authorizationMatrix) {
    it(`${row.method} ${row.path}: ${callers.map((caller) => `${caller} ${row.expect[caller]}`).join(', ')}`, async () => {
      const statuses: Partial<Record<Caller, number>> = {}
      for (const caller of callers) {
        const answer = await market.call(`${fillPath(row.path, row.params?.())}${row.query ? `?${row.query}` : ''}`, {
          method: row.method,
          cookie: cookies.get(caller),
          ...(row.body ? { body: row.body() } : {}),
        })
        statuses[caller] = answer.status
        if (answer.status >= 400) expect(answer.body, `${caller}: error envelope`).toHaveProperty('error.code')
        if (row.endsSession) cookies.set(caller, await sessions.get(caller)?.())
      }
      expect(statuses).toEqual(row.expect)
    })
  }
})
