import { Certifications } from '@market/core'
import { describe, expect, it } from 'vitest'

const badge = (kind: Certifications.Badge['kind'], expiresOn: string, certificationId: string = kind): Certifications.Badge => ({
  kind,
  expiresOn,
  certificationId,
})

describe('certification validity', () => {
  it('holds through the expiry day (China Standard Time) and not after', () => {
    expect(Certifications.isValidOn('2026-06-30', '2026-06-30')).toBe(true)
    expect(Certifications.isValidOn('2026-06-30', '2026-07-01')).toBe(false)
    // 2026-06-30T17:00Z is already 1 July in Lhasa.
    expect(Certifications.certificationDay(new Date('2026-06-30T17:00:00Z'))).toBe('2026-07-01')
  })

  it('shows the badges valid today, in the catalogue’s order, and none expired', () => {
    const badges = [
      badge('specialised', '2027-01-01'),
      badge('green_factory', '2026-01-01'),
      badge('green_supply_chain', '2027-01-01'),
    ]
    expect(Certifications.badgeKinds(badges, '2026-06-01')).toEqual(['green_supply_chain', 'specialised'])
    expect(Certifications.badgeKinds(undefined, '2026-06-01')).toEqual([])
  })

  it('counts as green only a valid green kind: 专精特新 alone is not green', () => {
    expect(Certifications.holdsGreen([badge('specialised', '2027-01-01')], '2026-06-01')).toBe(false)
    expect(Certifications.holdsGreen([badge('green_design_product', '2027-01-01')], '2026-06-01')).toBe(true)
    expect(Certifications.holdsGreen([badge('green_design_product', '2026-05-31')], '2026-06-01')).toBe(false)
  })

  it('keeps one badge per kind: a newer certificate replaces the older; removing another certificate keeps it', () => {
    const old = badge('green_factory', '2026-12-31', 'old')
    const renewed = Certifications.withBadge(
      [old, badge('specialised', '2027-01-01')],
      badge('green_factory', '2028-12-31', 'new'),
    )
    expect(renewed.filter((held) => held.kind === 'green_factory')).toEqual([badge('green_factory', '2028-12-31', 'new')])
    // Revoking the old certificate after its renewal leaves the renewed badge.
    expect(Certifications.withoutCertification(renewed, 'old')).toEqual(renewed)
    expect(Certifications.withoutCertification(renewed, 'new').map((held) => held.kind)).toEqual(['specialised'])
  })

  it('counts certified suppliers, finds the green ones and what expired, from the registry', () => {
    const registry = {
      a: [badge('green_factory', '2027-01-01')],
      b: [badge('specialised', '2027-01-01')],
      c: [badge('green_supply_chain', '2026-05-01')],
    }
    expect(Certifications.certifiedSupplierCount(registry, '2026-06-01')).toBe(2)
    expect(Certifications.greenSupplierIds(registry, '2026-06-01')).toEqual(['a'])
    expect(Certifications.expiredBadges(registry, '2026-06-01')).toEqual([
      { supplierId: 'c', badge: badge('green_supply_chain', '2026-05-01') },
    ])
  })
})
