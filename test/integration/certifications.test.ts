import { createListingsApp, type LogLine } from '@market/api'
import type {
  AuditEntry,
  Certification,
  CertificationPage,
  ListingPage,
  ListingWithSupplier,
  MetricsReport,
  SupplierProfile,
} from '@market/contracts'
import { Certifications } from '@market/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeps } from '../../functions/deps.ts'
import { buildJobDeps, runJobs } from '../../functions/jobs.ts'
import { certificate as certificateShared, inDays } from '../support/certifications.ts'
import { testMarketConfig } from '../support/dynamo.ts'
import { startTestMarket, type TestMarket } from '../support/market.ts'

type Account = Awaited<ReturnType<TestMarket['register']>>
type Refusal = { error: { code: string } }

let market: TestMarket
let admin: { cookie: string }

beforeAll(async () => {
  market = await startTestMarket('certifications')
  admin = await market.signInAdmin()
})

const today = () => Certifications.certificationDay(new Date())
const certificate = (who: { cookie: string }, overrides: Record<string, unknown> = {}) =>
  certificateShared(market, who, overrides)

const request = async (supplier: Account, overrides: Record<string, unknown> = {}) =>
  market.call<Certification & Refusal>('/api/suppliers/me/certifications', {
    method: 'POST',
    cookie: supplier.cookie,
    body: await certificate(supplier, overrides),
  })

const decide = (id: string, body: unknown, cookie = admin.cookie) =>
  market.call<Certification & Refusal>(`/api/admin/certifications/${id}/decision`, { method: 'POST', cookie, body })

const greenListings = async (call = market.call) => (await call<ListingPage>('/api/listings?certified=green&limit=50')).body.items
const cardOf = async (listingId: string) =>
  (await market.call<ListingPage>('/api/listings?limit=50')).body.items.find((card) => card.id === listingId)
const pageOf = async (listingId: string) => (await market.call<ListingWithSupplier>(`/api/listings/${listingId}`)).body
const profileOf = async (supplier: Account) => (await market.call<SupplierProfile>(`/api/suppliers/${supplier.user.id}`)).body
const certifiedCount = async () =>
  (
    await market.call<MetricsReport>(`/api/admin/metrics?from=${today()}&to=${today()}`, {
      cookie: admin.cookie,
    })
  ).body.certifiedSuppliers
const auditFor = async (id: string) =>
  (await market.call<{ items: AuditEntry[] }>('/api/admin/audit?limit=100', { cookie: admin.cookie })).body.items.filter(
    (entry) => entry.targetId === id,
  )

/** A supplier with a listing on the market, in a category of its own name so that its cards are easy to find. */
const supplierOnTheMarket = async (name: string) => {
  const supplier = await market.verifiedSupplier(name)
  const listing = await market.publishListing(supplier, { title: { zh: `${name} 牦牛绒` } })
  return { supplier, listing }
}

describe('supplier certifications', () => {
  it('are requested by the supplier, shown only once an administrator approves, on cards, pages, bid rows and the green filter', async () => {
    const { supplier, listing } = await supplierOnTheMarket('绿色一号')
    const before = await certifiedCount()
    const waiting = async () =>
      (await market.call<{ certificationRequests: number }>('/api/admin/queues', { cookie: admin.cookie })).body
        .certificationRequests
    const waitingBefore = await waiting()

    const requested = await request(supplier)
    expect(requested.status).toBe(201)
    // The console counts it among the certificates to review.
    expect(await waiting()).toBe(waitingBefore + 1)
    expect(requested.body).toMatchObject({ status: 'pending', kind: 'green_factory', requestedBy: 'supplier' })
    // A request is not a badge.
    expect((await cardOf(listing.id))?.supplier.certifications).toBeUndefined()
    expect((await greenListings()).map((card) => card.id)).not.toContain(listing.id)

    const mine = await market.call<CertificationPage>('/api/suppliers/me/certifications', { cookie: supplier.cookie })
    expect(mine.body.items.map((item) => [item.id, item.status])).toEqual([[requested.body.id, 'pending']])
    const queue = await market.call<CertificationPage>('/api/admin/certifications?status=pending', { cookie: admin.cookie })
    expect(queue.body.items.find((item) => item.id === requested.body.id)?.supplier?.company).toBe('绿色一号 公司')

    // The supplier cannot certify itself, neither by deciding nor by adding.
    expect((await decide(requested.body.id, { decision: 'approve' }, supplier.cookie)).status).toBe(403)
    const selfAdded = await market.call(`/api/admin/suppliers/${supplier.user.id}/certifications`, {
      method: 'POST',
      cookie: supplier.cookie,
      body: await certificate(supplier),
    })
    expect(selfAdded.status).toBe(403)

    const approved = await decide(requested.body.id, { decision: 'approve' })
    expect(approved.status).toBe(200)
    expect(approved.body.status).toBe('approved')
    expect(await waiting()).toBe(waitingBefore)

    expect((await cardOf(listing.id))?.supplier.certifications).toEqual(['green_factory'])
    expect((await pageOf(listing.id)).supplier.certifications).toEqual(['green_factory'])
    expect((await profileOf(supplier)).certifications).toEqual(['green_factory'])
    const green = await greenListings()
    expect(green.map((card) => card.id)).toContain(listing.id)
    // Only certified-green suppliers' listings are kept.
    expect(green.every((card) => card.supplier.certifications?.some((kind) => kind.startsWith('green_')))).toBe(true)
    expect(await certifiedCount()).toBe(before + 1)
    expect((await auditFor(requested.body.id)).map((entry) => entry.action)).toEqual(['certification.approve'])

    // The filter costs one Get of the registry beside the page's Query and BatchGet: no Scan, nothing per listing.
    const logs: LogLine[] = []
    const counted = createListingsApp(buildDeps(testMarketConfig(market.tableName), (line) => logs.push(line)))
    expect((await counted.request('/api/listings?certified=green&limit=50')).status).toBe(200)
    expect(logs.findLast((entry) => entry.msg === 'request')?.dynamoCalls).toBe(3)

    // The buyer's comparison of bids shows the badge on the bid row.
    const buyer = await market.register('buyer')
    const rfq = await market.call<{ id: string }>('/api/rfqs', {
      method: 'POST',
      cookie: buyer.cookie,
      body: {
        title: '牦牛绒 100 公斤',
        categoryId: 'yak-down',
        specs: '本色。',
        quantity: 100,
        unit: 'm',
        neededBy: inDays(30),
        bidDeadline: new Date(Date.now() + 48 * 3600 * 1000).toISOString(),
      },
    })
    expect(rfq.status).toBe(201)
    const bid = await market.call(`/api/rfqs/${rfq.body.id}/bids`, {
      method: 'POST',
      cookie: supplier.cookie,
      body: { unitPriceFen: 15800, quantity: 100, leadTimeDays: 10, validUntil: inDays(20) },
    })
    expect(bid.status).toBe(201)
    const compared = await market.call<{ bids: { supplier: { id: string; certifications?: string[] } }[] }>(
      `/api/rfqs/${rfq.body.id}/bids`,
      { cookie: buyer.cookie },
    )
    expect(compared.body.bids.find((row) => row.supplier.id === supplier.user.id)?.supplier.certifications).toEqual([
      'green_factory',
    ])

    // Revoked with a reason: the badge and the filter drop it at once, and the log says why.
    expect(
      (
        await market.call(`/api/admin/certifications/${requested.body.id}/revoke`, {
          method: 'POST',
          cookie: admin.cookie,
          body: {},
        })
      ).status,
    ).toBe(400)
    const revoked = await market.call<Certification>(`/api/admin/certifications/${requested.body.id}/revoke`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { reason: '证书已被发证机关撤销' },
    })
    expect(revoked.body).toMatchObject({ status: 'revoked', reason: '证书已被发证机关撤销' })
    expect((await cardOf(listing.id))?.supplier.certifications).toBeUndefined()
    expect((await greenListings()).map((card) => card.id)).not.toContain(listing.id)
    expect(await certifiedCount()).toBe(before)
    expect(await auditFor(requested.body.id)).toContainEqual(
      expect.objectContaining({ action: 'certification.revoke', reason: '证书已被发证机关撤销', actorId: expect.any(String) }),
    )
  })

  it('are rejected only with a reason, and a rejected one shows no badge', async () => {
    const { supplier, listing } = await supplierOnTheMarket('绿色二号')
    const requested = await request(supplier, { kind: 'specialised' })
    const noReason = await decide(requested.body.id, { decision: 'reject' })
    expect(noReason.status).toBe(400)
    const rejected = await decide(requested.body.id, { decision: 'reject', reason: '证书编号查询不到' })
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: '证书编号查询不到' })
    expect((await decide(requested.body.id, { decision: 'approve' })).status).toBe(409)
    expect((await cardOf(listing.id))?.supplier.certifications).toBeUndefined()
    expect(await auditFor(requested.body.id)).toContainEqual(
      expect.objectContaining({ action: 'certification.reject', reason: '证书编号查询不到' }),
    )
  })

  it('refuse a certificate already expired, or a photo the sender did not upload', async () => {
    const supplier = await market.verifiedSupplier('绿色三号')
    expect((await request(supplier, { expiresOn: inDays(-1) })).body.error.code).toBe('certification.expired')
    const other = await market.verifiedSupplier('别人')
    const foreign = await market.call<Refusal>('/api/suppliers/me/certifications', {
      method: 'POST',
      cookie: supplier.cookie,
      body: await certificate(other),
    })
    expect(foreign.status).toBe(400)
    expect(foreign.body.error.code).toBe('certification.foreign_document')
  })

  it('expire after their last day: no badge at read even before the daily job, which then takes them off', async () => {
    const { supplier, listing } = await supplierOnTheMarket('绿色四号')
    // Added directly by the administrator, with the certificate's photo it uploaded; valid through today.
    const added = await market.call<Certification>(`/api/admin/suppliers/${supplier.user.id}/certifications`, {
      method: 'POST',
      cookie: admin.cookie,
      body: await certificate(admin, { kind: 'green_supply_chain', expiresOn: today() }),
    })
    expect(added.status).toBe(201)
    expect(added.body).toMatchObject({ status: 'approved', requestedBy: 'admin' })
    expect((await cardOf(listing.id))?.supplier.certifications).toEqual(['green_supply_chain'])
    expect(await auditFor(added.body.id)).toContainEqual(expect.objectContaining({ action: 'certification.add' }))

    // Tomorrow, before any job: the market no longer shows it.
    const tomorrow = { now: () => new Date(Date.now() + 24 * 3600 * 1000) }
    const later = createListingsApp({ ...buildDeps(testMarketConfig(market.tableName), () => {}), clock: tomorrow })
    const callLater = async <T>(path: string) => ({ body: (await (await later.request(path)).json()) as T })
    const laterCards = (await callLater<ListingPage>('/api/listings?limit=50')).body.items
    expect(laterCards.find((card) => card.id === listing.id)?.supplier.certifications).toBeUndefined()
    expect((await greenListings(callLater as TestMarket['call'])).map((card) => card.id)).not.toContain(listing.id)

    // The job takes it off: expired in the supplier's list, out of the registry.
    const result = await runJobs({ ...buildJobDeps(testMarketConfig(market.tableName)), clock: tomorrow })
    expect(result.certifications.expired).toBeGreaterThanOrEqual(1)
    const mine = await market.call<CertificationPage>('/api/suppliers/me/certifications', { cookie: supplier.cookie })
    expect(mine.body.items.find((item) => item.id === added.body.id)?.status).toBe('expired')
    const registry = await buildDeps(testMarketConfig(market.tableName), () => {}).registry.registry()
    expect(registry[supplier.user.id]).toBeUndefined()
  })
})
