import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type {
  Listing,
  ListingPage,
  ListingWithSupplier,
  MeResponse,
  NotificationsResponse,
  UploadTicket,
} from '@market/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import { wovenPng } from '../../functions/local/demo-photos.ts'
import { testDynamo } from '../support/dynamo.ts'
import { listingInput, startTestMarket, type TestMarket } from '../support/market.ts'

let market: TestMarket
let admin: { cookie: string }

type Account = Awaited<ReturnType<TestMarket['register']>>

const verifiedSupplier = (name?: string): Promise<Account> => market.verifiedSupplier(name)
const create = (supplier: Account, overrides: Record<string, unknown> = {}) => market.createListing(supplier, overrides)
const publish = (supplier: Account, overrides: Record<string, unknown> = {}) => market.publishListing(supplier, overrides)

const browse = async (query: Record<string, string>) => {
  const answer = await market.call<ListingPage>(`/api/listings?${new URLSearchParams(query)}`)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body
}
const ids = (page: ListingPage) => page.items.map((item) => item.id)

beforeAll(async () => {
  market = await startTestMarket('listings')
  admin = await market.signInAdmin()
})

describe('publishing and finding a listing', () => {
  let published: Listing
  let supplier: Account

  beforeAll(async () => {
    supplier = await verifiedSupplier()
    published = await publish(supplier, {
      title: { zh: '牦牛绒混纺面料 拉萨样品', bo: 'ཀླུ་སྒྲུབ་ཁུ་ལུ་སྲེས་མ།', en: 'Nagqu Yak Down Blend' },
    })
  })

  it.each([
    ['its category', { category: 'yak-down' }],
    ['a Chinese word inside the title', { q: '牦牛' }],
    ['a part of a Chinese word', { q: '牛绒混' }],
    ['a Tibetan syllable', { q: 'ཀླུ' }],
    ['an English word in another case', { q: 'yak' }],
    ['an English prefix', { q: 'nagq' }],
    ['two words together', { q: 'YAK 拉萨' }],
    ['its origin', { origin: '那曲' }],
  ])('is found by %s', async (_how, query) => {
    const page = await browse(query)
    expect(ids(page)).toContain(published.id)
    const card = page.items.find((item) => item.id === published.id)
    expect(card).toMatchObject({ fromPriceFen: 16800, currency: 'CNY', supplier: { id: supplier.user.id, verified: true } })
    // The card's range runs up to the price at the MOQ, with the stock beside it.
    expect(card).toMatchObject({ moqPriceFen: 18800, stock: 600 })
  })

  it.each([
    ['an unrelated word', { q: '丝绸' }],
    ['another category', { category: 'silk' }],
    ['a price range above it', { minPrice: '20000' }],
    ['a search with one matching and one missing word', { q: 'yak silk' }],
  ])('is not found by %s', async (_how, query) => {
    expect(ids(await browse(query))).not.toContain(published.id)
  })

  it('shows the supplier and tiers on its page, to anyone', async () => {
    const page = await market.call<ListingWithSupplier>(`/api/listings/${published.id}`)
    expect(page.status).toBe(200)
    expect(page.body.priceTiers).toHaveLength(2)
    expect(page.body.supplier).toMatchObject({ company: '次仁 公司', verified: true })
    expect(page.body).not.toHaveProperty('indexedTerms')
  })

  it('tells the supplier it was approved, once, and counts it unread until read', async () => {
    const notifications = await market.call<NotificationsResponse>('/api/notifications', { cookie: supplier.cookie })
    const approvals = notifications.body.items.filter(
      (item) => item.type === 'listing.approved' && item.params.listingId === published.id,
    )
    expect(approvals).toHaveLength(1)
    expect(notifications.body.unread).toBeGreaterThanOrEqual(1)
    const unreadBefore = notifications.body.unread
    await market.call('/api/notifications/read', { method: 'POST', cookie: supplier.cookie, body: { ids: [approvals[0]?.id] } })
    await market.call('/api/notifications/read', { method: 'POST', cookie: supplier.cookie, body: { ids: [approvals[0]?.id] } })
    const after = await market.call<NotificationsResponse>('/api/notifications', { cookie: supplier.cookie })
    expect(after.body.unread).toBe(unreadBefore - 1)
    expect(after.body.items.find((item) => item.id === approvals[0]?.id)?.read).toBe(true)
  })
})

describe('what buyers never see', () => {
  it('hides drafts, pending, rejected, suspended and archived listings, and those of suspended suppliers', async () => {
    const supplier = await verifiedSupplier('藏')
    const marker = { en: 'Hiddenmarker Wool' }
    const withTitle = (zh: string) => ({ title: { zh, ...marker }, categoryId: 'wool' })

    const draft = await create(supplier, withTitle('草稿羊毛'))
    const pending = await create(supplier, withTitle('待审羊毛'))
    await market.call(`/api/listings/${pending.id}/submit`, { method: 'POST', cookie: supplier.cookie })
    const rejected = await create(supplier, withTitle('驳回羊毛'))
    await market.call(`/api/listings/${rejected.id}/submit`, { method: 'POST', cookie: supplier.cookie })
    expect(
      (
        await market.call(`/api/admin/listings/${rejected.id}/reject`, {
          method: 'POST',
          cookie: admin.cookie,
          body: { reason: '图片不清楚' },
        })
      ).status,
    ).toBe(200)
    const suspended = await publish(supplier, withTitle('下架羊毛'))
    expect(
      (
        await market.call(`/api/admin/listings/${suspended.id}/suspend`, {
          method: 'POST',
          cookie: admin.cookie,
          body: { reason: '假冒' },
        })
      ).status,
    ).toBe(200)
    const archived = await publish(supplier, withTitle('归档羊毛'))
    expect((await market.call(`/api/listings/${archived.id}/archive`, { method: 'POST', cookie: supplier.cookie })).status).toBe(
      200,
    )

    const otherSupplier = await verifiedSupplier('多吉')
    const ofSuspendedSupplier = await publish(otherSupplier, withTitle('停权商户羊毛'))
    const visible = await publish(supplier, withTitle('可见羊毛'))
    expect(ids(await browse({ q: 'hiddenmarker' }))).toContain(ofSuspendedSupplier.id)
    await market.call(`/api/admin/users/${otherSupplier.user.id}/suspend`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { reason: '执照过期' },
    })

    const hidden = [draft, pending, rejected, suspended, archived, ofSuspendedSupplier].map((listing) => listing.id)
    const queries: Record<string, string>[] = [
      { q: 'hiddenmarker' },
      { category: 'wool' },
      {},
      { q: '羊毛' },
      { q: 'wool', sort: 'price_asc' },
    ]
    for (const query of queries) {
      const found = ids(await browse({ ...query, limit: '50' }))
      expect(
        found.filter((id) => hidden.includes(id)),
        JSON.stringify(query),
      ).toEqual([])
    }
    expect(ids(await browse({ q: 'hiddenmarker' }))).toContain(visible.id)
    for (const id of hidden) expect((await market.call(`/api/listings/${id}`)).status).toBe(404)
    // The owner still sees its own, with the reason.
    const own = await market.call<Listing>(`/api/listings/${rejected.id}`, { cookie: supplier.cookie })
    expect(own.body).toMatchObject({ status: 'rejected', moderationReason: '图片不清楚' })

    await market.call(`/api/admin/listings/${suspended.id}/reinstate`, { method: 'POST', cookie: admin.cookie })
    expect(ids(await browse({ q: 'hiddenmarker' }))).toContain(suspended.id)
  })
})

describe('the rules of a listing', () => {
  it('refuses to publish for an unverified supplier, saying why', async () => {
    const supplier = await market.register('supplier')
    const draft = await create(supplier)
    const answer = await market.call<{ error: { code: string; message: string } }>(`/api/listings/${draft.id}/submit`, {
      method: 'POST',
      cookie: supplier.cookie,
    })
    expect(answer.status).toBe(403)
    expect(answer.body.error.code).toBe('supplier.not_verified')
    expect(answer.body.error.message).toMatch(/verif/i)
  })

  it('does not let another supplier or a buyer edit a listing', async () => {
    const owner = await verifiedSupplier()
    const listing = await create(owner)
    const other = await verifiedSupplier('别人')
    const buyer = await market.register('buyer')
    expect(
      (
        await market.call(`/api/listings/${listing.id}`, {
          method: 'PATCH',
          cookie: other.cookie,
          body: { version: 1, stock: 0 },
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await market.call(`/api/listings/${listing.id}`, {
          method: 'PATCH',
          cookie: buyer.cookie,
          body: { version: 1, stock: 0 },
        })
      ).status,
    ).toBe(403)
    expect((await market.call(`/api/listings/${listing.id}/archive`, { method: 'POST', cookie: other.cookie })).status).toBe(403)
    const after = await market.call<Listing>(`/api/listings/${listing.id}`, { cookie: owner.cookie })
    expect(after.body).toMatchObject({ stock: 600, version: 1, status: 'draft' })
  })

  it('refuses a stale version with 412 and changes nothing', async () => {
    const owner = await verifiedSupplier()
    const listing = await create(owner)
    expect(
      (
        await market.call(`/api/listings/${listing.id}`, {
          method: 'PATCH',
          cookie: owner.cookie,
          body: { version: 1, stock: 10 },
        })
      ).status,
    ).toBe(200)
    const stale = await market.call<{ error: { code: string } }>(`/api/listings/${listing.id}`, {
      method: 'PATCH',
      cookie: owner.cookie,
      body: { version: 1, stock: 99 },
    })
    expect(stale.status).toBe(412)
    expect(stale.body.error.code).toBe('listing.stale_version')
    expect((await market.call<Listing>(`/api/listings/${listing.id}`, { cookie: owner.cookie })).body.stock).toBe(10)
  })

  it('lets only one of two concurrent edits from the same version win', async () => {
    const owner = await verifiedSupplier()
    const listing = await create(owner)
    const answers = await Promise.all(
      [11, 22].map((stock) =>
        market.call(`/api/listings/${listing.id}`, { method: 'PATCH', cookie: owner.cookie, body: { version: 1, stock } }),
      ),
    )
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412])
  })

  it.each([
    [
      'tiers out of order',
      {
        priceTiers: [
          { minQty: 50, unitPriceFen: 100 },
          { minQty: 5, unitPriceFen: 90 },
        ],
      },
      'priceTiers.1.minQty',
    ],
    [
      'a dearer bulk price',
      {
        priceTiers: [
          { minQty: 5, unitPriceFen: 100 },
          { minQty: 50, unitPriceFen: 120 },
        ],
      },
      'priceTiers.1.unitPriceFen',
    ],
    ['a first tier above the MOQ', { moq: 2 }, 'priceTiers.0.minQty'],
    ['a price in yuan with decimals', { priceTiers: [{ minQty: 5, unitPriceFen: 12.5 }] }, 'priceTiers.0.unitPriceFen'],
    ['a negative stock', { stock: -1 }, 'stock'],
    [
      'nine photos',
      { photos: Array.from({ length: 9 }, () => 'photos/01ARZ3NDEKTSV4RRFFQ69G5FAV/01ARZ3NDEKTSV4RRFFQ69G5FAV.png') },
      'photos',
    ],
    ['no Chinese title', { title: { en: 'Only English' } }, 'title.zh'],
    ['an unknown unit', { unit: 'barrel' }, 'unit'],
  ])('refuses %s with 400 naming the field', async (_name, overrides, field) => {
    const owner = await verifiedSupplier()
    const answer = await market.call<{ error: { code: string; details: { path: (string | number)[] }[] } }>('/api/listings', {
      method: 'POST',
      cookie: owner.cookie,
      body: listingInput(overrides),
    })
    expect(answer.status).toBe(400)
    expect(answer.body.error.details.map((issue) => issue.path.join('.'))).toContain(field)
    expect((await market.call<{ items: unknown[] }>('/api/suppliers/me/listings', { cookie: owner.cookie })).body.items).toEqual(
      [],
    )
  })

  it('checks an edit of the MOQ alone against the stored tiers', async () => {
    const owner = await verifiedSupplier()
    const listing = await create(owner)
    const answer = await market.call<{ error: { details: { path: string[] }[] } }>(`/api/listings/${listing.id}`, {
      method: 'PATCH',
      cookie: owner.cookie,
      body: { version: 1, moq: 2 },
    })
    expect(answer.status).toBe(400)
    expect(answer.body.error.details[0]?.path).toEqual(['moq'])
  })

  it('refuses an unknown category', async () => {
    const owner = await verifiedSupplier()
    const answer = await market.call('/api/listings', {
      method: 'POST',
      cookie: owner.cookie,
      body: listingInput({ categoryId: 'unobtainium' }),
    })
    expect(answer.status).toBe(400)
  })
})

describe('editing an active listing', () => {
  it('applies price and stock at once, and holds title changes for review while the approved title stays visible', async () => {
    const owner = await verifiedSupplier()
    const listing = await publish(owner, {
      title: { zh: '冲赛康绣线 原版', en: 'Originalthread' },
      categoryId: 'embroidery-thread',
    })
    const edited = await market.call<Listing>(`/api/listings/${listing.id}`, {
      method: 'PATCH',
      cookie: owner.cookie,
      body: {
        version: listing.version,
        priceTiers: [{ minQty: 5, unitPriceFen: 9900 }],
        stock: 3,
        title: { zh: '冲赛康绣线 新版', en: 'Revisedthread' },
      },
    })
    expect(edited.status).toBe(200)
    expect(edited.body.status).toBe('active')
    expect(edited.body.revision?.title?.en).toBe('Revisedthread')

    const publicView = await market.call<Listing>(`/api/listings/${listing.id}`)
    expect(publicView.body.title.en).toBe('Originalthread')
    expect(publicView.body).not.toHaveProperty('revision')
    expect(publicView.body.fromPriceFen).toBe(9900)
    expect((await browse({ q: 'originalthread' })).items[0]).toMatchObject({ id: listing.id, fromPriceFen: 9900 })
    expect(ids(await browse({ q: 'revisedthread' }))).toEqual([])

    const queue = await market.call<{ items: Listing[] }>('/api/admin/listings?status=pending_review', { cookie: admin.cookie })
    expect(queue.body.items.map((item) => item.id)).toContain(listing.id)
    expect(
      (await market.call(`/api/admin/listings/${listing.id}/approve`, { method: 'POST', cookie: admin.cookie })).status,
    ).toBe(200)
    expect(ids(await browse({ q: 'revisedthread' }))).toEqual([listing.id])
    expect(ids(await browse({ q: 'originalthread' }))).toEqual([])
  })

  it('sends a rejected listing back to review when it is edited', async () => {
    const owner = await verifiedSupplier()
    const listing = await create(owner)
    await market.call(`/api/listings/${listing.id}/submit`, { method: 'POST', cookie: owner.cookie })
    await market.call(`/api/admin/listings/${listing.id}/reject`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { reason: '标题不清楚' },
    })
    const current = await market.call<Listing>(`/api/listings/${listing.id}`, { cookie: owner.cookie })
    const edited = await market.call<Listing>(`/api/listings/${listing.id}`, {
      method: 'PATCH',
      cookie: owner.cookie,
      body: { version: current.body.version, title: { zh: '牦牛绒混纺面料 150厘米' } },
    })
    expect(edited.body).toMatchObject({ status: 'pending_review' })
    expect(edited.body.moderationReason).toBeUndefined()
  })
})

describe('photos', () => {
  /** A photo uploaded as the browser does: a ticket, then a PUT of `bytes` to the presigned URL. */
  const upload = async (who: Account, bytes: Buffer, contentType = 'image/png') => {
    const ticket = await market.call<UploadTicket>('/api/uploads', {
      method: 'POST',
      cookie: who.cookie,
      body: { contentType, size: bytes.length },
    })
    expect(ticket.status).toBe(201)
    const put = await fetch(ticket.body.uploadUrl, { method: 'PUT', headers: ticket.body.headers, body: new Uint8Array(bytes) })
    return { ticket: ticket.body, stored: put.status }
  }
  const png = wovenPng({ warp: [140, 29, 24], weft: [201, 154, 46], width: 64, height: 48 })
  type Refusal = { error: { code: string; details: { path: (string | number)[] }[] } }

  it('hands out a presigned upload that stores the photo, which a listing can then show', async () => {
    const owner = await verifiedSupplier()
    const ticket = await market.call<UploadTicket>('/api/uploads', {
      method: 'POST',
      cookie: owner.cookie,
      body: { contentType: 'image/png', size: png.length },
    })
    expect(ticket.status).toBe(201)
    expect(ticket.body.key).toMatch(new RegExp(`^photos/${owner.user.id}/[0-9A-Z]{26}\\.png$`))
    const put = (body: Buffer, headers = ticket.body.headers) =>
      fetch(ticket.body.uploadUrl, { method: 'PUT', headers, body: new Uint8Array(body) })

    expect((await put(Buffer.concat([png, Buffer.from('more')]))).status).toBe(403) // not the announced size
    expect((await put(png, { 'Content-Type': 'text/html' })).status).toBe(403) // not the announced type
    expect((await put(png)).status).toBe(200)
    const served = await market.app.request(`/${ticket.body.key}`)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)

    const listing = await publish(owner, { photos: [ticket.body.key] })
    expect((await browse({ category: 'yak-down' })).items.find((item) => item.id === listing.id)?.photo).toBe(ticket.body.key)
  })

  it('refuses a listing, an edit or a request naming a photo that is not the image its key says, naming the photo', async () => {
    const owner = await verifiedSupplier()
    const page = Buffer.from('<!doctype html><script>alert(document.cookie)</script>')
    const good = await upload(owner, png)
    const disguised = await upload(owner, page)
    // The store takes the bytes it was promised the size and type of; what they are is checked when a photo is used.
    expect([good.stored, disguised.stored]).toEqual([200, 200])
    const refused = (answer: { status: number; body: unknown }, index: number) => {
      expect(answer.status).toBe(400)
      expect((answer.body as Refusal).error).toMatchObject({ code: 'photo.not_image', details: [{ path: ['photos', index] }] })
    }
    const body = (photos: string[]) => listingInput({ photos })
    refused(
      await market.call('/api/listings', {
        method: 'POST',
        cookie: owner.cookie,
        body: body([good.ticket.key, disguised.ticket.key]),
      }),
      1,
    )
    const neverUploaded = `photos/${owner.user.id}/01ARZ3NDEKTSV4RRFFQ69G5FAV.jpg`
    refused(await market.call('/api/listings', { method: 'POST', cookie: owner.cookie, body: body([neverUploaded]) }), 0)

    const listing = await create(owner, { photos: [good.ticket.key] })
    const edit = (photos: string[]) =>
      market.call(`/api/listings/${listing.id}`, {
        method: 'PATCH',
        cookie: owner.cookie,
        body: { version: listing.version, photos },
      })
    refused(await edit([good.ticket.key, disguised.ticket.key]), 1)
    expect((await edit([(await upload(owner, png)).ticket.key, good.ticket.key])).status).toBe(200)

    const buyer = await market.register('buyer')
    const sample = await upload(buyer, page, 'image/jpeg')
    const request = await market.call('/api/rfqs', {
      method: 'POST',
      cookie: buyer.cookie,
      body: {
        title: '样品照片',
        categoryId: 'wool',
        specs: '见照片',
        quantity: 10,
        unit: 'kg',
        neededBy: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10),
        bidDeadline: new Date(Date.now() + 48 * 3600 * 1000).toISOString(),
        photos: [sample.ticket.key],
      },
    })
    refused(request, 0)
  })

  it('takes uploads signed only with this market’s own key', async () => {
    const owner = await verifiedSupplier()
    const { ticket } = await upload(owner, png)
    // The same upload signed with credentials anyone could know: npm start's default AWS keys, the DynamoDB client's.
    for (const credentials of [{ accessKeyId: 'local', secretAccessKey: 'local' }, testDynamo().credentials]) {
      const forged = new S3Client({
        endpoint: `${new URL(ticket.uploadUrl).origin}/_s3`,
        forcePathStyle: true,
        region: 'cn-local-1',
        ...(credentials ? { credentials } : {}),
      })
      const url = await getSignedUrl(
        forged,
        new PutObjectCommand({ Bucket: 'photos', Key: ticket.key, ContentType: 'image/png', ContentLength: png.length }),
        { signableHeaders: new Set(['content-type', 'content-length']) },
      )
      expect((await fetch(url, { method: 'PUT', headers: ticket.headers, body: new Uint8Array(png) })).status).toBe(403)
    }
  })

  it('answers a photo path that is not valid percent-encoding with 400', async () => {
    for (const path of ['/photos/%E0%A4%A', '/photos/%']) expect((await market.app.request(path)).status, path).toBe(400)
  })

  it.each([
    ['a 6 MB photo', { contentType: 'image/jpeg', size: 6 * 1024 * 1024 }],
    ['an HTML file', { contentType: 'text/html', size: 1000 }],
    ['an empty file', { contentType: 'image/png', size: 0 }],
  ])('refuses %s', async (_name, body) => {
    const owner = await verifiedSupplier()
    const answer = await market.call<{ error: { code: string } }>('/api/uploads', { method: 'POST', cookie: owner.cookie, body })
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('request.invalid')
  })

  it('does not accept another supplier’s photo on a listing', async () => {
    const owner = await verifiedSupplier()
    const other = await verifiedSupplier('别人')
    const answer = await market.call('/api/listings', {
      method: 'POST',
      cookie: owner.cookie,
      body: listingInput({ photos: [`photos/${other.user.id}/01ARZ3NDEKTSV4RRFFQ69G5FAV.png`] }),
    })
    expect(answer.status).toBe(400)
  })
})

describe('browsing', () => {
  it('pages through results in price order with a cursor, and refuses a cursor from another sort', async () => {
    const owner = await verifiedSupplier()
    const prices = [500, 300, 900, 100, 700]
    for (const [index, price] of prices.entries()) {
      await publish(owner, {
        title: { zh: `分页纽扣 ${index}`, en: 'Pagingbutton' },
        categoryId: 'buttons',
        priceTiers: [{ minQty: 1, unitPriceFen: price }],
        moq: 1,
      })
    }
    const first = await browse({ q: 'pagingbutton', sort: 'price_asc', limit: '2' })
    expect(first.items.map((item) => item.fromPriceFen)).toEqual([100, 300])
    const second = await browse({ q: 'pagingbutton', sort: 'price_asc', limit: '2', cursor: first.nextCursor as string })
    expect(second.items.map((item) => item.fromPriceFen)).toEqual([500, 700])
    const third = await browse({ q: 'pagingbutton', sort: 'price_asc', limit: '2', cursor: second.nextCursor as string })
    expect(third.items.map((item) => item.fromPriceFen)).toEqual([900])
    expect(third.nextCursor).toBeNull()
    expect((await browse({ q: 'pagingbutton', sort: 'price_desc', limit: '5' })).items.map((item) => item.fromPriceFen)).toEqual([
      900, 700, 500, 300, 100,
    ])
    const mixed = await market.call(
      `/api/listings?q=pagingbutton&sort=newest&cursor=${encodeURIComponent(first.nextCursor as string)}`,
    )
    expect(mixed.status).toBe(400)
  })

  it('filters to what is in stock', async () => {
    const owner = await verifiedSupplier()
    const empty = await publish(owner, { title: { zh: '库存测试', en: 'Stockprobe' }, stock: 0 })
    expect(ids(await browse({ q: 'stockprobe' }))).toContain(empty.id)
    expect(ids(await browse({ q: 'stockprobe', inStock: 'true' }))).toEqual([])
  })

  it.each([
    ['limit=500'],
    ['sort=cheapest'],
    ['minPrice=-1'],
    ['minPrice=500&maxPrice=100'],
    ['inStock=perhaps'],
    ['cursor=not-a-cursor'],
  ])('refuses %s with 400', async (query) => {
    expect((await market.call(`/api/listings?${query}`)).status).toBe(400)
  })
})

describe('supplier lists', () => {
  it('shows a supplier all of its own listings, in every status, and no one else’s', async () => {
    const owner = await verifiedSupplier()
    const other = await verifiedSupplier('别人')
    const draft = await create(owner)
    const live = await publish(owner)
    await create(other)
    const own = await market.call<{ items: Listing[] }>('/api/suppliers/me/listings', { cookie: owner.cookie })
    expect(own.body.items.map((item) => item.id).sort()).toEqual([draft.id, live.id].sort())
    const me = await market.call<MeResponse>('/api/me', { cookie: owner.cookie })
    expect(own.body.items.every((item) => item.supplierId === me.body.id)).toBe(true)
  })
})

describe('the taxonomy', () => {
  it('lets an administrator add a category, once, and rename it, with audit entries', async () => {
    const id = `felt-${Date.now()}`
    const body = { id, group: 'fabric', name: { zh: '毛毡', en: 'Felt' }, sortOrder: 105 }
    expect((await market.call('/api/admin/categories', { method: 'POST', cookie: admin.cookie, body })).status).toBe(201)
    expect((await market.call('/api/admin/categories', { method: 'POST', cookie: admin.cookie, body })).status).toBe(409)
    const renamed = await market.call(`/api/admin/categories/${id}`, {
      method: 'PATCH',
      cookie: admin.cookie,
      body: { name: { zh: '毛毡', bo: 'ཕྱིང་པ།', en: 'Felt' } },
    })
    expect(renamed.status).toBe(200)
    const catalog = await market.call<{ categories: { id: string; name: { bo?: string } }[] }>('/api/categories')
    expect(catalog.body.categories.find((category) => category.id === id)?.name.bo).toBe('ཕྱིང་པ།')
    const audit = await market.call<{ items: { action: string; targetId: string }[] }>('/api/admin/audit?limit=100', {
      cookie: admin.cookie,
    })
    expect(audit.body.items.filter((entry) => entry.targetId === id).map((entry) => entry.action)).toEqual([
      'category.update',
      'category.add',
    ])
  })
})
