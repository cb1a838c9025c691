import * as z from 'zod'
import { VerificationDecisionInput } from './accounts.ts'
import { text } from './fields.ts'
import { PhotoKey, SupplierCard } from './listings.ts'
import * as values from './values.ts'

export const CertificationKind = z.enum(values.certificationKinds)
export type CertificationKind = z.infer<typeof CertificationKind>
export const CertificationStatus = z.enum(values.certificationStatuses)
export type CertificationStatus = z.infer<typeof CertificationStatus>

/** A certification a supplier asks for, or an administrator adds: the certificate as issued, and a photo of it. */
export const CertificationInput = z.strictObject({
  kind: CertificationKind,
  issuer: text(120),
  number: text(60),
  /** The last day the certificate is valid (China Standard Time). */
  expiresOn: z.iso.date(),
  /** A photo of the certificate, uploaded through /api/uploads. */
  document: PhotoKey,
})
export type CertificationInput = z.infer<typeof CertificationInput>
/** An administrator adding a certification says why, like every administrator's action. */
export const AdminCertificationInput = CertificationInput.extend({ reason: text(values.maxReasonLength).optional() })
export type AdminCertificationInput = z.infer<typeof AdminCertificationInput>

export const Certification = z.object({
  id: z.string(),
  supplierId: z.string(),
  kind: CertificationKind,
  issuer: z.string(),
  number: z.string(),
  expiresOn: z.string(),
  document: z.string(),
  status: CertificationStatus,
  /** Who asked for it: the supplier, or an administrator adding it directly. */
  requestedBy: z.enum(['supplier', 'admin']),
  requestedAt: z.string(),
  decidedAt: z.string().optional(),
  /** Why it was rejected or revoked. */
  reason: z.string().optional(),
  /** In the administrators' queue: whose it is. */
  supplier: SupplierCard.optional(),
})
export type Certification = z.infer<typeof Certification>

export const CertificationPage = z.object({ items: z.array(Certification), nextCursor: z.string().nullable() })
export type CertificationPage = z.infer<typeof CertificationPage>

export const CertificationQueueQuery = z.strictObject({
  status: CertificationStatus.default('pending'),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
export type CertificationQueueQuery = z.infer<typeof CertificationQueueQuery>

/** Approve, or reject with a reason: the same decision as a supplier's verification. */
export const CertificationDecisionInput = VerificationDecisionInput
export type CertificationDecisionInput = VerificationDecisionInput
