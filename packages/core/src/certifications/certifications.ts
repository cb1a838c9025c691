import type {
  AdminCertificationInput,
  Certification,
  CertificationDecisionInput,
  CertificationInput,
  CertificationQueueQuery,
  ReasonInput,
} from '@market/contracts'
import { RoleNotAllowedError } from '../accounts/errors.ts'
import type { StoredUser } from '../accounts/ports.ts'
import { auditActor, auditEntry } from '../audit/audit-entry.ts'
import { NotFoundError } from '../errors.ts'
import { requireImages } from '../listings/photos.ts'
import type { PhotoStore } from '../listings/ports.ts'
import { toSupplierCard } from '../listings/rules.ts'
import type { Clock, IdGenerator } from '../ports.ts'
import type { SupplierDirectory } from '../ratings/ports.ts'
import { CertificationStateError, ExpiredCertificateError, ForeignDocumentError } from './errors.ts'
import type { CertificationStore, CertifiedRegistryStore, StoredCertification } from './ports.ts'
import { certificationDay, expiredBadges, isValidOn, withBadge, withoutCertification } from './rules.ts'

export type CertificationDeps = {
  certifications: CertificationStore
  registry: CertifiedRegistryStore
  accounts: { findUserById(id: string): Promise<StoredUser | undefined> }
  suppliers: SupplierDirectory
  photos: PhotoStore
  clock: Clock
  ids: IdGenerator
}

type Actor = StoredUser

/** The certificate as entered, checked: not expired, its photo uploaded by the one who sends it and an image. */
const checkedCertificate = async (deps: CertificationDeps, actor: Actor, input: CertificationInput) => {
  if (!isValidOn(input.expiresOn, certificationDay(deps.clock.now()))) throw new ExpiredCertificateError()
  if (!input.document.startsWith(`photos/${actor.id}/`)) throw new ForeignDocumentError()
  await requireImages(deps.photos, [input.document])
  return input
}

const findSupplier = async (deps: CertificationDeps, id: string) => {
  const supplier = await deps.accounts.findUserById(id)
  if (supplier?.role !== 'supplier') throw new NotFoundError('supplier')
  return supplier
}

const findCertification = async (deps: CertificationDeps, id: string) => {
  const certification = await deps.certifications.get(id)
  if (!certification) throw new NotFoundError('certification')
  return certification
}

/** What the audit log calls a certificate: its kind as the state names it, and its number. */
const kindNames: Record<StoredCertification['kind'], { zh: string; en: string }> = {
  green_factory: { zh: '绿色工厂', en: 'Green factory' },
  green_supply_chain: { zh: '绿色供应链', en: 'Green supply chain' },
  green_design_product: { zh: '绿色设计产品', en: 'Green design product' },
  specialised: { zh: '专精特新', en: 'Specialised and innovative' },
}

const audit = (
  deps: CertificationDeps,
  admin: Actor,
  action: string,
  certification: StoredCertification,
  supplier: StoredUser,
  reason?: string,
) => {
  const kind = kindNames[certification.kind]
  const company = supplier.company.name
  return auditEntry({
    id: deps.ids.next(),
    at: deps.clock.now(),
    actor: auditActor(admin),
    action,
    target: {
      type: 'certification',
      id: certification.id,
      name: { zh: `${company} ${kind.zh} ${certification.number}`, en: `${company} ${kind.en} ${certification.number}` },
    },
    reason,
  })
}

/** The badge change of an approval: the certificate's badge replaces the one of its kind. */
const approvalBadges = (supplier: StoredUser, certification: StoredCertification) => ({
  supplierId: supplier.id,
  previous: supplier.certifications,
  next: withBadge(supplier.certifications, {
    kind: certification.kind,
    expiresOn: certification.expiresOn,
    certificationId: certification.id,
  }),
})

/** The badge change of a revocation or expiry: the certificate's badge goes, if it is still the one shown. */
const removalBadges = (supplier: StoredUser, certification: StoredCertification) => ({
  supplierId: supplier.id,
  previous: supplier.certifications,
  next: withoutCertification(supplier.certifications, certification.id),
})

/** A supplier asks for a certification with a photo of its certificate: it waits for an administrator, no badge yet. */
export const requestCertification = async (deps: CertificationDeps, supplier: Actor, input: CertificationInput) => {
  if (supplier.role !== 'supplier') throw new RoleNotAllowedError(['supplier'])
  const certificate = await checkedCertificate(deps, supplier, input)
  const certification: StoredCertification = {
    id: deps.ids.next(),
    supplierId: supplier.id,
    ...certificate,
    status: 'pending',
    requestedBy: 'supplier',
    requestedAt: deps.clock.now().toISOString(),
  }
  await deps.certifications.write({ certification, expected: 'new' })
  return certification
}

export const myCertifications = (deps: CertificationDeps, supplier: Actor, page: { cursor?: string; limit: number }) =>
  deps.certifications.ofSupplier(supplier.id, page)

/** The administrators' queue: certifications in one status, each with its supplier's card (one BatchGet). */
export const certificationQueue = async (deps: CertificationDeps, _admin: Actor, query: CertificationQueueQuery) => {
  const page = await deps.certifications.inStatus(query.status, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  })
  const records = await deps.suppliers.records([...new Set(page.items.map((item) => item.supplierId))])
  const suppliers = new Map(records.map((record) => [record.user.id, record.user]))
  const now = deps.clock.now()
  const items: Certification[] = page.items.map((certification) => ({
    ...certification,
    supplier: toSupplierCard(suppliers.get(certification.supplierId), certification.supplierId, now),
  }))
  return { items, nextCursor: page.nextCursor }
}

/** An administrator approves a request (its badge shows at once) or rejects it with a reason. */
export const decideCertification = async (
  deps: CertificationDeps,
  admin: Actor,
  id: string,
  input: CertificationDecisionInput,
) => {
  const certification = await findCertification(deps, id)
  if (certification.status !== 'pending') throw new CertificationStateError(certification.status, 'decided')
  const approved = input.decision === 'approve'
  if (approved && !isValidOn(certification.expiresOn, certificationDay(deps.clock.now()))) throw new ExpiredCertificateError()
  const supplier = await findSupplier(deps, certification.supplierId)
  const next: StoredCertification = {
    ...certification,
    status: approved ? 'approved' : 'rejected',
    decidedAt: deps.clock.now().toISOString(),
    ...(input.reason ? { reason: input.reason } : {}),
  }
  await deps.certifications.write({
    certification: next,
    expected: 'pending',
    ...(approved ? { badges: approvalBadges(supplier, next) } : {}),
    audit: audit(deps, admin, approved ? 'certification.approve' : 'certification.reject', next, supplier, input.reason),
  })
  return next
}

/** An administrator adds a certification for a supplier directly, with the certificate's photo it uploaded. */
export const addCertification = async (
  deps: CertificationDeps,
  admin: Actor,
  supplierId: string,
  { reason, ...input }: AdminCertificationInput,
) => {
  const supplier = await findSupplier(deps, supplierId)
  const certificate = await checkedCertificate(deps, admin, input)
  const at = deps.clock.now().toISOString()
  const certification: StoredCertification = {
    id: deps.ids.next(),
    supplierId,
    ...certificate,
    status: 'approved',
    requestedBy: 'admin',
    requestedAt: at,
    decidedAt: at,
  }
  await deps.certifications.write({
    certification,
    expected: 'new',
    badges: approvalBadges(supplier, certification),
    audit: audit(deps, admin, 'certification.add', certification, supplier, reason),
  })
  return certification
}

/** An administrator revokes an approved certification, with a reason: its badge goes at once. */
export const revokeCertification = async (deps: CertificationDeps, admin: Actor, id: string, input: ReasonInput) => {
  const certification = await findCertification(deps, id)
  if (certification.status !== 'approved') throw new CertificationStateError(certification.status, 'revoked')
  const supplier = await findSupplier(deps, certification.supplierId)
  const next: StoredCertification = {
    ...certification,
    status: 'revoked',
    decidedAt: deps.clock.now().toISOString(),
    reason: input.reason,
  }
  await deps.certifications.write({
    certification: next,
    expected: 'approved',
    badges: removalBadges(supplier, next),
    audit: audit(deps, admin, 'certification.revoke', next, supplier, input.reason),
  })
  return next
}

/**
 * The daily job: approved certifications past their expiry day become expired and their badges
 * go. Reads never show them after expiry anyway (they check the day); this keeps the registry,
 * the queue and the supplier's list true. Reads the registry once; writes only what expired.
 */
export const expireCertifications = async (deps: Omit<CertificationDeps, 'photos' | 'suppliers'>) => {
  const day = certificationDay(deps.clock.now())
  let expired = 0
  for (const { supplierId, badge } of expiredBadges(await deps.registry.registry(), day)) {
    const [certification, supplier] = await Promise.all([
      deps.certifications.get(badge.certificationId),
      deps.accounts.findUserById(supplierId),
    ])
    if (certification?.status !== 'approved' || !supplier) continue
    const next: StoredCertification = { ...certification, status: 'expired', decidedAt: deps.clock.now().toISOString() }
    try {
      await deps.certifications.write({ certification: next, expected: 'approved', badges: removalBadges(supplier, next) })
      expired++
    } catch (error) {
      // Revoked, or another run took it off first: the next run finds nothing to do.
      if (!(error instanceof CertificationStateError)) throw error
    }
  }
  return { expired }
}
