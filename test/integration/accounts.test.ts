import { createAccountsApp } from '@market/api'
import type { AuditEntry, MeResponse, User } from '@market/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'

let market: TestMarket

beforeAll(async () => {
  market = await startTestMarket('accounts')
})

describe('registration and sessions', () => {
  it('registers, shows the user on /api/me, signs out (401) and back in (200)', async () => {
    const { cookie, email, password, user } = await market.register('buyer', '拉姆')
    expect(user).toMatchObject({ email, name: '拉姆', role: 'buyer', status: 'active', company: { name: '拉姆 公司' } })
    expect(JSON.stringify(user)).not.toMatch(/passwordHash|scrypt/)

    const me = await market.call<MeResponse>('/api/me', { cookie })
    expect(me.status).toBe(200)
    expect(me.body.id).toBe(user.id)

    const logout = await market.call('/api/auth/logout', { method: 'POST', cookie })
    expect(logout.status).toBe(204)
    expect(logout.headers.get('set-cookie')).toMatch(/market_session=;/)
    // The old token is refused too: signing out ends the session on the server, not just in the browser.
    expect((await market.call('/api/me', { cookie })).status).toBe(401)

    const again = await market.signIn(email.toUpperCase(), password)
    expect((await market.call('/api/me', { cookie: again.cookie })).status).toBe(200)
  })

  it('sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const answer = await market.call('/api/auth/register', {
      method: 'POST',
      body: {
        email: `cookie-${Date.now()}@test.example`,
        password: '0123456789',
        name: 'C',
        role: 'buyer',
        company: { name: 'C' },
      },
    })
    const setCookie = answer.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    expect(setCookie).toMatch(/Path=\//)
  })

  it('gives exactly one of 20 concurrent registrations of one email a 201, the rest 409', async () => {
    const email = `race-${Date.now()}@test.example`
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        market.call('/api/auth/register', {
          method: 'POST',
          body: {
            email: index % 2 ? email : email.toUpperCase(),
            password: '0123456789',
            name: `R${index}`,
            role: 'supplier',
            company: { name: 'R' },
          },
        }),
      ),
    )
    const statuses = answers.map((answer) => answer.status).sort()
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(19)
    const admin = await market.signInAdmin()
    const users = await market.call<{ items: User[] }>('/api/admin/users?role=supplier&limit=100', { cookie: admin.cookie })
    expect(users.body.items.filter((user) => user.email === email)).toHaveLength(1)
  })

  it.each([
    ['a short password', { password: 'short' }, 'password'],
    ['a bad email', { email: 'not-an-email' }, 'email'],
    ['an admin role', { role: 'admin' }, 'role'],
    ['no company', { company: undefined }, 'company'],
    ['an unknown field', { isAdmin: true }, ''],
  ])('refuses %s with 400 naming the field', async (_name, change, field) => {
    const body = {
      email: `v-${Date.now()}@test.example`,
      password: '0123456789',
      name: 'V',
      role: 'buyer',
      company: { name: 'V' },
      ...change,
    }
    const answer = await market.call<{ error: { code: string; details: { path: string[] }[] } }>('/api/auth/register', {
      method: 'POST',
      body,
    })
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('request.invalid')
    if (field) expect(answer.body.error.details.map((issue) => issue.path[0])).toContain(field)
    expect(answer.cookie).toBeUndefined()
  })

  it('ignores a forged or garbage session cookie', async () => {
    for (const cookie of ['market_session=garbage', 'market_session=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.']) {
      expect((await market.call('/api/me', { cookie })).status).toBe(401)
    }
  })
})

describe('sign-in throttling', () => {
  it('refuses the sixth wrong password with 429 and Retry-After, then even the right one until the window passes', async () => {
    const { email, password } = await market.register('buyer')
    let now = new Date('2026-12-01T08:00:00Z')
    const deps = { ...buildDeps(testMarketConfig(market.tableName), () => {}), clock: { now: () => now } }
    const app = createAccountsApp(deps)
    const login = (pw: string) =>
      app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: pw }),
      })

    for (let attempt = 1; attempt <= 5; attempt++) expect((await login('wrong password')).status).toBe(401)
    const sixth = await login('wrong password')
    expect(sixth.status).toBe(429)
    // The window opened with the first attempt at 08:00: try again at 08:15.
    expect(Number(sixth.headers.get('Retry-After'))).toBe(15 * 60)
    expect(((await sixth.json()) as { error: { code: string } }).error.code).toBe('auth.too_many_attempts')

    now = new Date('2026-12-01T08:14:00Z')
    expect((await login(password)).status).toBe(429)
    now = new Date('2026-12-01T08:15:01Z')
    expect((await login(password)).status).toBe(200)
  })

  it('answers an unknown email exactly like a wrong password, and locks it the same way', async () => {
    const email = `nobody-${Date.now()}@test.example`
    const answers = []
    for (let attempt = 1; attempt <= 6; attempt++) {
      answers.push(
        await market.call<{ error: { code: string } }>('/api/auth/login', {
          method: 'POST',
          body: { email, password: 'whatever12' },
        }),
      )
    }
    expect(answers.slice(0, 5).map((answer) => answer.body.error.code)).toEqual(Array(5).fill('auth.invalid_credentials'))
    expect(answers[5]?.status).toBe(429)
  })

  it('checks at most five passwords of a parallel burst, however its requests arrive', async () => {
    const { email, password } = await market.register('buyer')
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        market.call('/api/auth/login', {
          method: 'POST',
          body: { email, password: index === 20 ? password : `wrong guess ${index}` },
        }),
      ),
    )
    const statuses = answers.map((answer) => answer.status)
    // Each 401 or 200 is a password that was checked; a 429 was refused before its password was
    // looked at. The requests race, so the right password may be among the five checked, or not.
    expect(statuses.filter((status) => status === 401 || status === 200).length).toBeLessThanOrEqual(5)
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(25)
    expect(
      answers.filter((answer) => answer.status === 429).every((answer) => Number(answer.headers.get('Retry-After')) > 0),
    ).toBe(true)
  })
})

describe('cross-site requests', () => {
  it('refuses a state-changing request whose Origin is another site', async () => {
    const body = {
      email: `csrf-${Date.now()}@test.example`,
      password: '0123456789',
      name: 'X',
      role: 'buyer',
      company: { name: 'X' },
    }
    const answer = await market.call<{ error: { code: string } }>('/api/auth/register', {
      method: 'POST',
      body,
      headers: { Origin: 'https://evil.example' },
    })
    expect(answer.status).toBe(403)
    expect(answer.body.error.code).toBe('request.cross_site')
    // Nothing was written: the same email can still register from our own origin.
    expect(
      (await market.call('/api/auth/register', { method: 'POST', body, headers: { Origin: 'http://localhost' } })).status,
    ).toBe(201)
  })

  it('refuses a form post from another site that a browser marks cross-site', async () => {
    const answer = await market.call('/api/auth/logout', { method: 'POST', headers: { 'Sec-Fetch-Site': 'cross-site' } })
    expect(answer.status).toBe(403)
  })
})

describe('supplier verification and suspension', () => {
  it('takes a supplier from unverified to pending to verified, with an audit entry for the decision', async () => {
    const supplier = await market.register('supplier', '次仁')
    expect(supplier.user.verification).toBe('unverified')
    const request = { licenseNumber: '91540100MA6T12345X', stall: '冲赛康 B-3', contactPhone: '13908901234' }
    const submitted = await market.call<MeResponse>('/api/suppliers/me/verification', {
      method: 'POST',
      cookie: supplier.cookie,
      body: request,
    })
    expect(submitted.status).toBe(200)
    expect(submitted.body.verification).toBe('pending')

    const admin = await market.signInAdmin()
    const pending = await market.call<{ items: { supplier: User }[] }>('/api/admin/verifications', { cookie: admin.cookie })
    expect(pending.body.items.map((item) => item.supplier.id)).toContain(supplier.user.id)

    const decided = await market.call<User>(`/api/admin/suppliers/${supplier.user.id}/verification`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { decision: 'approve' },
    })
    expect(decided.status).toBe(200)
    expect(decided.body.verification).toBe('verified')
    expect((await market.call<MeResponse>('/api/me', { cookie: supplier.cookie })).body.verification).toBe('verified')
    const told = await market.call<{ items: { type: string }[] }>('/api/notifications', { cookie: supplier.cookie })
    expect(told.body.items.map((item) => item.type)).toEqual(['verification.approved'])

    const stillPending = await market.call<{ items: { supplier: User }[] }>('/api/admin/verifications', { cookie: admin.cookie })
    expect(stillPending.body.items.map((item) => item.supplier.id)).not.toContain(supplier.user.id)
    const again = await market.call(`/api/admin/suppliers/${supplier.user.id}/verification`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { decision: 'reject', reason: 'late' },
    })
    expect(again.status).toBe(409)

    const audit = await market.call<{ items: AuditEntry[] }>('/api/admin/audit?limit=50', { cookie: admin.cookie })
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'supplier.verification.approve', actorId: admin.user.id, targetId: supplier.user.id }),
    )
  })

  it('needs a reason to reject, and shows the supplier why', async () => {
    const supplier = await market.register('supplier')
    await market.call('/api/suppliers/me/verification', {
      method: 'POST',
      cookie: supplier.cookie,
      body: { licenseNumber: 'ABC123456', contactPhone: '13900000000' },
    })
    const admin = await market.signInAdmin()
    const path = `/api/admin/suppliers/${supplier.user.id}/verification`
    expect((await market.call(path, { method: 'POST', cookie: admin.cookie, body: { decision: 'reject' } })).status).toBe(400)
    const rejected = await market.call<User>(path, {
      method: 'POST',
      cookie: admin.cookie,
      body: { decision: 'reject', reason: '营业执照号码与名称不符' },
    })
    expect(rejected.body.verification).toBe('rejected')
    const me = await market.call<MeResponse>('/api/me', { cookie: supplier.cookie })
    expect(me.body.verificationDetails).toMatchObject({ status: 'rejected', reason: '营业执照号码与名称不符' })
    // A rejected supplier may correct the request and ask again.
    const resubmitted = await market.call<MeResponse>('/api/suppliers/me/verification', {
      method: 'POST',
      cookie: supplier.cookie,
      body: { licenseNumber: 'ABC1234567', contactPhone: '13900000000' },
    })
    expect(resubmitted.body.verification).toBe('pending')
  })

  it('refuses a suspended user’s writes at once, still lets them read, and reinstating restores them', async () => {
    const supplier = await market.register('supplier')
    const admin = await market.signInAdmin()
    const verify = () =>
      market.call<{ error: { code: string } }>('/api/suppliers/me/verification', {
        method: 'POST',
        cookie: supplier.cookie,
        body: { licenseNumber: 'ABC123456', contactPhone: '13900000000' },
      })

    const suspended = await market.call<User>(`/api/admin/users/${supplier.user.id}/suspend`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { reason: '冒用他人执照' },
    })
    expect(suspended.body.status).toBe('suspended')
    const refused = await verify()
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('account.suspended')
    expect((await market.call<MeResponse>('/api/me', { cookie: supplier.cookie })).body.status).toBe('suspended')

    expect(
      (
        await market.call(`/api/admin/users/${supplier.user.id}/suspend`, {
          method: 'POST',
          cookie: admin.cookie,
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(409)
    expect(
      (await market.call(`/api/admin/users/${supplier.user.id}/suspend`, { method: 'POST', cookie: admin.cookie, body: {} }))
        .status,
    ).toBe(400)

    const reinstated = await market.call<User>(`/api/admin/users/${supplier.user.id}/reinstate`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { reason: '已核实' },
    })
    expect(reinstated.body.status).toBe('active')
    expect((await verify()).status).toBe(200)

    const audit = await market.call<{ items: AuditEntry[] }>('/api/admin/audit?limit=50', { cookie: admin.cookie })
    const actions = audit.body.items.filter((entry) => entry.targetId === supplier.user.id).map((entry) => entry.action)
    expect(actions).toEqual(['user.reinstate', 'user.suspend'])
  })

  it('does not let an administrator suspend themselves', async () => {
    const admin = await market.signInAdmin()
    const answer = await market.call(`/api/admin/users/${admin.user.id}/suspend`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { reason: 'x' },
    })
    expect(answer.status).toBe(422)
  })

  it('pages through users with a signed cursor and refuses a tampered one', async () => {
    const admin = await market.signInAdmin()
    const first = await market.call<{ items: User[]; nextCursor: string }>('/api/admin/users?limit=2', { cookie: admin.cookie })
    expect(first.body.items).toHaveLength(2)
    const second = await market.call<{ items: User[] }>(`/api/admin/users?limit=2&cursor=${first.body.nextCursor}`, {
      cookie: admin.cookie,
    })
    expect(second.status).toBe(200)
    expect(second.body.items[0]?.id).not.toBe(first.body.items[0]?.id)
    const [payload] = first.body.nextCursor.split('.')
    const forged = `${payload}.AAAAAAAAAAAAAAAAAAAAAA`
    expect((await market.call(`/api/admin/users?cursor=${forged}`, { cookie: admin.cookie })).status).toBe(400)
  })
})
