import { Search } from '@market/core'
import { describe, expect, it } from 'vitest'

const allTerms = (...texts: string[]) => {
  const { primary, secondary } = Search.indexTerms(texts)
  return new Set([...primary, ...secondary])
}
/** What the index does: every query term must be among the document's terms. */
const matches = (query: string, ...texts: string[]) => {
  const terms = allTerms(...texts)
  const wanted = Search.queryTerms(query)
  return wanted.length > 0 && wanted.every((term) => terms.has(term))
}

describe('search terms', () => {
  it.each([
    ['牦牛', '牦牛绒混纺面料'],
    ['牦牛绒', '牦牛绒混纺面料'],
    ['混纺面料', '牦牛绒混纺面料'],
    ['绒', '牦牛绒混纺面料'],
    ['ཁུ་ལུ', 'འབྲི་ཁུ་ལུ་སྲེས་མ།'],
    ['སྲེས', 'འབྲི་ཁུ་ལུ་སྲེས་མ།'],
    ['yak', 'Yak Down Blend'],
    ['YAK blend', 'Yak Down Blend'],
    ['bro', 'Gold Brocade'],
    ['ｙａｋ', 'Yak Down Blend'],
    ['牦牛 yak', '牦牛绒混纺面料', 'Yak Down Blend'],
  ])('"%s" finds "%s"', (query, ...texts) => {
    expect(matches(query, ...texts)).toBe(true)
  })

  it.each([
    ['丝绸', '牦牛绒混纺面料'],
    ['牛混', '牦牛绒混纺面料'],
    ['silk', 'Yak Down Blend'],
    ['down silk', 'Yak Down Blend'],
    ['བལ', 'འབྲི་ཁུ་ལུ་སྲེས་མ།'],
  ])('"%s" does not find "%s"', (query, text) => {
    expect(matches(query, text)).toBe(false)
  })

  it('splits Tibetan at the tsheg and the shad', () => {
    expect(Search.queryTerms('གོས་ཆེན། དར།')).toEqual(['གོས', 'ཆེན', 'དར'])
  })

  it('finds nothing to search in punctuation or a lone letter', () => {
    expect(Search.queryTerms('!!! - a')).toEqual([])
  })

  it('puts whole words before single characters and prefixes, so a cap drops the least telling', () => {
    const { primary, secondary } = Search.indexTerms(['牦牛绒 Yak'])
    expect(primary).toEqual(expect.arrayContaining(['牦牛', '牛绒', 'yak']))
    expect(secondary).toEqual(expect.arrayContaining(['牦', '绒', 'ya']))
    expect(primary).not.toContain('ya')
  })

  it('looks up the longest query term', () => {
    expect(Search.drivingTerm(['yak', 'brocade', '牦牛'])).toBe('brocade')
  })
})
