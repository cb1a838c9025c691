import type { AuditEntry, Listing, LocalizedText, MeResponse, Order, Rating } from '@market/contracts'
import { Orders } from '@market/core'
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { certificate } from '../support/certifications.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'
import { anOrder, lhasaToday, orderCalls } from '../support/orders.ts'
import { deliveredOrder, rate } from '../support/ratings.ts'

/**
 * Must show: every administrator's action, of every domain, is in the audit log with who took it,
 * on what, why and when, each found through the log's filters. The operations come from the
 * OpenAPI document, so an administrator's route added later fails here until it has a scenario.
 */

type Account = Awaited<ReturnType<TestMarket['register']>>
type AuditPage = { items: AuditEntry[]; nextCursor: string | null }
type OpenApi = { paths: Record<string, Record<string, unknown>> }

/** What a scenario did: the entry it expects, the target's name as the log should give it (in Chinese). */
type Performed = { action: string; targetId: string; targetName: string }
type Scenario = (reason: string) => Promise<Performed>

let market: TestMarket
let admin: { cookie: string; user: MeResponse }
let supplier: Account
let calls: ReturnType<typeof orderCalls>

beforeAll(async () => {
  market = await startTestMarket('audit-coverage')
  admin = await market.signInAdmin()
  supplier = await market.verifiedSupplier('扎西')
  calls = orderCalls(market)
})

/** An administrator's call that must succeed. */
const act = async <T = unknown>(method: string, path: string, body?: unknown) => {
  const answer = await market.call<T>(path, { method, cookie: admin.cookie, ...(body !== undefined ? { body } : {}) })
  expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBeLessThan(300)
  return answer.body
}

const companyOf = (account: Account) => account.user.company.name

const submittedListing = async () => {
  const listing = await market.createListing(supplier)
  await market.call(`/api/listings/${listing.id}/submit`, { method: 'POST', cookie: supplier.cookie })
  return listing
}
const listingDone = (action: string, listing: Listing): Performed => ({
  action,
  targetId: listing.id,
  targetName: listing.title.zh,
})

const pendingSupplier = async () => {
  const applicant = await market.register('supplier', '央金')
  await market.call('/api/suppliers/me/verification', {
    method: 'POST',
    cookie: applicant.cookie,
    body: { licenseNumber: 'XZ7788990', contactPhone: '13900000001' },
  })
  return applicant
}

const suspendedBuyer = async (reason: string) => {
  const buyer = await market.register('buyer', '拉姆')
  await act('POST', `/api/admin/users/${buyer.user.id}/suspend`, { reason })
  return buyer
}

const hours = 3600 * 1000
/** An order whose bank transfer the scheduled job has found overdue. */
const overdueTransfer = async () => {
  const listing = await market.publishListing(supplier, { stock: 10, moq: 1, priceTiers: [{ minQty: 1, unitPriceFen: 5000 }] })
  const buyer = await market.register('buyer')
  const placed = await calls.order(buyer, { listingId: listing.id, quantity: 2 })
  await calls.step(buyer, placed.body.id, 'transfer', { reference: 'ICBC 8801', paidAt: lhasaToday() })
  const deps = buildDeps(testMarketConfig(market.tableName), () => {})
  await Orders.runOrderJobs({ ...deps, payments: null, clock: { now: () => new Date(Date.now() + 73 * hours) } })
  return placed.body
}

const orderDone = (action: string, order: Order): Performed => ({
  action,
  targetId: order.id,
  targetName: order.orderNumber ?? order.id,
})

const ratingByNewBuyer = async () => {
  const listing = await market.publishListing(supplier)
  const buyer = await market.register('buyer', '德吉')
  const rating = (await rate(market, buyer, await deliveredOrder(market, buyer, supplier, listing))).body
  return { rating: rating as unknown as Rating, buyer }
}

/** A new category of trims, named in Chinese. */
const newCategory = async (zh: string) => {
  const id = `audit-${ulid().slice(-8).toLowerCase()}`
  await act('POST', '/api/admin/categories', { id, group: 'trim', name: { zh }, sortOrder: 992 })
  return id
}

/** A certification a new supplier asks for, with its certificate's photo. */
const requestedCertification = async (number: string) => {
  const holder = await market.verifiedSupplier('格桑')
  const requested = await market.call<{ id: string }>('/api/suppliers/me/certifications', {
    method: 'POST',
    cookie: holder.cookie,
    body: await certificate(market, holder, { number }),
  })
  expect(requested.status).toBe(201)
  return { holder, id: requested.body.id, name: `${companyOf(holder)} 绿色工厂 ${number}` }
}

/** One scenario per administrator's write in the OpenAPI document: it performs the operation with `reason`. */
const scenarios: Record<string, Scenario> = {
  'POST /api/admin/suppliers/{id}/verification': async (reason) => {
    const applicant = await pendingSupplier()
    await act('POST', `/api/admin/suppliers/${applicant.user.id}/verification`, { decision: 'approve', reason })
    return { action: 'supplier.verification.approve', targetId: applicant.user.id, targetName: companyOf(applicant) }
  },
  'POST /api/admin/suppliers/{id}/bank-account': async (reason) => {
    const changing = await market.verifiedSupplier('次旦')
    await market.call('/api/suppliers/me/bank-account', {
      method: 'PUT',
      cookie: changing.cookie,
      body: { holder: '次旦 公司', bank: '西藏银行八廓支行', number: '6231 9900 1111 2222 33' },
    })
    await act('POST', `/api/admin/suppliers/${changing.user.id}/bank-account`, { decision: 'reject', reason })
    return { action: 'supplier.bank_account.reject', targetId: changing.user.id, targetName: companyOf(changing) }
  },
  'POST /api/admin/users/{id}/suspend': async (reason) => {
    const buyer = await suspendedBuyer(reason)
    return { action: 'user.suspend', targetId: buyer.user.id, targetName: companyOf(buyer) }
  },
  'POST /api/admin/users/{id}/reinstate': async (reason) => {
    const buyer = await suspendedBuyer('先停用')
    await act('POST', `/api/admin/users/${buyer.user.id}/reinstate`, { reason })
    return { action: 'user.reinstate', targetId: buyer.user.id, targetName: companyOf(buyer) }
  },
  'POST /api/admin/categories': async (reason) => {
    const id = `audit-${ulid().slice(-8).toLowerCase()}`
    await act('POST', '/api/admin/categories', { id, group: 'trim', name: { zh: '审计辅料' }, sortOrder: 990, reason })
    return { action: 'category.add', targetId: id, targetName: '审计辅料' }
  },
  'PATCH /api/admin/categories/{id}': async (reason) => {
    const id = `audit-${ulid().slice(-8).toLowerCase()}`
    await act('POST', '/api/admin/categories', { id, group: 'trim', name: { zh: '旧名' }, sortOrder: 991 })
    await act('PATCH', `/api/admin/categories/${id}`, { name: { zh: '新名', en: 'New name' }, reason })
    return { action: 'category.update', targetId: id, targetName: '新名' }
  },
  'POST /api/admin/categories/{id}/retire': async (reason) => {
    const id = await newCategory('停用的辅料')
    await act('POST', `/api/admin/categories/${id}/retire`, { reason })
    return { action: 'category.retire', targetId: id, targetName: '停用的辅料' }
  },
  'POST /api/admin/categories/{id}/restore': async (reason) => {
    const id = await newCategory('恢复的辅料')
    await act('POST', `/api/admin/categories/${id}/retire`, { reason: '先停用' })
    await act('POST', `/api/admin/categories/${id}/restore`, { reason })
    return { action: 'category.restore', targetId: id, targetName: '恢复的辅料' }
  },
  'POST /api/admin/listings/{id}/reports/dismiss': async (reason) => {
    const listing = await market.publishListing(supplier)
    const reporter = await market.register('buyer')
    await market.call(`/api/listings/${listing.id}/report`, {
      method: 'POST',
      cookie: reporter.cookie,
      body: { reason: '疑似假货' },
    })
    await act('POST', `/api/admin/listings/${listing.id}/reports/dismiss`, { reason })
    return listingDone('listing.reports_dismissed', listing)
  },
  'POST /api/admin/certifications/{id}/decision': async (reason) => {
    const requested = await requestedCertification('XZ-AUDIT-001')
    await act('POST', `/api/admin/certifications/${requested.id}/decision`, { decision: 'approve', reason })
    return { action: 'certification.approve', targetId: requested.id, targetName: requested.name }
  },
  'POST /api/admin/certifications/{id}/revoke': async (reason) => {
    const requested = await requestedCertification('XZ-AUDIT-002')
    await act('POST', `/api/admin/certifications/${requested.id}/decision`, { decision: 'approve', reason: '材料齐全' })
    await act('POST', `/api/admin/certifications/${requested.id}/revoke`, { reason })
    return { action: 'certification.revoke', targetId: requested.id, targetName: requested.name }
  },
  'POST /api/admin/suppliers/{id}/certifications': async (reason) => {
    const holder = await market.verifiedSupplier('卓玛')
    const added = await act<{ id: string }>('POST', `/api/admin/suppliers/${holder.user.id}/certifications`, {
      ...(await certificate(market, admin, { number: 'XZ-AUDIT-003' })),
      reason,
    })
    return { action: 'certification.add', targetId: added.id, targetName: `${companyOf(holder)} 绿色工厂 XZ-AUDIT-003` }
  },
  'POST /api/admin/listings/{id}/approve': async (reason) => {
    const listing = await submittedListing()
    await act('POST', `/api/admin/listings/${listing.id}/approve`, { reason })
    return listingDone('listing.approved', listing)
  },
  'POST /api/admin/listings/{id}/reject': async (reason) => {
    const listing = await submittedListing()
    await act('POST', `/api/admin/listings/${listing.id}/reject`, { reason })
    return listingDone('listing.rejected', listing)
  },
  'POST /api/admin/listings/{id}/suspend': async (reason) => {
    const listing = await market.publishListing(supplier)
    await act('POST', `/api/admin/listings/${listing.id}/suspend`, { reason })
    return listingDone('listing.suspended', listing)
  },
  'POST /api/admin/listings/{id}/reinstate': async (reason) => {
    const listing = await market.publishListing(supplier)
    await act('POST', `/api/admin/listings/${listing.id}/suspend`, { reason: '先下架' })
    await act('POST', `/api/admin/listings/${listing.id}/reinstate`, { reason })
    return listingDone('listing.reinstated', listing)
  },
  'POST /api/admin/orders/{id}/resolve': async (reason) => {
    const listing = await market.publishListing(supplier)
    const buyer = await market.register('buyer')
    const id = await deliveredOrder(market, buyer, supplier, listing)
    await calls.step(buyer, id, 'dispute', { reason: 'not_as_described', details: '颜色与图片不符' })
    return orderDone(
      'order.dispute.release',
      await act<Order>('POST', `/api/admin/orders/${id}/resolve`, { outcome: 'release', note: reason }),
    )
  },
  'POST /api/admin/orders/{id}/confirm-transfer': async (reason) => {
    const order = await overdueTransfer()
    return orderDone(
      'order.transfer.confirm',
      await act<Order>('POST', `/api/admin/orders/${order.id}/confirm-transfer`, { note: reason }),
    )
  },
  'POST /api/admin/orders/{id}/cancel': async (reason) => {
    const order = await overdueTransfer()
    return orderDone('order.cancel', await act<Order>('POST', `/api/admin/orders/${order.id}/cancel`, { note: reason }))
  },
  'POST /api/admin/orders/{id}/acknowledge': async (reason) => {
    // A Stripe payment anomaly takes a fake Stripe to provoke; the flagged order is written as it would be.
    const deps = buildDeps(testMarketConfig(market.tableName), () => {})
    const at = new Date().toISOString()
    const order = anOrder({
      id: ulid(),
      orderNumber: `LS-20261201-${ulid().slice(-4)}`,
      status: 'paid',
      flags: [{ kind: 'payment_anomaly', at }],
      createdAt: at,
      updatedAt: at,
    })
    await deps.orders.place({ order })
    return orderDone(
      'order.anomaly.acknowledge',
      await act<Order>('POST', `/api/admin/orders/${order.id}/acknowledge`, { note: reason }),
    )
  },
  'POST /api/admin/ratings/{id}/hide': async (reason) => {
    const { rating, buyer } = await ratingByNewBuyer()
    await act('POST', `/api/admin/ratings/${rating.id}/hide`, { reason })
    return { action: 'rating.hidden', targetId: rating.id, targetName: companyOf(buyer) }
  },
  'POST /api/admin/ratings/{id}/restore': async (reason) => {
    const { rating, buyer } = await ratingByNewBuyer()
    await act('POST', `/api/admin/ratings/${rating.id}/hide`, { reason: '先隐藏' })
    await act('POST', `/api/admin/ratings/${rating.id}/restore`, { reason })
    return { action: 'rating.restored', targetId: rating.id, targetName: companyOf(buyer) }
  },
  'PUT /api/admin/metrics/targets': async (reason) => {
    await act('PUT', '/api/admin/metrics/targets', { year: 2033, growthPercent: 22, reason })
    return { action: 'metrics.target.set', targetId: '2033', targetName: '2033: +22 %' }
  },
  'PUT /api/admin/metrics/index-materials': async (reason) => {
    await act('PUT', '/api/admin/metrics/index-materials', { categoryIds: ['wool', 'cashmere'], reason })
    return { action: 'metrics.index.set', targetId: 'materials', targetName: '羊毛' }
  },
}

const readLog = async (query: Record<string, string>) =>
  (await market.call<AuditPage>(`/api/admin/audit?${new URLSearchParams(query)}`, { cookie: admin.cookie })).body

const zh = (name: LocalizedText | undefined) => name?.zh ?? ''

describe('the audit log', () => {
  it('records every administrator’s write of the OpenAPI document with actor name, target name, reason and time', async () => {
    const document = (await market.call<OpenApi>('/api/openapi.json')).body
    const operations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/admin'))
      .flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((method) => method !== 'get')
          .map((method) => `${method.toUpperCase()} ${path}`),
      )
    expect(operations.length).toBeGreaterThan(15)
    const missing = operations.filter((operation) => !(operation in scenarios))
    expect(missing.map((operation) => `no audit scenario for ${operation}`)).toEqual([])

    const started = new Date().toISOString()
    for (const operation of operations) {
      const reason = `审计：${operation}`
      const done = await (scenarios[operation] as Scenario)(reason)
      // Through the object's history, and through the action's own index with the actor and the day.
      const byTarget = await readLog({ target: done.targetId, action: done.action })
      const byAction = await readLog({ action: done.action, actor: admin.user.id, from: started, limit: '100' })
      for (const page of [byTarget, byAction]) {
        const entry = page.items.find((item) => item.targetId === done.targetId && item.reason === reason)
        expect(entry, `${operation} is not in the log as ${done.action} on ${done.targetId}`).toBeDefined()
        expect(entry).toMatchObject({ actorId: admin.user.id, actorName: admin.user.name, action: done.action })
        expect(zh(entry?.targetName), operation).toContain(done.targetName)
        expect(entry?.at && entry.at >= started, operation).toBe(true)
      }
    }
  })

  it('is newest first, filtered by actor, action, target and time, and pages with a cursor', async () => {
    const buyers = [
      await market.register('buyer', '甲'),
      await market.register('buyer', '乙'),
      await market.register('buyer', '丙'),
    ]
    const before = new Date().toISOString()
    for (const buyer of buyers) await act('POST', `/api/admin/users/${buyer.user.id}/suspend`, { reason: '滥发广告' })
    const after = new Date().toISOString()

    const first = await readLog({ action: 'user.suspend', from: before, to: after, limit: '2' })
    expect(first.items.map((entry) => entry.targetId)).toEqual([buyers[2]?.user.id, buyers[1]?.user.id])
    const second = await readLog({
      action: 'user.suspend',
      from: before,
      to: after,
      limit: '2',
      cursor: first.nextCursor as string,
    })
    expect(second.items.map((entry) => entry.targetId)).toEqual([buyers[0]?.user.id])

    expect((await readLog({ target: buyers[0]?.user.id as string })).items.map((entry) => entry.action)).toEqual(['user.suspend'])
    expect((await readLog({ target: buyers[0]?.user.id as string, action: 'user.reinstate' })).items).toEqual([])
    expect((await readLog({ actor: buyers[0]?.user.id as string })).items).toEqual([])
    expect((await readLog({ action: 'user.suspend', to: before })).items.map((entry) => entry.targetId)).not.toContain(
      buyers[0]?.user.id,
    )
    // A day is a whole day in China Standard Time.
    const today = new Date(Date.now() + 8 * hours).toISOString().slice(0, 10)
    expect(
      (await readLog({ action: 'user.suspend', from: today, to: today, limit: '100' })).items.map((entry) => entry.targetId),
    ).toEqual(expect.arrayContaining(buyers.map((buyer) => buyer.user.id)))
  })

  it('refuses a span that ends before it starts, and filters that are not ids or action codes', async () => {
    for (const query of ['from=2026-02-01&to=2026-01-01', 'action=DROP TABLE', 'target=a%20b', 'actor=nobody']) {
      const answer = await market.call(`/api/admin/audit?${query}`, { cookie: admin.cookie })
      expect(answer.status, query).toBe(400)
    }
  })
})
