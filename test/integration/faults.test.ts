import {
  type AttributeValue,
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  paginateScan,
  ThrottlingException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb'
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import type { Bid, Rfq } from '@market/contracts'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDynamo } from '../support/dynamo.ts'
import { startFakeStripe } from '../support/fake-stripe.ts'
import { type Answer, startTestMarket, type TestMarket, woolRequestInput } from '../support/market.ts'
import { lhasaToday, orderCalls } from '../support/orders.ts'

/**
 * Every DynamoDB call the apps make goes through DynamoDBDocumentClient#send: the mock passes each
 * one to the real client (DynamoDB Local) except the one a test picks, which fails as DynamoDB or
 * the SDK would. Whatever step of a flow fails, the caller gets 503 with Retry-After (409 where a
 * condition failed: a real conflict), and the table is exactly as it was.
 */
const realSend = DynamoDBDocumentClient.prototype.send as (this: unknown, command: unknown) => Promise<unknown>
const documentClient = mockClient(DynamoDBDocumentClient)
const commands: (new (input: never) => object)[] = [
  GetCommand,
  PutCommand,
  UpdateCommand,
  DeleteCommand,
  QueryCommand,
  ScanCommand,
  BatchGetCommand,
  BatchWriteCommand,
  TransactGetCommand,
  TransactWriteCommand,
]

type Fault = {
  name: string
  status: 409 | 503
  /** Only where the failing call is a transaction. */
  transactionOnly?: true
  error: (input: { TransactItems?: unknown[] }) => Error
}

const metadata = { $metadata: {} }
/** DynamoDB names each item's reason; `code` is the first item's. */
const cancelledBy = (code: string) => (input: { TransactItems?: unknown[] }) =>
  new TransactionCanceledException({
    ...metadata,
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${code}]`,
    CancellationReasons: (input.TransactItems ?? [undefined]).map((_, index) => ({ Code: index === 0 ? code : 'None' })),
  })

const throttled: Fault = {
  name: 'ThrottlingException',
  status: 503,
  error: () => new ThrottlingException({ ...metadata, message: 'Rate exceeded' }),
}
const faults: Fault[] = [
  {
    name: 'ProvisionedThroughputExceededException',
    status: 503,
    error: () => new ProvisionedThroughputExceededException({ ...metadata, message: 'Throughput exceeded' }),
  },
  {
    name: 'TimeoutError',
    status: 503,
    error: () => Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' }),
  },
  { name: 'TransactionCanceledException (throttled)', status: 503, transactionOnly: true, error: cancelledBy('ThrottlingError') },
  {
    name: 'TransactionCanceledException (throughput)',
    status: 503,
    transactionOnly: true,
    error: cancelledBy('ProvisionedThroughputExceeded'),
  },
  {
    name: 'TransactionCanceledException (condition)',
    status: 409,
    transactionOnly: true,
    error: cancelledBy('ConditionalCheckFailed'),
  },
]

let plan: { at: number; fault: Fault; injected?: string } | undefined
let step = 0
for (const Command of commands) {
  documentClient.on(Command as Parameters<typeof documentClient.on>[0]).callsFake(async (input, getClient) => {
    const index = step++
    if (plan && index === plan.at) {
      plan.injected = Command.name
      throw plan.fault.error(input)
    }
    return realSend.call(getClient(), new Command(input as never))
  })
}

let fake: Awaited<ReturnType<typeof startFakeStripe>>
let market: TestMarket
let calls: ReturnType<typeof orderCalls>
let supplier: Awaited<ReturnType<TestMarket['register']>>
let buyer: Awaited<ReturnType<TestMarket['register']>>
const raw = new DynamoDBClient(testDynamo())

beforeAll(async () => {
  fake = await startFakeStripe()
  // No e-mail run after each change: its DynamoDB calls would take the fault meant for the request's.
  market = await startTestMarket('faults', { payments: fake.gateway, mailAfterChange: false })
  calls = orderCalls(market)
  supplier = await market.verifiedSupplier()
  buyer = await market.register('buyer')
})
afterAll(async () => {
  documentClient.restore()
  await fake?.close()
})

/** Every item of the table, read past the mock, in key order. */
const snapshot = async () => {
  const items: Record<string, AttributeValue>[] = []
  for await (const page of paginateScan({ client: raw }, { TableName: market.tableName, ConsistentRead: true })) {
    items.push(...(page.Items ?? []))
  }
  const key = (item: (typeof items)[number]) => `${item.pk?.S}\u0000${item.sk?.S}`
  return items.sort((a, b) => key(a).localeCompare(key(b)))
}

/** Runs the request with `fault` at its call number `at`; says which command failed (none: the flow is shorter). */
const attempt = async (request: () => Promise<Answer>, at: number, fault: Fault) => {
  const before = await snapshot()
  plan = { at, fault }
  step = 0
  const answer = await request()
  const injected = plan.injected
  plan = undefined
  if (injected) {
    const context = `${fault.name} at call ${at} (${injected}): ${JSON.stringify(answer.body)}`
    expect(answer.status, context).toBe(fault.status)
    if (fault.status === 503) expect(answer.headers.get('Retry-After'), context).toBeTruthy()
    expect(await snapshot(), context).toEqual(before)
  }
  return { injected, answer }
}

/**
 * Fails each call of the flow in turn with each fault that fits it; then the flow runs whole
 * (no call left to fail) and succeeds with `status`. Returns the commands that were failed.
 */
const everyStepFails = async (request: () => Promise<Answer>, status: number, only?: (fault: Fault) => boolean) => {
  const failed: string[] = []
  for (let at = 0; ; at++) {
    const { injected, answer } = await attempt(request, at, throttled)
    if (!injected) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(status)
      // The flow's own write was among the calls that failed.
      expect(failed).toContain('TransactWriteCommand')
      return failed
    }
    failed.push(injected)
    for (const fault of faults.filter((candidate) => !candidate.transactionOnly || injected === 'TransactWriteCommand')) {
      if (!only || only(fault)) expect((await attempt(request, at, fault)).injected).toBe(injected)
    }
  }
}

const inDays = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000).toISOString().slice(0, 10)

const orderAwaitingConfirmation = async () => {
  const listing = await market.publishListing(supplier)
  const placed = await calls.order(buyer, { listingId: listing.id, quantity: 5 })
  await calls.step(buyer, placed.body.id, 'transfer', { reference: 'ICBC 1', paidAt: lhasaToday() })
  return placed.body.id
}

/** An order whose Checkout the buyer has paid at Stripe, and the completion webhook Stripe sends. */
const paidAtStripe = async () => {
  const listing = await market.publishListing(supplier)
  const placed = await calls.order(buyer, { listingId: listing.id, quantity: 5 })
  const session = await market.call<{ sessionId: string }>(`/api/orders/${placed.body.id}/checkout`, {
    method: 'POST',
    cookie: buyer.cookie,
  })
  const { payload, signature } = fake.signedEvent(fake.pay(session.body.sessionId))
  const webhook = () =>
    market.call('/api/webhooks/stripe', { method: 'POST', body: payload, headers: { 'Stripe-Signature': signature } })
  return { orderId: placed.body.id, webhook }
}

describe('DynamoDB failing at any step', () => {
  it('placing an order: 503 (409 on a failed condition), nothing written', async () => {
    const listing = await market.publishListing(supplier)
    await everyStepFails(() => calls.order(buyer, { listingId: listing.id, quantity: 5 }), 201)
  })

  it('awarding a request: 503 (409 on a failed condition), nothing written', async () => {
    await market.publishListing(supplier, { categoryId: 'wool' })
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
    expect(bid.status).toBe(201)
    const award = () =>
      market.call(`/api/rfqs/${rfq.body.id}/award`, {
        method: 'POST',
        cookie: buyer.cookie,
        body: { awards: [{ bidId: bid.body.id, quantity: 200 }] },
      })
    await everyStepFails(award, 200)
  })

  it('recording, confirming and declining a bank transfer: 503 (409 on a failed condition), nothing written', async () => {
    const listing = await market.publishListing(supplier)
    const placed = await calls.order(buyer, { listingId: listing.id, quantity: 5 })
    const transfer = { reference: 'ICBC 1', paidAt: lhasaToday() }
    await everyStepFails(() => calls.step(buyer, placed.body.id, 'transfer', transfer), 200)
    await everyStepFails(() => calls.step(supplier, placed.body.id, 'confirm-payment'), 200)
    const declined = await orderAwaitingConfirmation()
    await everyStepFails(() => calls.step(supplier, declined, 'decline-transfer', { reason: '没有到账' }), 200)
  })

  it('a Stripe webhook: 503 so that Stripe sends it again, nothing written', async () => {
    const { orderId, webhook } = await paidAtStripe()
    // A failed condition on the order makes the webhook look at the order again (and apply the event): see below.
    await everyStepFails(webhook, 200, (fault) => fault.status === 503)
    expect((await calls.view(buyer, orderId)).status).toBe('paid')
  })

  it('a webhook that loses the race for its order weighs the event again against the order as it is then', async () => {
    const { orderId, webhook } = await paidAtStripe()
    const conflict = faults.find((fault) => fault.status === 409) as Fault
    // Call 0 reads the order, call 1 is the transaction: its condition fails once, the second try applies it.
    plan = { at: 1, fault: conflict }
    step = 0
    const answer = await webhook()
    expect(plan.injected).toBe('TransactWriteCommand')
    plan = undefined
    expect(answer.body).toMatchObject({ result: 'applied' })
    const paid = await calls.view(buyer, orderId)
    expect(paid.status).toBe('paid')
    expect(paid.timeline.filter((entry) => entry.event === 'stripe_paid')).toHaveLength(1)
  })
})
