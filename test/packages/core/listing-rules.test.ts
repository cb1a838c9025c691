import type { Listing } from '@market/contracts'
import { Catalog, Listings } from '@market/core'
import { describe, expect, it } from 'vitest'

const tiers = [
  { minQty: 5, unitPriceFen: 18800 },
  { minQty: 50, unitPriceFen: 16800 },
  { minQty: 200, unitPriceFen: 15000 },
]

describe('price tiers', () => {
  it('prices a quantity at the largest tier it reaches', () => {
    expect(Listings.unitPriceFor(tiers, 5)).toBe(18800)
    expect(Listings.unitPriceFor(tiers, 49)).toBe(18800)
    expect(Listings.unitPriceFor(tiers, 50)).toBe(16800)
    expect(Listings.unitPriceFor(tiers, 10_000)).toBe(15000)
  })

  it('has no price below the first tier', () => {
    expect(Listings.unitPriceFor(tiers, 4)).toBeUndefined()
  })

  it('quotes "from" the lowest price', () => {
    expect(Listings.fromPriceFen(tiers)).toBe(15000)
  })
})

describe('what a listing is found by', () => {
  const listing: Pick<Listing, 'title' | 'specs' | 'categoryId'> = {
    title: { zh: '牦牛绒混纺面料', bo: 'འབྲི་ཁུ་ལུ།', en: 'Yak Down Blend' },
    specs: { origin: ' 那曲 ' },
    categoryId: 'yak-down',
  }
  const category = Catalog.defaultCategories.find((c) => c.id === 'yak-down')

  it('is every listing, its category, and its title, origin and category names', () => {
    const document = Listings.searchDocument(listing, category)
    expect(document.terms.slice(0, 2)).toEqual(['*', 'cat:yak-down'])
    expect(document.terms).toEqual(expect.arrayContaining(['牦牛', 'ཁུ', 'yak', '那曲']))
    expect(document.origin).toBe('那曲')
    expect(document.searchText).toContain('|blend|')
  })

  it('keeps the index entries within what one transaction can change', () => {
    const long = { ...listing, title: { zh: '非常长的标题'.repeat(20), en: 'extraordinarily long english words '.repeat(10) } }
    const document = Listings.searchDocument(long, category)
    expect(document.terms.length).toBeLessThanOrEqual(Listings.maxIndexTerms)
    // Every term still filters, even those without an index entry of their own.
    expect(document.searchText).toContain('|extraordinarily|')
  })
})

describe('who sees a listing', () => {
  const supplier = (status: 'active' | 'suspended', verification: 'verified' | 'pending') =>
    ({ status, verificationDetails: { status: verification } }) as never
  const listing = (status: Listing['status']) => ({ status }) as Listings.StoredListing

  it('shows buyers only active listings of active, verified suppliers', () => {
    expect(Listings.isPubliclyVisible({ listing: listing('active'), supplier: supplier('active', 'verified') })).toBe(true)
    expect(Listings.isPubliclyVisible({ listing: listing('active'), supplier: supplier('suspended', 'verified') })).toBe(false)
    expect(Listings.isPubliclyVisible({ listing: listing('active'), supplier: supplier('active', 'pending') })).toBe(false)
    expect(Listings.isPubliclyVisible({ listing: listing('pending_review'), supplier: supplier('active', 'verified') })).toBe(
      false,
    )
    expect(Listings.isPubliclyVisible({ listing: listing('active'), supplier: undefined })).toBe(false)
  })
})
