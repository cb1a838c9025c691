import type { Category } from '@market/contracts'
import { Catalog } from '@market/core'
import { describe, expect, it } from 'vitest'

describe('the material taxonomy', () => {
  it('names every category and unit in Chinese, Tibetan and English', () => {
    for (const item of [...Catalog.defaultCategories, ...Catalog.defaultUnits]) {
      expect(item.name.zh, item.id).toBeTruthy()
      expect(item.name.bo, item.id).toMatch(/[\u0F00-\u0FFF]/)
      expect(item.name.en, item.id).toMatch(/[A-Za-z]/)
    }
  })

  it('has unique ids', () => {
    const ids = Catalog.defaultCategories.map((category) => category.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('lists categories by sort order, then id, without changing its input', () => {
    const input: Category[] = [
      { id: 'b', group: 'trim', sortOrder: 2, name: { zh: '乙' } },
      { id: 'c', group: 'fabric', sortOrder: 1, name: { zh: '丙' } },
      { id: 'a', group: 'trim', sortOrder: 2, name: { zh: '甲' } },
    ]
    expect(Catalog.sortCategories(input).map((category) => category.id)).toEqual(['c', 'a', 'b'])
    expect(input.map((category) => category.id)).toEqual(['b', 'c', 'a'])
  })

  it('serves the stored categories in order with the standard units', async () => {
    const stored = [...Catalog.defaultCategories].reverse()
    const catalog = await Catalog.getCatalog({ categories: { listCategories: async () => stored } as Catalog.CategoryStore })
    expect(catalog.categories[0]?.id).toBe('wool')
    expect(catalog.units.map((unit) => unit.id)).toContain('m')
  })

  it('offers open categories only, and keeps the retired ones apart to name their listings', async () => {
    const retired = { at: '2026-01-01T00:00:00.000Z', reason: '并入羊毛类' }
    const stored: Category[] = [
      { id: 'felt', group: 'fabric', sortOrder: 1, name: { zh: '毛毡' }, retired },
      { id: 'wool', group: 'fabric', sortOrder: 2, name: { zh: '羊毛' } },
    ]
    const catalog = await Catalog.getCatalog({ categories: { listCategories: async () => stored } as Catalog.CategoryStore })
    expect(catalog.categories.map((category) => category.id)).toEqual(['wool'])
    expect(catalog.retired?.map((category) => category.id)).toEqual(['felt'])
    expect(Catalog.isOpen(stored[0])).toBe(false)
    expect(Catalog.isOpen(stored[1])).toBe(true)
    expect(Catalog.isOpen(undefined)).toBe(false)
  })
})

describe('what re-indexes a category’s listings', () => {
  const felt: Category = { id: 'felt', group: 'fabric', sortOrder: 1, name: { zh: '毛毡', en: 'Felt' } }

  it.each([
    ['a new Chinese name', { name: { zh: '羊毛毡', en: 'Felt' } }],
    ['a Tibetan name added', { name: { zh: '毛毡', bo: 'ཕྱིང་པ།', en: 'Felt' } }],
    ['the English name dropped', { name: { zh: '毛毡' } }],
  ])('%s is a rename', (_what, changes) => {
    expect(Catalog.renames(felt, changes)).toBe(true)
  })

  it.each([
    ['a move to another group and place', { group: 'trim' as const, sortOrder: 9 }],
    ['the same names again', { name: { zh: '毛毡', en: 'Felt' } }],
  ])('%s is not', (_what, changes) => {
    expect(Catalog.renames(felt, changes)).toBe(false)
  })
})
