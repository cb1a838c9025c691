import { createRfqsApp, type LogLine } from '@market/api'
import type { Bid, NotificationsResponse, Order, Rfq } from '@market/contracts'
import { Rfqs } from '@market/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'

type Account = Awaited<ReturnType<TestMarket['register']>>
type ErrorBody = { error: { code: string } }
type Compared = { sealed: boolean; bids: (Bid & { unitPriceInRfqUnitFen?: number; totalFen?: number; score: number })[] }

let market: TestMarket
let buyer: Account
let brocadeA: Account
let brocadeB: Account
let silkSupplier: Account

const hours = (n: number) => new Date(Date.now() + n * 3600 * 1000).toISOString()
const inDays = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000).toISOString().slice(0, 10)

const rfqInput = (overrides: Record<string, unknown> = {}) => ({
  title: '雪顿节藏装用金花缎 300米',
  categoryId: 'brocade',
  specs: '红底金花，幅宽 74 厘米以上，吉祥八宝纹或类似纹样。',
  quantity: 300,
  unit: 'm',
  targetUnitPriceFen: 15000,
  neededBy: inDays(30),
  bidDeadline: hours(48),
  ...overrides,
})

const post = async (overrides: Record<string, unknown> = {}, who: Account = buyer) => {
  const answer = await market.call<Rfq>('/api/rfqs', { method: 'POST', cookie: who.cookie, body: rfqInput(overrides) })
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  return answer.body
}

const bid = (supplier: Account, rfqId: string, overrides: Record<string, unknown> = {}) =>
  market.call<Bid & ErrorBody>(`/api/rfqs/${rfqId}/bids`, {
    method: 'POST',
    cookie: supplier.cookie,
    body: { unitPriceFen: 15800, quantity: 300, leadTimeDays: 10, validUntil: inDays(20), ...overrides },
  })

const feedIds = async (supplier: Account) => {
  const answer = await market.call<{ items: Rfq[] }>('/api/rfqs/feed', { cookie: supplier.cookie })
  return answer.status === 200 ? answer.body.items.map((rfq) => rfq.id) : answer.status
}

/** The RFQ app with its clock moved, to act after a deadline as the market would then; `logs` has its request log lines. */
const later = (hoursAhead: number) => {
  const logs: LogLine[] = []
  const deps = {
    ...buildDeps(testMarketConfig(market.tableName), (line) => logs.push(line)),
    clock: { now: () => new Date(Date.now() + hoursAhead * 3600 * 1000) },
  }
  const app = createRfqsApp(deps)
  return {
    deps,
    logs,
    call: async <T>(path: string, who: Account, init: { method?: string; body?: unknown } = {}) => {
      const response = await app.request(path, {
        method: init.method ?? 'GET',
        headers: { Cookie: who.cookie, 'Content-Type': 'application/json' },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      })
      return { status: response.status, body: (await response.json()) as T }
    },
  }
}

beforeAll(async () => {
  market = await startTestMarket('rfqs')
  buyer = await market.register('buyer', '拉姆')
  brocadeA = await market.verifiedSupplier('王建华')
  brocadeB = await market.verifiedSupplier('李锦')
  silkSupplier = await market.verifiedSupplier('丝绸商')
  await market.publishListing(brocadeA, { categoryId: 'brocade' })
  await market.publishListing(brocadeB, { categoryId: 'brocade' })
  await market.publishListing(silkSupplier, { categoryId: 'silk' })
})

describe('who sees a purchase request', () => {
  it('reaches verified suppliers of its category, not others, and invited-only requests reach only the invited', async () => {
    const open = await post()
    expect(await feedIds(brocadeA)).toContain(open.id)
    expect(await feedIds(brocadeB)).toContain(open.id)
    expect(await feedIds(silkSupplier)).not.toContain(open.id)
    const unverified = await market.register('supplier')
    expect(await feedIds(unverified)).toBe(403)
    expect((await market.call(`/api/rfqs/${open.id}`, { cookie: silkSupplier.cookie })).status).toBe(404)

    const invited = await post({ title: '邀请报价：丝绸里布', invitedSupplierIds: [silkSupplier.user.id] })
    expect(await feedIds(silkSupplier)).toContain(invited.id)
    expect(await feedIds(brocadeA)).not.toContain(invited.id)
    expect((await market.call(`/api/rfqs/${invited.id}`, { cookie: brocadeA.cookie })).status).toBe(404)
    expect((await bid(brocadeA, invited.id)).status).toBe(404)
    const notifications = await market.call<NotificationsResponse>('/api/notifications', { cookie: silkSupplier.cookie })
    expect(notifications.body.items.map((item) => item.params.rfqId)).toContain(invited.id)
  })

  it('refuses a schedule that does not fit, naming the field', async () => {
    for (const [overrides, field] of [
      [{ bidDeadline: hours(0.5) }, 'bidDeadline'],
      [{ bidDeadline: hours(24 * 61) }, 'bidDeadline'],
      [{ neededBy: inDays(1), bidDeadline: hours(72) }, 'neededBy'],
      [{ quantity: 0 }, 'quantity'],
      [{ categoryId: 'nothing' }, 'categoryId'],
    ] as const) {
      const answer = await market.call<{ error: { details: { path: string[] }[] } }>('/api/rfqs', {
        method: 'POST',
        cookie: buyer.cookie,
        body: rfqInput(overrides),
      })
      expect(answer.status, JSON.stringify(overrides)).toBe(400)
      expect(answer.body.error.details.map((issue) => issue.path[0])).toContain(field)
    }
  })
})

describe('the supplier feed', () => {
  it('pages through every category the supplier serves and its invitations, soonest deadline first', async () => {
    const supplier = await market.verifiedSupplier('多品类商户')
    await market.publishListing(supplier, { categoryId: 'wool' })
    await market.publishListing(supplier, { categoryId: 'cashmere' })
    const invitation = { categoryId: 'lining', invitedSupplierIds: [supplier.user.id] }
    // Deadlines interleave the three sources: wool, cashmere, an invitation (in a category it does not list).
    const expected: string[] = []
    for (let n = 0; n < 9; n++) {
      const source = [{ categoryId: 'wool' }, { categoryId: 'cashmere' }, invitation][n % 3]
      expected.push((await post({ title: `多品类 ${n}`, ...source, bidDeadline: hours(10 + n) })).id)
    }
    // Not shown: an invitation whose deadline will have passed, and one to a request since cancelled.
    await post({ title: '很快截止', ...invitation, bidDeadline: hours(1.5) })
    const cancelled = await post({ title: '已取消', ...invitation, bidDeadline: hours(12.5) })
    await market.call(`/api/rfqs/${cancelled.id}/cancel`, { method: 'POST', cookie: buyer.cookie, body: { reason: '不要了' } })

    const twoHoursOn = later(2)
    const seen: string[] = []
    let cursor: string | null = null
    for (let pages = 0; pages < 100; pages++) {
      const page: { status: number; body: { items: Rfq[]; nextCursor: string | null } } = await twoHoursOn.call(
        `/api/rfqs/feed?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        supplier,
      )
      expect(page.status).toBe(200)
      seen.push(...page.body.items.map((rfq) => rfq.id))
      cursor = page.body.nextCursor
      if (!cursor) break
    }
    expect(seen).toEqual(expected)
    // Each page: the caller's session and one Query of the open requests.
    const calls = twoHoursOn.logs.map((line) => line.dynamoCalls as number)
    expect(calls.length).toBeGreaterThanOrEqual(5)
    expect(Math.max(...calls)).toBeLessThanOrEqual(2)
  })
})

describe('sealed bids', () => {
  it('shows a supplier only its own bid, anywhere; another buyer gets 404 on the bids', async () => {
    const rfq = await post()
    expect((await bid(brocadeA, rfq.id, { unitPriceFen: 15500, note: 'A 的报价' })).status).toBe(201)
    expect((await bid(brocadeB, rfq.id, { unitPriceFen: 14900, note: 'B 的报价' })).status).toBe(201)

    for (const path of [`/api/rfqs/${rfq.id}`, '/api/rfqs/feed', '/api/bids/mine', `/api/rfqs/${rfq.id}/bids`]) {
      const answer = await market.call(path, { cookie: brocadeA.cookie })
      const text = JSON.stringify(answer.body)
      expect(text, path).not.toContain('14900')
      expect(text, path).not.toContain('B 的报价')
      expect(text, path).not.toContain(brocadeB.user.id)
    }
    const feed = await market.call<{ items: (Rfq & { myBidStatus?: string })[] }>('/api/rfqs/feed', { cookie: brocadeA.cookie })
    expect(feed.body.items.find((item) => item.id === rfq.id)?.myBidStatus).toBe('submitted')
    const view = await market.call<Rfq & { myBid?: Bid }>(`/api/rfqs/${rfq.id}`, { cookie: brocadeA.cookie })
    expect(view.body.myBid?.unitPriceFen).toBe(15500)
    expect(view.body.bidCount).toBe(2)

    const otherBuyer = await market.register('buyer')
    expect((await market.call(`/api/rfqs/${rfq.id}/bids`, { cookie: otherBuyer.cookie })).status).toBe(404)
    expect((await market.call(`/api/rfqs/${rfq.id}`, { cookie: otherBuyer.cookie })).status).toBe(404)
    const mine = await market.call<Compared>(`/api/rfqs/${rfq.id}/bids`, { cookie: buyer.cookie })
    expect(mine.body.bids.map((entry) => entry.unitPriceFen).sort()).toEqual([14900, 15500])
  })

  it('shows an invited supplier no other invitee, and suppliers nothing of a tender’s bidding before its deadline', async () => {
    const invitation = await post({ title: '邀请两家：丝绸里布', invitedSupplierIds: [silkSupplier.user.id, brocadeB.user.id] })
    const feedItem = async (supplier: Account, rfqId: string) =>
      (await market.call<{ items: Rfq[] }>('/api/rfqs/feed?limit=50', { cookie: supplier.cookie })).body.items.find(
        (rfq) => rfq.id === rfqId,
      )
    const view = await market.call<Rfq>(`/api/rfqs/${invitation.id}`, { cookie: silkSupplier.cookie })
    expect(view.body.invitedSupplierIds).toEqual([silkSupplier.user.id])
    expect((await feedItem(silkSupplier, invitation.id))?.invitedSupplierIds).toEqual([silkSupplier.user.id])
    expect(JSON.stringify(await feedItem(brocadeB, invitation.id))).not.toContain(silkSupplier.user.id)
    const forBuyer = await market.call<Rfq>(`/api/rfqs/${invitation.id}`, { cookie: buyer.cookie })
    expect(forBuyer.body.invitedSupplierIds).toEqual([silkSupplier.user.id, brocadeB.user.id])

    const tender = await post({ title: '招标：金花缎', sealedUntilDeadline: true })
    await bid(brocadeA, tender.id)
    for (const supplier of [brocadeA, brocadeB]) {
      const read = await market.call<Rfq>(`/api/rfqs/${tender.id}`, { cookie: supplier.cookie })
      const item = await feedItem(supplier, tender.id)
      expect(item).toBeDefined()
      for (const field of ['bidCount', 'firstBidAt', 'responseMinutes']) {
        expect(read.body, field).not.toHaveProperty(field)
        expect(item, field).not.toHaveProperty(field)
      }
    }
    expect((await market.call<Rfq>(`/api/rfqs/${tender.id}`, { cookie: buyer.cookie })).body.bidCount).toBe(1)
    expect((await later(49).call<Rfq>(`/api/rfqs/${tender.id}`, brocadeA)).body).toMatchObject({
      bidCount: 1,
      firstBidAt: expect.any(String),
    })
  })

  it('keeps one live bid per supplier, with its history, and takes no bid after the deadline', async () => {
    const rfq = await post()
    await bid(brocadeA, rfq.id, { unitPriceFen: 16000 })
    const revised = await bid(brocadeA, rfq.id, { unitPriceFen: 15200, leadTimeDays: 7 })
    expect(revised.status).toBe(200)
    expect(revised.body).toMatchObject({ status: 'revised', unitPriceFen: 15200, history: [{ unitPriceFen: 16000 }] })
    const compared = await market.call<Compared>(`/api/rfqs/${rfq.id}/bids`, { cookie: buyer.cookie })
    expect(compared.body.bids).toHaveLength(1)
    expect((await market.call<Rfq>(`/api/rfqs/${rfq.id}`, { cookie: buyer.cookie })).body.bidCount).toBe(1)

    const afterDeadline = later(49)
    const late = await afterDeadline.call<ErrorBody>(`/api/rfqs/${rfq.id}/bids`, brocadeB, {
      method: 'POST',
      body: { unitPriceFen: 14000, quantity: 300, leadTimeDays: 5, validUntil: inDays(20) },
    })
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('rfq.bidding_closed')

    const withdrawn = await market.call<Bid>(`/api/rfqs/${rfq.id}/bids/mine/withdraw`, {
      method: 'POST',
      cookie: brocadeA.cookie,
    })
    expect(withdrawn.body.status).toBe('withdrawn')
    expect((await market.call<Rfq>(`/api/rfqs/${rfq.id}`, { cookie: buyer.cookie })).body.bidCount).toBe(0)
  })

  it('hides every bid of a tender from the buyer too, until the deadline, then opens them all', async () => {
    const tender = await post({ sealedUntilDeadline: true })
    await bid(brocadeA, tender.id)
    await bid(brocadeB, tender.id, { unitPriceFen: 14000 })
    const before = await market.call<Compared>(`/api/rfqs/${tender.id}/bids`, { cookie: buyer.cookie })
    expect(before.body).toMatchObject({ sealed: true, bids: [] })
    expect((await market.call<Rfq>(`/api/rfqs/${tender.id}`, { cookie: buyer.cookie })).body.bidCount).toBe(2)
    const after = await later(49).call<Compared>(`/api/rfqs/${tender.id}/bids`, buyer)
    expect(after.body.sealed).toBe(false)
    expect(after.body.bids).toHaveLength(2)
    expect(after.body.bids[0]?.unitPriceFen).toBe(14000)
  })

  it('compares a bid in yards with the request’s metres', async () => {
    const rfq = await post()
    await bid(brocadeA, rfq.id, { unit: 'yd', unitPriceFen: 13716, quantity: 300 })
    const compared = await market.call<Compared>(`/api/rfqs/${rfq.id}/bids`, { cookie: buyer.cookie })
    // 137.16 yuan a yard is 150.00 yuan a metre.
    expect(compared.body.bids[0]?.unitPriceInRfqUnitFen).toBe(15000)
    expect((await bid(brocadeB, rfq.id, { unit: 'kg' })).body.error.code).toBe('bid.unit_mismatch')
  })

  it('refuses a bid in bolts whose price per metre rounds to 0 fen, naming the fields', async () => {
    const rfq = await post()
    // 40 fen for a bolt of 100 m is 0.4 fen a metre: an order at that price would cost nothing.
    const tooCheap = await market.call<{ error: { code: string; details: { path: string[] }[] } }>(`/api/rfqs/${rfq.id}/bids`, {
      method: 'POST',
      cookie: brocadeA.cookie,
      body: { unit: 'bolt', metresPerBolt: 100, unitPriceFen: 40, quantity: 3, leadTimeDays: 10, validUntil: inDays(20) },
    })
    expect(tooCheap.status).toBe(400)
    expect(tooCheap.body.error.details.map((issue) => issue.path[0]).sort()).toEqual(['metresPerBolt', 'unitPriceFen'])
    expect((await bid(brocadeA, rfq.id, { unit: 'bolt', metresPerBolt: 100, unitPriceFen: 15000, quantity: 3 })).status).toBe(201)
  })
})

describe('awarding', () => {
  it('lets exactly one of 10 concurrent awards through, with exactly its orders', async () => {
    const rfq = await post()
    const a = (await bid(brocadeA, rfq.id)).body
    const b = (await bid(brocadeB, rfq.id, { unitPriceFen: 15000 })).body
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        market.call<{ orderIds: string[] }>(`/api/rfqs/${rfq.id}/award`, {
          method: 'POST',
          cookie: buyer.cookie,
          body: { awards: [{ bidId: index % 2 ? a.id : b.id, quantity: 300 }] },
        }),
      ),
    )
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1)
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(9)
    const orders = await market.call<{ items: Order[] }>('/api/orders?role=buyer&limit=100', { cookie: buyer.cookie })
    const fromThis = orders.body.items.filter((order) => order.rfqId === rfq.id)
    expect(fromThis.map((order) => order.id)).toEqual(answers.find((answer) => answer.status === 200)?.body.orderIds)
    const bids = await market.call<Compared>(`/api/rfqs/${rfq.id}/bids`, { cookie: buyer.cookie })
    expect(bids.body.bids.map((entry) => entry.status).sort()).toEqual(['accepted', 'rejected'])
  })

  it('splits 300 m as 200 + 100 into two orders at each bid’s price', async () => {
    const rfq = await post()
    const a = (await bid(brocadeA, rfq.id, { unitPriceFen: 15500, quantity: 200 })).body
    const b = (await bid(brocadeB, rfq.id, { unitPriceFen: 14900, quantity: 300 })).body
    const award = await market.call<{ orderIds: string[]; rfq: Rfq }>(`/api/rfqs/${rfq.id}/award`, {
      method: 'POST',
      cookie: buyer.cookie,
      body: {
        awards: [
          { bidId: a.id, quantity: 200 },
          { bidId: b.id, quantity: 100 },
        ],
      },
    })
    expect(award.status).toBe(200)
    expect(award.body.rfq.status).toBe('awarded')
    const orders = await Promise.all(
      award.body.orderIds.map((id) => market.call<Order>(`/api/orders/${id}`, { cookie: buyer.cookie })),
    )
    expect(orders.map((order) => [order.body.supplier.id, order.body.totalFen, order.body.lines[0]?.quantity])).toEqual([
      [brocadeA.user.id, 200 * 15500, 200],
      [brocadeB.user.id, 100 * 14900, 100],
    ])
    expect(orders.every((order) => order.body.source === 'rfq' && order.body.status === 'pending_payment')).toBe(true)
    // Each order of the award has its own short number, given in the award's transaction.
    const numbers = orders.map((order) => order.body.orderNumber ?? '')
    expect(numbers.every((number) => /^LS-\d{8}-[1-9]\d{5}$/.test(number))).toBe(true)
    expect(new Set(numbers).size).toBe(2)
    // The winning supplier sees its new order.
    const supplierOrders = await market.call<{ items: Order[] }>('/api/orders?role=supplier', { cookie: brocadeA.cookie })
    expect(supplierOrders.body.items.map((order) => order.id)).toContain(award.body.orderIds[0])
  })

  it('carries each bid’s freight as its own line of the order, in its total, and the request’s invoice with whom to make it out to', async () => {
    const rfq = await post({ invoice: 'special', freightTerms: 'buyer' })
    const a = (await bid(brocadeA, rfq.id, { unitPriceFen: 15500, quantity: 200, freightFen: 12_000 })).body
    const b = (await bid(brocadeB, rfq.id, { unitPriceFen: 14900, quantity: 300 })).body
    expect(a.freightFen).toBe(12_000)
    expect(b.freightFen).toBeUndefined()
    // A revision may change the freight; the history keeps the earlier one.
    const revised = (await bid(brocadeA, rfq.id, { unitPriceFen: 15500, quantity: 200, freightFen: 10_000 })).body
    expect(revised.history.at(-1)?.freightFen).toBe(12_000)
    const compared = await market.call<Compared>(`/api/rfqs/${rfq.id}/bids`, { cookie: buyer.cookie })
    expect(compared.body.bids.find((one) => one.id === a.id)?.freightFen).toBe(10_000)
    const awards = [
      { bidId: a.id, quantity: 200 },
      { bidId: b.id, quantity: 100 },
    ]
    const award = (body: Record<string, unknown>) =>
      market.call<{ orderIds: string[] } & ErrorBody>(`/api/rfqs/${rfq.id}/award`, { method: 'POST', cookie: buyer.cookie, body })
    // The request asks for a special VAT invoice: the award needs the company title and tax number.
    const without = await award({ awards })
    expect(without.status).toBe(400)
    expect(without.body.error.code).toBe('request.invalid')
    expect((await award({ awards, invoice: { title: '拉萨拉姆藏装加工坊', taxNumber: 'NOT-A-TAX-NO' } })).status).toBe(400)
    expect((await market.call<Rfq>(`/api/rfqs/${rfq.id}`, { cookie: buyer.cookie })).body.status).toBe('open')

    const awarded = await award({ awards, invoice: { title: '拉萨拉姆藏装加工坊', taxNumber: '91540100MA6T000X1Y' } })
    expect(awarded.status).toBe(200)
    const orders = await Promise.all(
      awarded.body.orderIds.map((id) => market.call<Order>(`/api/orders/${id}`, { cookie: buyer.cookie })),
    )
    expect(orders.map((order) => [order.body.freightFen, order.body.totalFen])).toEqual([
      [10_000, 200 * 15500 + 10_000],
      [0, 100 * 14900],
    ])
    for (const order of orders)
      expect(order.body.invoice).toEqual({ type: 'special', title: '拉萨拉姆藏装加工坊', taxNumber: '91540100MA6T000X1Y' })
  })

  it('refuses a withdrawn bid, an expired bid, and more than a bid offers', async () => {
    const rfq = await post()
    const a = (await bid(brocadeA, rfq.id, { quantity: 100 })).body
    await bid(brocadeB, rfq.id)
    const award = (awards: unknown) =>
      market.call<ErrorBody>(`/api/rfqs/${rfq.id}/award`, { method: 'POST', cookie: buyer.cookie, body: { awards } })
    expect((await award([{ bidId: a.id, quantity: 150 }])).body.error.code).toBe('rfq.bad_award')
    await market.call(`/api/rfqs/${rfq.id}/bids/mine/withdraw`, { method: 'POST', cookie: brocadeA.cookie })
    expect((await award([{ bidId: a.id, quantity: 100 }])).body.error.code).toBe('bid.wrong_status')

    const other = await post()
    const short = (await bid(brocadeA, other.id, { validUntil: inDays(3) })).body
    const afterValidity = await later(24 * 5).call<ErrorBody>(`/api/rfqs/${other.id}/award`, buyer, {
      method: 'POST',
      body: { awards: [{ bidId: short.id, quantity: 300 }] },
    })
    expect(afterValidity.body.error.code).toBe('bid.expired')
  })
})

describe('deadlines', () => {
  it('closes each request once when the job runs twice at once, telling the buyer once; expires unawarded ones after 14 days', async () => {
    const rfq = await post({ title: '截止测试 羊毛纱线', bidDeadline: hours(2) })
    await bid(brocadeA, rfq.id)
    const { deps } = later(3)
    const runs = await Promise.all([1, 2].map(() => Rfqs.runRfqJobs(deps)))
    expect(runs.reduce((sum, run) => sum + run.closed, 0)).toBeGreaterThanOrEqual(1)
    expect((await market.call<Rfq>(`/api/rfqs/${rfq.id}`, { cookie: buyer.cookie })).body.status).toBe('closed')
    const told = await market.call<NotificationsResponse>('/api/notifications', { cookie: buyer.cookie })
    expect(told.body.items.filter((item) => item.type === 'rfq.closed' && item.params.rfqId === rfq.id)).toHaveLength(1)
    expect(await feedIds(brocadeB)).not.toContain(rfq.id)

    const { deps: fortnightLater } = later(3 + 24 * 15)
    await Promise.all([1, 2].map(() => Rfqs.runRfqJobs(fortnightLater)))
    expect((await market.call<Rfq>(`/api/rfqs/${rfq.id}`, { cookie: buyer.cookie })).body.status).toBe('expired')
    const bidderTold = await market.call<NotificationsResponse>('/api/notifications', { cookie: brocadeA.cookie })
    expect(bidderTold.body.items.filter((item) => item.type === 'rfq.expired' && item.params.rfqId === rfq.id)).toHaveLength(1)
  })

  it('records how long the market took to answer', async () => {
    const rfq = await post()
    await bid(brocadeB, rfq.id)
    await bid(brocadeA, rfq.id)
    const view = await market.call<Rfq>(`/api/rfqs/${rfq.id}`, { cookie: buyer.cookie })
    expect(view.body.firstBidAt).toBeDefined()
    expect(view.body.responseMinutes).toBeGreaterThanOrEqual(0)
  })

  it('lets the buyer cancel, telling the bidders', async () => {
    const rfq = await post()
    await bid(brocadeA, rfq.id)
    const cancelled = await market.call<Rfq>(`/api/rfqs/${rfq.id}/cancel`, {
      method: 'POST',
      cookie: buyer.cookie,
      body: { reason: '需求取消' },
    })
    expect(cancelled.body.status).toBe('cancelled')
    const told = await market.call<NotificationsResponse>('/api/notifications', { cookie: brocadeA.cookie })
    expect(told.body.items.some((item) => item.type === 'rfq.cancelled' && item.params.rfqId === rfq.id)).toBe(true)
    expect((await bid(brocadeB, rfq.id)).status).toBe(409)
  })
})
