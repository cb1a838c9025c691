import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { sessionCookieName } from '@market/api'
import type { Listing, MeResponse } from '@market/contracts'
import type { MailSender, Orders } from '@market/core'
import { ulid } from 'ulid'
import { freePort } from '../../functions/local/dynamodb-local.ts'
import { demoAccounts, seedDemoData } from '../../functions/local/seed.ts'
import { createLocalMarket } from '../../functions/local/server.ts'
import { createTestTable, testLocalMarketConfig, testPasswordCost } from './dynamo.ts'

/** A valid purchase request: 200 kg of hand-spun Gyantse wool, needed in 30 days, bids open 48 hours. */
export const woolRequestInput = () => ({
  title: '江孜羊毛 200 公斤',
  categoryId: 'wool',
  specs: '手纺，本色。',
  quantity: 200,
  unit: 'kg',
  neededBy: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10),
  bidDeadline: new Date(Date.now() + 48 * 3600 * 1000).toISOString(),
})

/** A valid listing: yak down blend in metres, two tiers, stock 600. */
export const listingInput = (overrides: Record<string, unknown> = {}) => ({
  title: { zh: '牦牛绒混纺面料', bo: 'འབྲི་ཁུ་ལུ་སྲེས་མ་ཞིབ་བཤེར།', en: 'Yak Down Blend Fabric' },
  description: { zh: '那曲牦牛绒与羊毛混纺。' },
  categoryId: 'yak-down',
  specs: { origin: '那曲', composition: '50% 牦牛绒 50% 羊毛' },
  unit: 'm',
  priceTiers: [
    { minQty: 5, unitPriceFen: 18800 },
    { minQty: 50, unitPriceFen: 16800 },
  ],
  moq: 5,
  stock: 600,
  leadTimeDays: 7,
  ...overrides,
})

export type Call = { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string> }
export type Answer<T = unknown> = { status: number; body: T; headers: Headers; cookie?: string }

/**
 * The whole market as `npm start` mounts it (every group's real app, on a fresh table of the
 * shared DynamoDB Local, with the demo accounts and, on request, the demo listings), called
 * in-process through `app.request`. Given a payment gateway (a fake Stripe's), the API's groups
 * take payments through it.
 */
export const startTestMarket = async (
  prefix: string,
  {
    demoListings = false,
    payments,
    mailer,
    mailAfterChange,
  }: {
    demoListings?: boolean
    payments?: Orders.PaymentGateway
    mailer?: (outbox: MailSender) => MailSender
    mailAfterChange?: boolean
  } = {},
) => {
  const { tableName, db } = await createTestTable(prefix)
  await seedDemoData(db, tableName, { listings: demoListings, passwordCost: testPasswordCost })
  const objectsDir = await mkdtemp(join(tmpdir(), 'market-objects-'))
  // The API reads uploaded photos back from the photo bucket over HTTP, as under `npm start`: the
  // market listens on a port of its own too, which the presigned photo URLs name.
  const port = await freePort()
  const app = createLocalMarket({
    url: `http://127.0.0.1:${port}`,
    webDir: '/nonexistent',
    config: testLocalMarketConfig(tableName, objectsDir),
    ...(payments ? { payments } : {}),
    ...(mailer ? { mailer } : {}),
    ...(mailAfterChange === false ? { mailAfterChange } : {}),
  })
  // Left to the end of the test run: it keeps no test process alive.
  serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }).unref()
  return { app, db, tableName, ...marketClient((path, init) => app.request(path, init)) }
}

export type TestMarket = Awaited<ReturnType<typeof startTestMarket>>

/**
 * A client of a market that `send` reaches (the app in-process, or a served market over HTTP),
 * with the steps tests take again and again: accounts, a verified supplier, a published listing.
 */
export const marketClient = (send: (path: string, init: RequestInit) => Response | Promise<Response>) => {
  const call = async <T = unknown>(
    path: string,
    { method = 'GET', body, cookie, headers = {} }: Call = {},
  ): Promise<Answer<T>> => {
    const response = await send(path, {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(cookie ? { Cookie: cookie } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    })
    const text = await response.text()
    const setCookie = response.headers.get('set-cookie') ?? ''
    const session = setCookie.match(new RegExp(`${sessionCookieName}=([^;]*)`))?.[1]
    return {
      status: response.status,
      // Most answers are JSON; the CSV export is not.
      body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text || undefined) as T,
      headers: response.headers,
      ...(session ? { cookie: `${sessionCookieName}=${session}` } : {}),
    }
  }

  const signIn = async (email: string, password: string) => {
    const answer = await call<MeResponse>('/api/auth/login', { method: 'POST', body: { email, password } })
    if (answer.status !== 200 || !answer.cookie) throw new Error(`sign-in of ${email} failed: ${answer.status}`)
    return { cookie: answer.cookie, user: answer.body }
  }

  const register = async (role: 'buyer' | 'supplier', name: string = role) => {
    const email = `${role}-${ulid().toLowerCase()}@test.example`
    const password = 'correct horse battery'
    const answer = await call<MeResponse>('/api/auth/register', {
      method: 'POST',
      body: { email, password, name, role, company: { name: `${name} 公司` } },
    })
    if (answer.status !== 201 || !answer.cookie)
      throw new Error(`registration failed: ${answer.status} ${JSON.stringify(answer.body)}`)
    return { cookie: answer.cookie, user: answer.body, email, password }
  }

  const signInAdmin = () => signIn(demoAccounts.admin.email, demoAccounts.admin.password)

  /** A supplier the administrator has verified, as the market requires before publishing. */
  const verifiedSupplier = async (name = '次仁') => {
    const supplier = await register('supplier', name)
    const admin = await signInAdmin()
    await call('/api/suppliers/me/verification', {
      method: 'POST',
      cookie: supplier.cookie,
      body: {
        licenseNumber: 'ABC123456',
        contactPhone: '13900000000',
        bankAccount: { holder: `${name} 公司`, bank: '中国农业银行拉萨城关支行', number: '6228 4801 2345 6789 012' },
      },
    })
    await call(`/api/admin/suppliers/${supplier.user.id}/verification`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { decision: 'approve' },
    })
    return supplier
  }

  const createListing = async (supplier: { cookie: string }, overrides: Record<string, unknown> = {}) => {
    const answer = await call<Listing>('/api/listings', {
      method: 'POST',
      cookie: supplier.cookie,
      body: listingInput(overrides),
    })
    if (answer.status !== 201) throw new Error(`listing refused: ${answer.status} ${JSON.stringify(answer.body)}`)
    return answer.body
  }

  /** A listing drafted, submitted and approved: on the market. */
  const publishListing = async (supplier: { cookie: string }, overrides: Record<string, unknown> = {}) => {
    const listing = await createListing(supplier, overrides)
    const admin = await signInAdmin()
    await call(`/api/listings/${listing.id}/submit`, { method: 'POST', cookie: supplier.cookie })
    const approved = await call<Listing>(`/api/admin/listings/${listing.id}/approve`, { method: 'POST', cookie: admin.cookie })
    if (approved.status !== 200) throw new Error(`approval refused: ${approved.status} ${JSON.stringify(approved.body)}`)
    return approved.body
  }

  return { call, signIn, register, signInAdmin, verifiedSupplier, createListing, publishListing }
}
