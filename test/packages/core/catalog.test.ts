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
})
