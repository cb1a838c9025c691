import type { AuditEntry } from '@market/contracts'
import { auditBy, auditKey, auditOf, auditOfAction } from './keys.ts'

/** The audit entry as a transaction item, written with the change it records. */
export const auditPut = (table: string, entry: AuditEntry) => ({
  Put: {
    TableName: table,
    Item: {
      ...auditKey(entry.at, entry.id),
      // One entry under each of the log's filters: its object's history, its actor's, its kind's.
      ...auditOf(entry.targetId).entry(entry.at),
      ...auditBy(entry.actorId).entry(entry.at, entry.id),
      ...auditOfAction(entry.action).entry(entry.at, entry.id),
      type: 'audit',
      ...entry,
    },
  },
})
