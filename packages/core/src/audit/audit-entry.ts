import type { AuditEntry } from '@market/contracts'

/** Who did what to which object, when and why: written in the same transaction as the change. */
export const auditEntry = (input: {
  id: string
  at: Date
  actorId: string
  action: string
  targetType: string
  targetId: string
  reason?: string
}): AuditEntry => ({ ...input, at: input.at.toISOString() })
