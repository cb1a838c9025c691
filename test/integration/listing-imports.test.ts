import type { Listing, ListingImport, UploadTicket } from '@market/contracts'
import { Listings } from '@market/core'
import { writeCsv, writeXlsx } from '@market/data/listing-files'
import iconv from 'iconv-lite'
import { beforeAll, describe, expect, it } from 'vitest'
import { startTestMarket, type TestMarket } from '../support/market.ts'

let market: TestMarket
type Account = Awaited<ReturnType<TestMarket['register']>>

const header = Listings.headerRow()
type Cells = Partial<Record<Listings.ListingColumnKey, string>>
const row = (cells: Cells) => Listings.listingColumns.map(({ key }) => cells[key] ?? '')
const goodRow = (n: number, more: Cells = {}) =>
  row({
    itemNumber: `BULK-${n}`,
    'title.zh': `江孜手纺羊毛 ${n} 号`,
    categoryId: '羊毛',
    unit: '公斤',
    priceTiers: `1:${(20 + (n % 50) / 100).toFixed(2)}`,
    moq: '1',
    stock: String(100 + n),
    leadTimeDays: '5',
    ...more,
  })

/** Uploads a file through the presigned PUT, as the page does, and starts its import. */
const importFile = async (supplier: Account, bytes: Uint8Array, format: 'csv' | 'xlsx') => {
  const ticket = await market.call<UploadTicket>('/api/suppliers/me/listing-imports/uploads', {
    method: 'POST',
    cookie: supplier.cookie,
    body: { format, size: bytes.length },
  })
  expect(ticket.status, JSON.stringify(ticket.body)).toBe(201)
  const put = await fetch(ticket.body.uploadUrl, { method: 'PUT', headers: ticket.body.headers, body: new Uint8Array(bytes) })
  expect(put.status).toBe(200)
  const started = await market.call<ListingImport>('/api/suppliers/me/listing-imports', {
    method: 'POST',
    cookie: supplier.cookie,
    body: { key: ticket.body.key },
  })
  expect(started.status, JSON.stringify(started.body)).toBe(200)
  return started.body
}

const ownListings = async (supplier: Account) => {
  const all: Listing[] = []
  let cursor: string | null = null
  do {
    const page: { status: number; body: { items: Listing[]; nextCursor: string | null } } = await market.call(
      `/api/suppliers/me/listings?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { cookie: supplier.cookie },
    )
    all.push(...page.body.items)
    cursor = page.body.nextCursor
  } while (cursor)
  return all
}

beforeAll(async () => {
  market = await startTestMarket('listing-imports')
})

describe('a 2,000-row CSV with 37 bad rows', () => {
  let supplier: Account
  let bytes: Uint8Array
  let first: ListingImport
  /** Spreadsheet rows (the header is row 1) of the bad rows, and the column each one gets wrong. */
  const bad = new Map<number, string>()

  beforeAll(async () => {
    supplier = await market.verifiedSupplier()
    const rows = Array.from({ length: 2000 }, (_, index) => {
      const n = index + 1
      if (n % 54 !== 0) return goodRow(n)
      const spreadsheetRow = n + 1
      const kind = (n / 54) % 3
      bad.set(spreadsheetRow, ['stock', 'priceTiers', 'title.zh'][kind] as string)
      return goodRow(n, [{ stock: '很多' }, { priceTiers: '1:二十' }, { 'title.zh': '' }][kind])
    })
    expect(bad.size).toBe(37)
    bytes = writeCsv([header, ...rows])
    first = await importFile(supplier, bytes, 'csv')
  }, 120_000)

  it('makes 1,963 drafts and names each bad row and its column', async () => {
    expect(first).toMatchObject({ status: 'done', rows: 2000, processed: 2000, created: 1963, errorRows: 37, repeat: false })
    expect(new Map(first.errors.map((error) => [error.row, error.field]))).toEqual(bad)
    const listings = await ownListings(supplier)
    expect(listings).toHaveLength(1963)
    expect(listings.every((listing) => listing.status === 'draft')).toBe(true)
    expect(listings.find((listing) => listing.itemNumber === 'BULK-7')).toMatchObject({
      title: { zh: '江孜手纺羊毛 7 号' },
      categoryId: 'wool',
      unit: 'kg',
      priceTiers: [{ minQty: 1, unitPriceFen: 2007 }],
      stock: 107,
    })
    const progress = await market.call<ListingImport>(`/api/suppliers/me/listing-imports/${first.id}`, {
      cookie: supplier.cookie,
    })
    expect(progress.body).toEqual(first)
  })

  it('creates nothing new when the same file comes again, and answers the earlier import', async () => {
    const again = await importFile(supplier, bytes, 'csv')
    expect(again).toEqual({ ...first, repeat: true })
    expect(await ownListings(supplier)).toHaveLength(1963)
  }, 60_000)

  it('is no one else’s to read', async () => {
    const other = await market.verifiedSupplier()
    const answer = await market.call(`/api/suppliers/me/listing-imports/${first.id}`, { cookie: other.cookie })
    expect(answer.status).toBe(404)
  })
})

describe('files in other encodings and formats', () => {
  it('imports a GBK-encoded CSV', async () => {
    const supplier = await market.verifiedSupplier()
    const text = [header, goodRow(1, { 'title.zh': '拉萨氆氇', 'specs.origin': '山南' })]
      .map((cells) => cells.join(','))
      .join('\r\n')
    const result = await importFile(supplier, new Uint8Array(iconv.encode(text, 'gbk')), 'csv')
    expect(result).toMatchObject({ status: 'done', created: 1, errorRows: 0 })
    expect((await ownListings(supplier))[0]).toMatchObject({ title: { zh: '拉萨氆氇' }, specs: { origin: '山南' } })
  })

  it('imports an XLSX with Chinese and Tibetan text', async () => {
    const supplier = await market.verifiedSupplier()
    const bytes = await writeXlsx([
      header,
      goodRow(1, { 'title.zh': '藏式邦典', 'title.bo': 'པང་གདན།', 'description.bo': 'ལག་ཐག་' }),
    ])
    const result = await importFile(supplier, bytes, 'xlsx')
    expect(result).toMatchObject({ status: 'done', created: 1, errorRows: 0 })
    expect((await ownListings(supplier))[0]).toMatchObject({
      title: { zh: '藏式邦典', bo: 'པང་གདན།' },
      description: { bo: 'ལག་ཐག་' },
    })
  })

  it('refuses a file that is not the template’s, writing nothing', async () => {
    const supplier = await market.verifiedSupplier()
    const ticket = await market.call<UploadTicket>('/api/suppliers/me/listing-imports/uploads', {
      method: 'POST',
      cookie: supplier.cookie,
      body: { format: 'csv', size: 9 },
    })
    await fetch(ticket.body.uploadUrl, { method: 'PUT', headers: ticket.body.headers, body: 'a,b\r\n1,2\r\n' })
    const answer = await market.call('/api/suppliers/me/listing-imports', {
      method: 'POST',
      cookie: supplier.cookie,
      body: { key: ticket.body.key },
    })
    expect(answer.status).toBe(400)
    expect(await ownListings(supplier)).toEqual([])
  })
})

describe('rows with a known item number (货号)', () => {
  it('update the price and stock of an active listing in place, at once, without review', async () => {
    const supplier = await market.verifiedSupplier()
    const active = await market.publishListing(supplier, { itemNumber: 'YAK-9' })
    const result = await importFile(
      supplier,
      writeCsv([header, goodRow(0, { itemNumber: 'YAK-9', priceTiers: '5:150.00; 50:140.50', moq: '5', stock: '42' })]),
      'csv',
    )
    expect(result).toMatchObject({ created: 0, updated: 1, errorRows: 0 })
    const listing = await market.call<Listing>(`/api/listings/${active.id}`)
    expect(listing.body).toMatchObject({
      status: 'active',
      title: active.title,
      stock: 42,
      priceTiers: [
        { minQty: 5, unitPriceFen: 15000 },
        { minQty: 50, unitPriceFen: 14050 },
      ],
    })
    expect(listing.body).not.toHaveProperty('revision')
    expect(await ownListings(supplier)).toHaveLength(1)
  })

  it('are refused when the same item number comes twice in a file, or is another listing’s', async () => {
    const supplier = await market.verifiedSupplier()
    const result = await importFile(supplier, writeCsv([header, goodRow(1), goodRow(1)]), 'csv')
    expect(result).toMatchObject({ created: 1, errorRows: 1, errors: [{ row: 3, field: 'itemNumber', problem: 'duplicate' }] })
    const taken = await market.call('/api/listings', {
      method: 'POST',
      cookie: supplier.cookie,
      body: { ...(await import('../support/market.ts')).listingInput(), itemNumber: 'BULK-1' },
    })
    expect(taken.status).toBe(409)
  })
})

describe('template and export', () => {
  it('hands out the template, and exports listings in it that import again unchanged', async () => {
    const supplier = await market.verifiedSupplier()
    const template = await market.app.request('/api/suppliers/me/listing-imports/template?format=csv', {
      headers: { Cookie: supplier.cookie },
    })
    const templateBytes = new Uint8Array(await template.arrayBuffer())
    expect([...templateBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(templateBytes)).toContain('货号,标题')
    expect((await importFile(supplier, templateBytes, 'csv')).created).toBe(1)

    const exported = await market.app.request('/api/suppliers/me/listing-imports/export?format=xlsx', {
      headers: { Cookie: supplier.cookie },
    })
    expect(exported.headers.get('content-disposition')).toContain('listings.xlsx')
    const again = await importFile(supplier, new Uint8Array(await exported.arrayBuffer()), 'xlsx')
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, errorRows: 0 })
  })
})
