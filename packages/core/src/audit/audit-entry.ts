import type { AuditEntry, AuditQuery, LocalizedText } from '@market/contracts'
import { DomainError } from '../errors.ts'

/** Who acted: an administrator (or the user acting on their own account), named as they are now. */
export type AuditActor = { id: string; name: string }

/** What the action was on, with the name it has now (a listing's title, a company, an order's number). */
export type AuditTarget = { type: string; id: string; name: LocalizedText | string }

/**
 * Who did what to which object, when and why: written in the same transaction as the change, with
 * the names the action already has in hand, so the log reads without looking anything up.
 */
export const auditEntry = (input: {
  id: string
  at: Date
  actor: AuditActor
  action: string
  target: AuditTarget
  reason?: string | undefined
}): AuditEntry => ({
  id: input.id,
  at: input.at.toISOString(),
  actorId: input.actor.id,
  actorName: input.actor.name,
  action: input.action,
  targetType: input.target.type,
  targetId: input.target.id,
  targetName: typeof input.target.name === 'string' ? { zh: input.target.name } : input.target.name,
  ...(input.reason ? { reason: input.reason } : {}),
})

type NamedUser = { id: string; name: string; company?: { name?: string } | undefined }

/** A user acted on, as the audit log names them: their own name, and their company's where it differs. */
export const auditName = (user: Omit<NamedUser, 'id'>) =>
  user.company?.name && user.company.name !== user.name ? `${user.name}（${user.company.name}）` : user.name

/** Who acted: the person (an administrator's company is the market itself). */
export const auditActor = (user: Pick<NamedUser, 'id' | 'name'>): AuditActor => ({ id: user.id, name: user.name })
export const userTarget = (user: NamedUser): AuditTarget => ({ type: 'user', id: user.id, name: auditName(user) })

export class AuditSpanError extends DomainError {
  constructor() {
    super('invalid', 'audit.span', '`from` is after `to`', [{ path: ['from'], message: 'After `to`' }])
  }
}

/** China Standard Time, the market's day: a day-only bound of the filter is a whole CST day. */
const cstOffset = '+08:00'
const dayOnly = /^\d{4}-\d{2}-\d{2}$/

const instant = (bound: string, endOfDay: boolean) => {
  if (!dayOnly.test(bound)) return new Date(bound)
  const start = new Date(`${bound}T00:00:00.000${cstOffset}`)
  return endOfDay ? new Date(start.getTime() + 24 * 60 * 60 * 1000 - 1) : start
}

/** The times a filter asks for, as UTC instants, both inclusive (undefined: open on that side). */
export type AuditSpan = { from?: string; to?: string }

export const auditSpan = (query: Pick<AuditQuery, 'from' | 'to'>): AuditSpan => ({
  ...(query.from ? { from: instant(query.from, false).toISOString() } : {}),
  ...(query.to ? { to: instant(query.to, true).toISOString() } : {}),
})

/** The log's filters as the store reads them: ids and action codes, and the span as instants. */
export type AuditFilter = { actor?: string; action?: string; target?: string } & AuditSpan
