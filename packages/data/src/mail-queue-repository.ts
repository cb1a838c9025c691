import { DeleteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { Mail } from '@market/core'
import type { Item } from './items.ts'
import { dueBy, mailKey, mailQueue, notificationKey } from './keys.ts'
import { toNotification } from './notification-repository.ts'
import { createQueries } from './query.ts'
import { writeRefusal } from './transactions.ts'

const toJob = (item: Item): Mail.MailJob => {
  const queue = mailQueue().keys
  const base = {
    userId: item.mailTo as string,
    attempts: (item.mailAttempts as number | undefined) ?? 0,
    due: item[queue.sortKey] as string,
  }
  return item.type === 'notification'
    ? { ...base, id: item.id as string, kind: 'notification', notification: toNotification(item) }
    : { ...base, id: item.id as string, kind: 'password_reset', token: item.token as string }
}

const keyOf = (job: Mail.MailJob) => (job.kind === 'notification' ? notificationKey(job.userId, job.id) : mailKey(job.id))

/**
 * The e-mail queue: items carrying the `mailQueue` index entry. Every change of a job is
 * conditional on the entry it was read with, so two workers never both send or reschedule one.
 */
export const createMailQueueRepository = (db: DynamoDBDocumentClient, table: string) => {
  const { queryItems } = createQueries(db, table)
  const queue = mailQueue()
  const { sortKey, partitionKey } = queue.keys

  /** Moves a job's entry, on condition nobody moved it since `job.due`; false when someone did. */
  const move = async (job: Mail.MailJob, update: { expression: string; values?: Item }) => {
    try {
      await db.send(
        new UpdateCommand({
          TableName: table,
          Key: keyOf(job),
          UpdateExpression: update.expression,
          ConditionExpression: '#due = :seen',
          ExpressionAttributeNames: { '#due': sortKey, ...(update.expression.includes('#pk') ? { '#pk': partitionKey } : {}) },
          ExpressionAttributeValues: { ':seen': job.due, ...update.values },
        }),
      )
      return true
    } catch (error) {
      if (writeRefusal(error) === 'condition') return false
      throw error
    }
  }

  const entryAt = (at: Date, job: Mail.MailJob) => queue.entry(at.toISOString(), job.id)[sortKey] as string

  return {
    due: async (now: Date, limit: number) => (await queryItems(queue, { sortKey: dueBy(now), limit })).items.map(toJob),
    claim: async (job: Mail.MailJob, until: Date) => {
      const due = entryAt(until, job)
      return (await move(job, { expression: 'SET #due = :due', values: { ':due': due } })) ? { ...job, due } : undefined
    },
    finish: async (job: Mail.MailJob, outcome: 'sent' | 'skipped' | 'failed') => {
      // A reset e-mail carries its token: once sent (or given up on) it is deleted, not kept.
      if (job.kind === 'password_reset') {
        await db.send(new DeleteCommand({ TableName: table, Key: keyOf(job) }))
        return
      }
      await move(job, { expression: 'SET mailStatus = :outcome REMOVE #pk, #due', values: { ':outcome': outcome } })
    },
    retryAt: async (job: Mail.MailJob, at: Date) => {
      await move(job, {
        expression: 'SET #due = :due, mailAttempts = :attempts',
        values: { ':due': entryAt(at, job), ':attempts': job.attempts },
      })
    },
  } satisfies Mail.MailQueue
}
