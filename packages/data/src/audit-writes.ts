import type { AuditEntry } from '@market/contracts'
import { auditKey, auditOf } from './keys.ts'

/** The audit entry as a transaction item, written with the change it records. */
export const auditPut = (table: string, entry: AuditEntry) => ({
  Put: {
    TableName: table,
    Item: { ...auditKey(entry.at, entry.id), ...auditOf(entry.targetId).entry(entry.at), type: 'audit', ...entry },
  },
})
