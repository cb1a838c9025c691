import type { CertificationKind } from '@market/contracts'
import { certificationKinds, greenCertificationKinds } from '@market/contracts/values'
import { cstDay } from '../metrics/calendar.ts'

/**
 * What a supplier's approved certification puts on its user item (and on the market's registry of
 * certified suppliers): its badge. One per kind — a newer certificate of a kind replaces the older
 * — so a supplier carries at most four, and every card reads them with the supplier at no cost.
 */
export type Badge = { kind: CertificationKind; expiresOn: string; certificationId: string }

/** The market's certified suppliers and their badges, by supplier id: the filter's and the count's one read. */
export type CertifiedRegistry = Readonly<Record<string, readonly Badge[]>>

/** The day a validity is judged on: China Standard Time, like the certificates' dates. */
export const certificationDay = (now: Date) => cstDay(now)

/** Valid through its expiry day; the daily job takes it off the day after, but reads never wait for the job. */
export const isValidOn = (expiresOn: string, day: string) => expiresOn >= day

export const validBadges = (badges: readonly Badge[] | undefined, day: string) =>
  (badges ?? []).filter((badge) => isValidOn(badge.expiresOn, day))

/** The kinds a supplier's badges show today, in the catalogue's order. */
export const badgeKinds = (badges: readonly Badge[] | undefined, day: string): CertificationKind[] => {
  const valid = new Set(validBadges(badges, day).map((badge) => badge.kind))
  return certificationKinds.filter((kind) => valid.has(kind))
}

export const holdsGreen = (badges: readonly Badge[] | undefined, day: string) =>
  validBadges(badges, day).some((badge) => greenCertificationKinds.includes(badge.kind))

/** The badges after approving a certificate: it replaces the badge of its kind. */
export const withBadge = (badges: readonly Badge[] | undefined, badge: Badge): Badge[] => [
  ...(badges ?? []).filter((held) => held.kind !== badge.kind),
  badge,
]

/** The badges without the certificate's (revoked or expired); another certificate's badge of that kind stays. */
export const withoutCertification = (badges: readonly Badge[] | undefined, certificationId: string): Badge[] =>
  (badges ?? []).filter((badge) => badge.certificationId !== certificationId)

/** Suppliers with at least one valid certification today. */
export const certifiedSupplierCount = (registry: CertifiedRegistry, day: string) =>
  Object.values(registry).filter((badges) => validBadges(badges, day).length > 0).length

/** Suppliers holding a valid green certification today: who the "certified green" filter keeps. */
export const greenSupplierIds = (registry: CertifiedRegistry, day: string) =>
  Object.entries(registry)
    .filter(([, badges]) => holdsGreen(badges, day))
    .map(([supplierId]) => supplierId)
    .sort()

/** Badges past their expiry day, by supplier: what the daily job takes off. */
export const expiredBadges = (registry: CertifiedRegistry, day: string) =>
  Object.entries(registry).flatMap(([supplierId, badges]) =>
    badges.filter((badge) => !isValidOn(badge.expiresOn, day)).map((badge) => ({ supplierId, badge })),
  )
