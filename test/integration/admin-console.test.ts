import type { AdminQueueCounts, AuditEntry, Listing, ListingPage, User } from '@market/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import { startTestMarket, type TestMarket } from '../support/market.ts'

let market: TestMarket
let admin: { cookie: string }

type Account = Awaited<ReturnType<TestMarket['register']>>
type ReportedQueue = {
  items: {
    listing: { id: string }
    reportCount: number
    firstReportedAt: string
    reports: { byName: string; reason: string }[]
  }[]
}

const queues = async () => {
  const answer = await market.call<AdminQueueCounts>('/api/admin/queues', { cookie: admin.cookie })
  expect(answer.status).toBe(200)
  return answer.body
}
const reportedQueue = async () => {
  const answer = await market.call<ReportedQueue>('/api/admin/listings/reported', { cookie: admin.cookie })
  expect(answer.status).toBe(200)
  return answer.body.items
}
const report = (listingId: string, who: { cookie: string }, reason: string) =>
  market.call<{ listingId: string; reportedAt: string }>(`/api/listings/${listingId}/report`, {
    method: 'POST',
    cookie: who.cookie,
    body: { reason },
  })
const found = async (query: Record<string, string>, listingId: string) => {
  const answer = await market.call<ListingPage>(`/api/listings?${new URLSearchParams(query)}`)
  expect(answer.status).toBe(200)
  return answer.body.items.some((item) => item.id === listingId)
}
const auditOf = async (targetId: string) => {
  const answer = await market.call<{ items: AuditEntry[] }>('/api/admin/audit?limit=100', { cookie: admin.cookie })
  return answer.body.items.filter((entry) => entry.targetId === targetId)
}

beforeAll(async () => {
  market = await startTestMarket('admin-console')
  admin = await market.signInAdmin()
})

describe('reporting a listing', () => {
  let supplier: Account
  let buyer: Account
  let otherBuyer: Account
  let listing: Listing

  beforeAll(async () => {
    supplier = await market.verifiedSupplier('扎西')
    buyer = await market.register('buyer', '卓玛')
    otherBuyer = await market.register('buyer', '央金')
    listing = await market.publishListing(supplier, { title: { zh: '举报测试 氆氇', en: 'Reported pulu' } })
  })

  it('puts the listing in the reported queue, once per user, with every reporter and reason, and counts it', async () => {
    const before = await queues()
    const first = await report(listing.id, buyer, '图片与描述不符')
    expect(first.status).toBe(200)
    // A repeat by the same user is the same report, not a second one.
    const repeat = await report(listing.id, buyer, '再次举报')
    expect(repeat.status).toBe(200)
    expect(repeat.body.reportedAt).toBe(first.body.reportedAt)
    expect((await report(listing.id, otherBuyer, '疑似假货')).status).toBe(200)

    const entry = (await reportedQueue()).find((item) => item.listing.id === listing.id)
    expect(entry).toMatchObject({ reportCount: 2, firstReportedAt: first.body.reportedAt })
    expect(entry?.reports.map((one) => [one.byName, one.reason])).toEqual([
      ['卓玛', '图片与描述不符'],
      ['央金', '疑似假货'],
    ])
    expect((await queues()).reportedListings).toBe(before.reportedListings + 1)
  })

  it('refuses the supplier’s own listing, a listing not on the market, and anyone signed out', async () => {
    expect((await report(listing.id, supplier, '自己')).status).toBe(403)
    const draft = await market.createListing(supplier)
    expect((await report(draft.id, buyer, '草稿')).status).toBe(404)
    const signedOut = await market.call(`/api/listings/${listing.id}/report`, { method: 'POST', body: { reason: 'x' } })
    expect(signedOut.status).toBe(401)
  })

  it('suspending the listing takes it out of search and category browse at once, and settles its reports', async () => {
    expect(await found({ q: '氆氇' }, listing.id)).toBe(true)
    expect(await found({ category: listing.categoryId }, listing.id)).toBe(true)
    const before = await queues()
    const suspended = await market.call<Listing>(`/api/admin/listings/${listing.id}/suspend`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { reason: '举报属实' },
    })
    expect(suspended.status).toBe(200)
    expect(await found({ q: '氆氇' }, listing.id)).toBe(false)
    expect(await found({ category: listing.categoryId }, listing.id)).toBe(false)
    expect((await reportedQueue()).map((item) => item.listing.id)).not.toContain(listing.id)
    expect((await queues()).reportedListings).toBe(before.reportedListings - 1)
    // Off the market, it cannot be reported again.
    expect((await report(listing.id, buyer, '再次')).status).toBe(404)
  })

  it('dismissing the reports keeps the listing on the market, with an audit entry; a later report opens a new round', async () => {
    const kept = await market.publishListing(supplier, { title: { zh: '举报驳回 羊毛' } })
    await report(kept.id, buyer, '价格太低')
    const dismissed = await market.call(`/api/admin/listings/${kept.id}/reports/dismiss`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { reason: '价格正常' },
    })
    expect(dismissed.status).toBe(200)
    expect((await reportedQueue()).map((item) => item.listing.id)).not.toContain(kept.id)
    expect(await found({ q: '驳回' }, kept.id)).toBe(true)
    expect(await auditOf(kept.id)).toContainEqual(
      expect.objectContaining({ action: 'listing.reports_dismissed', reason: '价格正常', actorId: expect.any(String) }),
    )
    // Nothing left to dismiss.
    const again = await market.call(`/api/admin/listings/${kept.id}/reports/dismiss`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { reason: '再次' },
    })
    expect(again.status).toBe(409)
    // The same user may report again once the first report was settled.
    await report(kept.id, buyer, '还是太低')
    const entry = (await reportedQueue()).find((item) => item.listing.id === kept.id)
    expect(entry?.reports.map((one) => one.reason)).toEqual(['还是太低'])
  })
})

describe('the console’s queue counts', () => {
  it('count what waits: a listing to review and a supplier to verify add one each', async () => {
    const before = await queues()
    const supplier = await market.verifiedSupplier('平措')
    const draft = await market.createListing(supplier)
    await market.call(`/api/listings/${draft.id}/submit`, { method: 'POST', cookie: supplier.cookie })
    const waiting = await market.register('supplier', '旺堆')
    await market.call('/api/suppliers/me/verification', {
      method: 'POST',
      cookie: waiting.cookie,
      body: { licenseNumber: 'XYZ123456', contactPhone: '13911112222' },
    })
    const after = await queues()
    expect(after).toMatchObject({
      listingsToReview: before.listingsToReview + 1,
      verifications: before.verifications + 1,
      bankAccountChanges: before.bankAccountChanges,
    })
  })
})

describe('searching users', () => {
  let found: User
  beforeAll(async () => {
    const answer = await market.call<User>('/api/auth/register', {
      method: 'POST',
      body: {
        email: 'dawa.search@highland-wool.example',
        password: 'correct horse battery',
        name: '达瓦',
        role: 'buyer',
        company: { name: 'Highland Wool 拉萨毛纺厂', phone: '+86 139 8901 5678' },
      },
    })
    expect(answer.status).toBe(201)
    found = answer.body
  })

  const search = async (q: string, extra: Record<string, string> = {}) => {
    const answer = await market.call<{ items: User[] }>(`/api/admin/users?${new URLSearchParams({ q, ...extra })}`, {
      cookie: admin.cookie,
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    return answer.body.items.map((user) => user.id)
  }

  it.each([
    ['the start of the email', 'dawa.sea'],
    ['the email in capitals', 'DAWA.SEARCH@'],
    ['the start of the company name', 'highl'],
    ['a later word of the company name', 'wool'],
    ['a part of the Chinese company name', '毛纺'],
    ['the phone as dialled at home', '139 8901'],
    ['the last digits of the phone', '5678'],
  ])('finds an account by %s', async (_how, q) => {
    expect(await search(q)).toContain(found.id)
  })

  it('finds nothing for what the account does not start with, and keeps the role and status filters', async () => {
    expect(await search('ool')).not.toContain(found.id)
    expect(await search('8901')).not.toContain(found.id)
    expect(await search('dawa.sea', { role: 'supplier' })).not.toContain(found.id)
    expect(await search('dawa.sea', { role: 'buyer', status: 'active' })).toContain(found.id)
  })

  it('suspends and reinstates an account it found, with a reason', async () => {
    const suspended = await market.call<User>(`/api/admin/users/${found.id}/suspend`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { reason: '虚假信息' },
    })
    expect(suspended.body.status).toBe('suspended')
    expect(await search('dawa', { status: 'suspended' })).toContain(found.id)
    const reinstated = await market.call<User>(`/api/admin/users/${found.id}/reinstate`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { reason: '已核实' },
    })
    expect(reinstated.body.status).toBe('active')
  })
})
