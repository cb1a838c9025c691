import type { Rfq, SupplierSearchResult } from '@market/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import { startTestMarket, type TestMarket, woolRequestInput } from '../support/market.ts'

/** A buyer finds verified suppliers to invite, and asks for an invoice, freight terms and a sample. */
let market: TestMarket
let buyer: Awaited<ReturnType<TestMarket['register']>>
let tashi: Awaited<ReturnType<TestMarket['verifiedSupplier']>>

const search = async (query: Record<string, string>, cookie = buyer.cookie) => {
  const answer = await market.call<SupplierSearchResult>(`/api/suppliers?${new URLSearchParams(query)}`, { cookie })
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body.items.map((supplier) => supplier.id)
}

beforeAll(async () => {
  market = await startTestMarket('rfq-invitations')
  buyer = await market.register('buyer', '拉姆')
  tashi = await market.verifiedSupplier('扎西绒线')
  // Approved listings make the supplier one of the category's traders.
  await market.publishListing(tashi, { categoryId: 'yak-down' })
})

describe('finding suppliers to invite', () => {
  it('finds a verified supplier by its company and by the category it trades in', async () => {
    expect(await search({ q: '扎西绒线' })).toContain(tashi.user.id)
    expect(await search({ q: '扎西', category: 'yak-down' })).toContain(tashi.user.id)
    expect(await search({ category: 'yak-down' })).toContain(tashi.user.id)
    expect(await search({ q: '扎西', category: 'silk' })).not.toContain(tashi.user.id)
    expect(await search({ q: '没有这家' })).toEqual([])
  })

  it('leaves out suppliers not verified', async () => {
    const unverified = await market.register('supplier', '扎西未认证')
    expect(await search({ q: '扎西' })).not.toContain(unverified.user.id)
  })

  it('leaves out a supplier once suspended', async () => {
    const suspended = await market.verifiedSupplier('扎西停业')
    expect(await search({ q: '扎西停业' })).toEqual([suspended.user.id])
    const admin = await market.signInAdmin()
    const answer = await market.call(`/api/admin/users/${suspended.user.id}/suspend`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { reason: '营业执照过期' },
    })
    expect(answer.status).toBe(200)
    expect(await search({ q: '扎西停业' })).toEqual([])
  })

  it('answers signed-in users only, and refuses a bad query with a 400', async () => {
    expect((await market.call('/api/suppliers?q=扎西')).status).toBe(401)
    expect((await market.call('/api/suppliers?limit=500', { cookie: buyer.cookie })).status).toBe(400)
    expect((await market.call('/api/suppliers?colour=red', { cookie: buyer.cookie })).status).toBe(400)
  })
})

describe('a request with terms and invitations', () => {
  it('keeps the invoice, freight terms and sample, and shows them to the invited supplier', async () => {
    const posted = await market.call<Rfq>('/api/rfqs', {
      method: 'POST',
      cookie: buyer.cookie,
      body: {
        ...woolRequestInput(),
        categoryId: 'yak-down',
        invoice: 'special',
        freightTerms: 'supplier',
        sampleRequired: true,
        invitedSupplierIds: [tashi.user.id],
      },
    })
    expect(posted.status, JSON.stringify(posted.body)).toBe(201)
    expect(posted.body).toMatchObject({ invoice: 'special', freightTerms: 'supplier', sampleRequired: true })
    const seen = await market.call<Rfq>(`/api/rfqs/${posted.body.id}`, { cookie: tashi.cookie })
    expect(seen.status).toBe(200)
    expect(seen.body).toMatchObject({
      invoice: 'special',
      freightTerms: 'supplier',
      sampleRequired: true,
      invitedSupplierIds: [tashi.user.id],
    })
  })

  it('asks for no invoice, freight to be agreed and no sample when the buyer says nothing', async () => {
    const posted = await market.call<Rfq>('/api/rfqs', { method: 'POST', cookie: buyer.cookie, body: woolRequestInput() })
    expect(posted.status).toBe(201)
    expect(posted.body).toMatchObject({ invoice: 'none', freightTerms: 'negotiable', sampleRequired: false })
  })

  it('refuses an invoice type it does not know, writing nothing', async () => {
    const refused = await market.call('/api/rfqs', {
      method: 'POST',
      cookie: buyer.cookie,
      body: { ...woolRequestInput(), invoice: 'receipt' },
    })
    expect(refused.status).toBe(400)
  })
})
