import { Catalog, Listings } from '@market/core'
import { describe, expect, it } from 'vitest'

const { checkRow, dataRows, headerRow, listingColumns, listingToRow, mapHeaders, rowToInput, templateSheet, yuanToFen } = Listings
const context = { categories: Catalog.defaultCategories, units: Catalog.defaultUnits }
const columns = mapHeaders(headerRow())
const cellsOf = (values: Partial<Record<Listings.ListingColumnKey, string>>) => listingColumns.map(({ key }) => values[key] ?? '')
const check = (values: Partial<Record<Listings.ListingColumnKey, string>>) =>
  checkRow(rowToInput(cellsOf(values), columns, context), context)
const good = {
  'title.zh': '羊毛',
  categoryId: 'wool',
  unit: 'kg',
  priceTiers: '1:12.50',
  moq: '5',
  stock: '100',
  leadTimeDays: '3',
}

describe('the bulk-listings file', () => {
  it('finds its columns by the Chinese headers, full-width or not, or by their keys, in any order', () => {
    expect(mapHeaders(['\uFEFF标题', ' 库存 ', '阶梯价(起购量:元)', 'itemNumber', '备注'])).toEqual(
      new Map([
        ['title.zh', 0],
        ['stock', 1],
        ['priceTiers', 2],
        ['itemNumber', 3],
      ]),
    )
    expect(() => mapHeaders(['名称', '价格'])).toThrow(/标题/)
  })

  it('numbers rows as the spreadsheet does and skips blank ones; more than 2,000 is refused', () => {
    expect(dataRows([['标题'], ['a'], ['', ' '], ['b']]).map(({ row }) => row)).toEqual([2, 4])
    expect(() => dataRows([['标题'], ...Array.from({ length: 2001 }, () => ['x'])])).toThrow(/2000/)
    expect(() => dataRows([['标题']])).toThrow(/no rows/)
  })

  it('reads prices in yuan exactly to the fen', () => {
    expect([
      yuanToFen('12.5'),
      yuanToFen('¥0.07'),
      yuanToFen('1999.99'),
      yuanToFen('12'),
      yuanToFen('1.234'),
      yuanToFen('abc'),
    ]).toEqual([1250, 7, 199999, 1200, undefined, undefined])
  })

  it('turns a row into the listing form’s input: names of categories and units in any language, tiers as 起购量:元', () => {
    const result = check({ ...good, itemNumber: 'A-1', categoryId: '羊毛', unit: '公斤', priceTiers: '1：12.50；100:11' })
    expect(result).toEqual({
      ok: true,
      input: expect.objectContaining({
        itemNumber: 'A-1',
        categoryId: 'wool',
        unit: 'kg',
        priceTiers: [
          { minQty: 1, unitPriceFen: 1250 },
          { minQty: 100, unitPriceFen: 1100 },
        ],
        moq: 5,
        stock: 100,
        description: { zh: '羊毛' },
      }),
    })
  })

  it.each([
    ['a missing title', { 'title.zh': '' }, 'title.zh', 'required'],
    ['stock that is not a number', { stock: 'many' }, 'stock', 'invalid'],
    ['a price that is not yuan', { priceTiers: '1:abc' }, 'priceTiers', 'invalid'],
    ['a first tier above the MOQ', { priceTiers: '10:5', moq: '5' }, 'priceTiers', 'invalid'],
    ['an unknown category', { categoryId: '塑料' }, 'categoryId', 'unknown_category'],
    ['an unknown unit', { unit: '吨' }, 'unit', 'invalid'],
  ])('names the column of %s', (_, change, field, problem) => {
    const result = check({ ...good, ...change })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors).toContainEqual(expect.objectContaining({ field, problem }))
  })

  it('exports a listing as a row that reads back as the same listing', () => {
    const [header, example] = templateSheet()
    const checked = checkRow(rowToInput(example ?? [], mapHeaders(header ?? []), context), context)
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    const listing = {
      ...Listings.draftOf({ clock: { now: () => new Date() }, ids: { next: () => 'X' } }, { id: 'S' } as never, checked.input),
    }
    const again = checkRow(rowToInput(listingToRow(listing, context), columns, context), context)
    expect(again).toEqual(checked)
  })
})
