import type { Locale, Notification, NotificationKind } from '@market/contracts'
import type { StoredUser } from '../accounts/ports.ts'
import type { Clock, MailSender, OutgoingMail } from '../ports.ts'

/**
 * A queued e-mail, written in the transaction of the change it reports (a notification item is
 * its own queue entry) or of the reset it carries; `due` is when it may next be tried.
 */
export type MailJob = { id: string; userId: string; attempts: number; due: string } & (
  | { kind: 'notification'; notification: Notification }
  | { kind: 'password_reset'; token: string }
)

/** How each queued e-mail reads in a language; the functions word it from the web's catalogs. */
export interface MailRenderer {
  notification(locale: Locale, notification: Notification): Omit<OutgoingMail, 'to'>
  passwordReset(locale: Locale, token: string): Omit<OutgoingMail, 'to'>
}

export interface MailQueue {
  /** Queued e-mails due by `now`, oldest first: one Query. */
  due(now: Date, limit: number): Promise<MailJob[]>
  /** Takes the job until `until` if nobody else took it since it was read (false: another worker has it). */
  claim(job: MailJob, until: Date): Promise<MailJob | undefined>
  /** Leaves the queue: sent, not wanted, or given up on. */
  finish(job: MailJob, outcome: 'sent' | 'skipped' | 'failed'): Promise<void>
  /** Tried and failed: waits until `at` for its next try. */
  retryAt(job: MailJob, at: Date): Promise<void>
}

export type MailDeps = {
  mailQueue: MailQueue
  mailer: MailSender
  mailRenderer: MailRenderer
  accounts: { findUserById(id: string): Promise<StoredUser | undefined> }
  clock: Clock
}

/** Tries per e-mail before it is given up on (the last one over a day after the first). */
export const maxMailAttempts = 12
const firstRetryMs = 60 * 1000
const longestRetryMs = 12 * 60 * 60 * 1000
/** How long a worker holds a job it is sending, so a second worker does not send it too. */
export const mailClaimMs = 2 * 60 * 1000

/** Exponential backoff: 1 min after the first failure, doubling, never more than 12 hours. */
export const retryDelayMs = (failedAttempts: number) =>
  Math.min(firstRetryMs * 2 ** Math.max(0, failedAttempts - 1), longestRetryMs)

export const notificationKind = (type: string): NotificationKind | undefined => {
  const prefix = type.split('.')[0] ?? ''
  if (prefix === 'verification' || prefix === 'bank_account') return 'account'
  return (['order', 'rfq', 'listing', 'rating', 'thread'] as const).find((kind) => kind === prefix)
}

/** Whether a notification of `type` goes to the user by e-mail: opted in, and their address takes mail. */
export const wantsMail = (user: Pick<StoredUser, 'mailKinds' | 'mailUndeliverable'>, type: string) => {
  const kind = notificationKind(type)
  return !user.mailUndeliverable && kind !== undefined && (user.mailKinds ?? []).includes(kind)
}

const mailOf = (deps: MailDeps, user: StoredUser, job: MailJob): OutgoingMail | undefined => {
  const locale = user.locale ?? 'zh-CN'
  if (job.kind === 'password_reset') return { to: user.email, ...deps.mailRenderer.passwordReset(locale, job.token) }
  return wantsMail(user, job.notification.type)
    ? { to: user.email, ...deps.mailRenderer.notification(locale, job.notification) }
    : undefined
}

/**
 * Sends what is due: each job is claimed first (so two workers never send it twice), then sent,
 * retried with backoff when the sender fails, or given up on after `maxMailAttempts`. The change
 * that queued it was committed long before: nothing here can undo or hold it up.
 */
export const deliverDueMail = async (deps: MailDeps, limit = 25) => {
  const counts = { sent: 0, skipped: 0, retried: 0, failed: 0 }
  for (const due of await deps.mailQueue.due(deps.clock.now(), limit)) {
    const now = deps.clock.now()
    const job = await deps.mailQueue.claim(due, new Date(now.getTime() + mailClaimMs))
    if (!job) continue
    const user = await deps.accounts.findUserById(job.userId)
    const mail = user && !user.mailUndeliverable ? mailOf(deps, user, job) : undefined
    if (!mail) {
      await deps.mailQueue.finish(job, 'skipped')
      counts.skipped++
      continue
    }
    try {
      await deps.mailer.send(mail)
      await deps.mailQueue.finish(job, 'sent')
      counts.sent++
    } catch {
      const attempts = job.attempts + 1
      if (attempts >= maxMailAttempts) {
        await deps.mailQueue.finish(job, 'failed')
        counts.failed++
      } else {
        await deps.mailQueue.retryAt({ ...job, attempts }, new Date(now.getTime() + retryDelayMs(attempts)))
        counts.retried++
      }
    }
  }
  return counts
}
