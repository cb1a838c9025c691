import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import type { Bid, Order, Rfq } from '@market/contracts'
import fc from 'fast-check'
import { ulid } from 'ulid'
import { describe, expect, it } from 'vitest'
import {
  encodeComponent,
  hostileBodyTexts,
  hostileContentTypes,
  hostileIds,
  hostileQueries,
  hostileStrings,
  hostileValue,
  mutate,
  mutation,
  toJsonText,
} from '../support/hostile.ts'
import { startTestMarket, woolRequestInput } from '../support/market.ts'
import { arbitraryOf, type JsonSchema, type SchemaContext } from '../support/schema-arbitrary.ts'

/**
 * "Bad input of any shape gets a 4xx JSON error and writes nothing", tried by fast-check against
 * every operation `/api/openapi.json` lists, as every kind of caller: bodies drawn from the
 * operation's own schema (some valid, some with one field broken) and hostile ones, hostile ids,
 * query strings, content types and headers. No answer may be a 5xx, every refusal is the error
 * envelope, and after a refusal the table holds what it held before — except the bookkeeping a
 * refusal is documented to leave (SECURITY.md): the failed sign-in counter, and the recorded
 * answer of a request sent with an Idempotency-Key.
 *
 * FUZZ_CASES sets the cases per operation (200, as CI runs it); FUZZ_SEED replays a failure with
 * the seed fast-check prints.
 */
const casesPerOperation = Number(process.env.FUZZ_CASES ?? 200)
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)

const bookkeeping = (pk: string) => pk.startsWith('LOGIN#') || pk.startsWith('IDEMPOTENCY#')

type Operation = {
  method: string
  path: string
  parameters?: { name: string; in: 'path' | 'query'; required?: boolean; schema: JsonSchema }[]
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } }
}
type Document = {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>
  components: { schemas: Record<string, JsonSchema> }
}

const callerKinds = ['anonymous', 'forged', 'buyer', 'supplier', 'suspended', 'admin'] as const
type CallerKind = (typeof callerKinds)[number]

const cookies = new Map<CallerKind, string | undefined>()
/** How each caller kind gets a session again when a case ended it (sign-out ends the session server-side). */
const signIns = new Map<CallerKind, () => Promise<string | undefined>>()

const inDays = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000).toISOString().slice(0, 10)

/**
 * The market with one of everything (a listing, a request with a bid, an order), a caller of each
 * kind, and bystanders: the accounts whose ids and e-mail addresses the cases use, so that a case
 * that suspends a user or locks a sign-in does not change who the callers are.
 */
const setUp = async () => {
  // No e-mail run after each change: its writes would land in the snapshots of refused requests.
  const market = await startTestMarket('hostile', { mailAfterChange: false })
  const buyer = await market.register('buyer')
  const supplier = await market.verifiedSupplier()
  const suspended = await market.verifiedSupplier('暂停')
  const bystanders = [await market.register('buyer', '旁观者'), await market.verifiedSupplier('旁观者')]
  const admin = await market.signInAdmin()
  await market.call(`/api/admin/users/${suspended.user.id}/suspend`, {
    method: 'POST',
    cookie: admin.cookie,
    body: { reason: 'fuzz' },
  })
  const listing = await market.publishListing(supplier, { categoryId: 'wool' })
  const rfq = await market.call<Rfq>('/api/rfqs', {
    method: 'POST',
    cookie: buyer.cookie,
    body: woolRequestInput(),
  })
  const bid = await market.call<Bid>(`/api/rfqs/${rfq.body.id}/bids`, {
    method: 'POST',
    cookie: supplier.cookie,
    body: { unitPriceFen: 6000, quantity: 200, leadTimeDays: 10, validUntil: inDays(20) },
  })
  const order = await market.call<Order>('/api/orders', {
    method: 'POST',
    cookie: buyer.cookie,
    body: { listingId: listing.id, quantity: 5, delivery: { method: 'pickup' } },
  })
  expect([rfq.status, bid.status, order.status]).toEqual([201, 201, 201])
  const signInAs = (account: { email: string; password: string }) => async () =>
    (await market.signIn(account.email, account.password)).cookie
  signIns.set('anonymous', async () => undefined)
  // A session cookie of the right name that the market never issued.
  signIns.set('forged', async () => `${buyer.cookie.split('=')[0]}=eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.`)
  signIns.set('buyer', signInAs(buyer))
  signIns.set('supplier', signInAs(supplier))
  signIns.set('suspended', signInAs(suspended))
  signIns.set('admin', async () => (await market.signInAdmin()).cookie)
  for (const kind of callerKinds) cookies.set(kind, await signIns.get(kind)?.())
  const realIds = [listing.id, rfq.body.id, bid.body.id, order.body.id, ...bystanders.map((bystander) => bystander.user.id)]
  const document = (await market.call<Document>('/api/openapi.json')).body
  return { market, document, realIds, realEmails: bystanders.map((bystander) => bystander.email) }
}

// Set up while the file is collected: the operations of the live document become the tests.
const { market, document, realIds, realEmails } = await setUp()

/** Every item of the table, by key, as text: what "the table unchanged" compares. */
const snapshot = async () => {
  const items = new Map<string, string>()
  let start: Record<string, unknown> | undefined
  do {
    const page = await market.db.send(new ScanCommand({ TableName: market.tableName, ExclusiveStartKey: start }))
    for (const item of page.Items ?? []) items.set(`${item.pk}\u0000${item.sk}`, JSON.stringify(item))
    start = page.LastEvaluatedKey
  } while (start)
  return items
}

/** Keys added, changed or removed between two snapshots, bookkeeping aside. */
const changedKeys = (before: Map<string, string>, after: Map<string, string>) =>
  [...new Set([...before.keys(), ...after.keys()])].filter(
    (key) => before.get(key) !== after.get(key) && !bookkeeping(key.split('\u0000')[0] as string),
  )

type Case = {
  caller: CallerKind
  path: string
  query: string
  body?: string | Uint8Array<ArrayBuffer>
  contentType?: string
  headers: Record<string, string>
}

/** Ids for a `{param}`: real ones of every kind, hostile ones encoded, and some sent raw. */
const pathValue = () =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...realIds, ulid()), weight: 3 },
    { arbitrary: fc.constantFrom(...hostileIds).map(encodeComponent), weight: 3 },
    { arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AE', '%ED%A0%80', '..', 'a;b', "'"), weight: 1 },
  )

const queryOf = (parameters: Operation['parameters'], context: SchemaContext) => {
  const inQuery = (parameters ?? []).filter((parameter) => parameter.in === 'query')
  const valid = arbitraryOf(
    {
      type: 'object',
      properties: Object.fromEntries(inQuery.map((parameter) => [parameter.name, parameter.schema])),
      required: inQuery.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    },
    context,
  ).map((values) =>
    Object.entries(values as Record<string, unknown>)
      .map(([name, value]) => `${name}=${encodeComponent(String(value))}`)
      .join('&'),
  )
  const names = inQuery.map((parameter) => parameter.name)
  const hostileParameter =
    names.length === 0
      ? fc.constant('')
      : fc
          .tuple(
            fc.constantFrom(...names),
            fc.oneof(fc.constantFrom(...hostileStrings.slice(0, 40)), fc.base64String({ maxLength: 200 })),
          )
          .map(([name, value]) => `${name}=${encodeComponent(value)}`)
  return fc.oneof(
    { arbitrary: valid, weight: 3 },
    { arbitrary: hostileParameter, weight: 2 },
    { arbitrary: fc.constantFrom(...hostileQueries), weight: 2 },
    { arbitrary: fc.tuple(valid, fc.constantFrom(...hostileQueries)).map(([ok, bad]) => `${ok}&${bad}`), weight: 1 },
  )
}

const bodyOf = (
  schema: JsonSchema | undefined,
  context: SchemaContext,
): fc.Arbitrary<string | Uint8Array<ArrayBuffer> | undefined> => {
  const hostile = fc.oneof(
    { arbitrary: hostileValue.map(toJsonText), weight: 2 },
    { arbitrary: fc.constantFrom(...hostileBodyTexts), weight: 2 },
  )
  if (!schema) return fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: hostile, weight: 1 })
  const valid = arbitraryOf(schema, context)
  return fc.oneof(
    { arbitrary: valid.map(toJsonText), weight: 3 },
    { arbitrary: fc.tuple(valid, mutation).map(([body, change]) => toJsonText(mutate(body, change))), weight: 4 },
    { arbitrary: hostile, weight: 2 },
  )
}

/** Header values a client may send (a Request refuses control characters and non-Latin-1). */
const headerText = fc.constantFrom(
  ...hostileStrings.filter((text) => /^[\x20-\x7e]*$/.test(text) && text.length < 20_000),
  'x'.repeat(300),
)

const casesOf = (method: string, path: string, operation: Omit<Operation, 'method' | 'path'>): fc.Arbitrary<Case> => {
  const context: SchemaContext = {
    refs: document.components.schemas,
    overrides: {
      listingId: fc.constantFrom(...realIds),
      rfqId: fc.constantFrom(...realIds),
      bidId: fc.constantFrom(...realIds),
      orderId: fc.constantFrom(...realIds),
      orderIds: fc.constantFrom(...realIds),
      invitedSupplierIds: fc.constantFrom(...realIds),
      supplierId: fc.constantFrom(...realIds),
      email: fc.constantFrom(...realEmails),
    },
  }
  const names = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name as string)
  const body =
    method === 'GET' ? fc.constant(undefined) : bodyOf(operation.requestBody?.content['application/json'].schema, context)
  return fc.record({
    caller: fc.constantFrom(...callerKinds),
    path: fc
      .array(pathValue(), { minLength: names.length, maxLength: names.length })
      .map((values) => names.reduce((filled, name, index) => filled.replace(`{${name}}`, values[index] as string), path)),
    query: queryOf(operation.parameters, context),
    body,
    contentType: fc.oneof(
      { arbitrary: fc.constant('application/json'), weight: 6 },
      { arbitrary: fc.constantFrom(...hostileContentTypes), weight: 1 },
    ),
    headers: fc.oneof(
      { arbitrary: fc.constant({}), weight: 4 },
      {
        arbitrary: fc.record(
          {
            'Idempotency-Key': headerText,
            Origin: fc.constantFrom('null', 'http://evil.example', 'http://localhost', 'file://', '%'),
            'Accept-Language': fc.constantFrom('bo', 'zh-CN', 'en', '*', 'xx-YY;q=abc'),
            'X-Forwarded-For': headerText,
          },
          { requiredKeys: [] },
        ) as fc.Arbitrary<Record<string, string>>,
        weight: 1,
      },
    ),
  })
}

const send = ({ caller, path, query, body, contentType, headers }: Case, method: string) => {
  const cookie = cookies.get(caller)
  return market.app.request(`${path}${query ? `?${query}` : ''}`, {
    method,
    headers: {
      ...(body !== undefined && contentType !== undefined ? { 'Content-Type': contentType } : {}),
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body } : {}),
  })
}

describe('hostile input against every operation in /api/openapi.json', () => {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  )

  it('finds the operations to try', () => {
    expect(operations.length).toBeGreaterThan(40)
  })

  // 200 cases take seconds on an idle machine; a loaded CI machine signing in again after each
  // sign-out (scrypt) may take minutes, and a hung case still ends.
  const bound = { timeout: 900_000 }
  for (const { method, path, operation } of operations) {
    it(`${method} ${path}: ${casesPerOperation} cases, no 5xx, refusals in the envelope and writing nothing`, bound, async () => {
      let before = await snapshot()
      await fc.assert(
        fc.asyncProperty(casesOf(method, path, operation), async (attempt) => {
          const response = await send(attempt, method)
          const text = await response.text()
          const where = `${method} ${attempt.path}?${attempt.query.slice(0, 200)} as ${attempt.caller}`
          expect(response.status, `${where}: ${text.slice(0, 300)}`).toBeLessThan(500)
          const after = await snapshot()
          if (response.status >= 400) {
            expect(response.headers.get('content-type'), where).toContain('application/json')
            const envelope = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }
            expect(typeof envelope.error?.code, `${where}: ${text.slice(0, 300)}`).toBe('string')
            expect(typeof envelope.error?.message, where).toBe('string')
            expect(changedKeys(before, after), `${where} answered ${response.status} and wrote`).toEqual([])
          }
          before = after
          if (response.headers.get('set-cookie')) {
            cookies.set(attempt.caller, await signIns.get(attempt.caller)?.())
            before = await snapshot()
          }
        }),
        { numRuns: casesPerOperation, endOnFailure: true, ...(seed === undefined ? {} : { seed }) },
      )
    })
  }
})
