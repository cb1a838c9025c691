import type { AuditEntry, Certification, CertificationStatus } from '@market/contracts'
import type { Badge, CertifiedRegistry } from './rules.ts'

export type StoredCertification = Omit<Certification, 'supplier'>

/** A supplier's badges before and after a decision, so a concurrent decision is never lost. */
export type BadgeChange = { supplierId: string; previous: readonly Badge[] | undefined; next: readonly Badge[] }

export interface CertificationStore {
  get(id: string): Promise<StoredCertification | undefined>
  /**
   * One transaction: the certification (on condition it is new, or still in status `expected`),
   * the supplier's badges on its user item and in the registry (on condition they are still
   * `previous`), and the audit entry. Refused with CertificationStateError when a condition fails.
   */
  write(input: {
    certification: StoredCertification
    expected: CertificationStatus | 'new'
    badges?: BadgeChange
    audit?: AuditEntry
  }): Promise<void>
  /** A supplier's certifications, newest request first. */
  ofSupplier(
    supplierId: string,
    page: { cursor?: string; limit: number },
  ): Promise<{ items: StoredCertification[]; nextCursor: string | null }>
  /** Certifications in one status, oldest first (the pending queue is worked in order). */
  inStatus(
    status: CertificationStatus,
    page: { cursor?: string; limit: number },
  ): Promise<{ items: StoredCertification[]; nextCursor: string | null }>
}

/** The market's certified suppliers: one item, read by the "certified green" filter, the count and the daily job. */
export interface CertifiedRegistryStore {
  registry(): Promise<CertifiedRegistry>
}
