import type { Locale, Notification } from '@market/contracts'
import { Mail, type MailSender } from '@market/core'
import { fill, loadLocale, locales, translate } from '../web/src/i18n/i18n.ts'
import { describeNotification } from '../web/src/notifications/describe.ts'
import type { MailConfig } from './config.ts'

/** What the developer reads at /dev/outbox: every e-mail the local market "sent", newest first. */
export type OutboxMail = { id: number; to: string; subject: string; text: string; sentAt: string }

/** The local adapter: keeps the last 200 e-mails in memory for the developer's outbox page. */
export const createLocalOutbox = () => {
  const mails: OutboxMail[] = []
  let sent = 0
  return {
    send: async (mail: { to: string; subject: string; text: string }) => {
      mails.unshift({ id: ++sent, ...mail, sentAt: new Date().toISOString() })
      mails.length = Math.min(mails.length, 200)
    },
    list: () => [...mails],
  } satisfies MailSender & { list(): OutboxMail[] }
}
export type LocalOutbox = ReturnType<typeof createLocalOutbox>

/**
 * Amazon SES. Its SDK is loaded on the first send, not when the function starts, so the API's
 * functions (which never send) do not carry it and the sender pays for it once per cold start.
 */
export const createSesMailer = (config: Extract<MailConfig, { adapter: 'ses' }>): MailSender => {
  let loaded: Promise<(mail: Parameters<MailSender['send']>[0]) => Promise<unknown>> | undefined
  const sender = () => {
    loaded ??= import('@aws-sdk/client-sesv2').then(({ SESv2Client, SendEmailCommand }) => {
      const client = new SESv2Client(config.aws ?? {})
      return (mail) =>
        client.send(
          new SendEmailCommand({
            FromEmailAddress: config.from,
            Destination: { ToAddresses: [mail.to] },
            Content: {
              Simple: {
                Subject: { Data: mail.subject, Charset: 'UTF-8' },
                Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
              },
            },
            ...(config.configurationSet ? { ConfigurationSetName: config.configurationSet } : {}),
          }),
        )
    })
    return loaded
  }
  return {
    send: async (mail) => {
      await (await sender())(mail)
    },
  }
}

/** Pages a notification's e-mail links to: the inbox, where each notification opens its page. */
const pageOf = (siteUrl: string, path: string) => `${siteUrl.replace(/\/$/, '')}${path}`

/**
 * E-mail worded from the web's own catalogs, so an e-mail says what the inbox says, in the
 * recipient's language. The catalogs are loaded once per process.
 */
export const createMailRenderer = async (siteUrl: string): Promise<Mail.MailRenderer> => {
  await Promise.all(locales.map(loadLocale))
  const signed = (locale: Locale, body: string) => `${body}\n\n-- \n${translate(locale, 'app.name')}\n${siteUrl}`
  return {
    notification: (locale: Locale, notification: Notification) => {
      const text = describeNotification(locale, notification)
      return {
        subject: `${translate(locale, 'app.shortName')}: ${text}`.slice(0, 200),
        text: signed(
          locale,
          [
            text,
            fill(translate(locale, 'mail.open'), { url: pageOf(siteUrl, '/notifications') }),
            fill(translate(locale, 'mail.why'), { url: pageOf(siteUrl, '/account') }),
          ].join('\n\n'),
        ),
      }
    },
    passwordReset: (locale: Locale, token: string) => ({
      subject: translate(locale, 'mail.reset.subject'),
      text: signed(
        locale,
        fill(translate(locale, 'mail.reset.body'), {
          url: pageOf(siteUrl, `/reset-password?token=${encodeURIComponent(token)}`),
        }),
      ),
    }),
  }
}

const batchSize = 25

/**
 * Sends queued e-mail: `deliver()` sends what is due (at `at`, now unless given); `kick()` starts
 * a run after a change committed without waiting for it, folding kicks during a run into one more.
 */
export const createMailWorker = (deps: Omit<Mail.MailDeps, 'mailRenderer'> & { siteUrl: string }, onError = console.error) => {
  let renderer: Promise<Mail.MailRenderer> | undefined
  /** Batch after batch until the queue holds nothing more due (a batch that is not full). */
  const deliver = async (at?: Date) => {
    renderer ??= createMailRenderer(deps.siteUrl)
    const clock = at ? { now: () => at } : deps.clock
    const total = { sent: 0, skipped: 0, retried: 0, failed: 0 }
    for (;;) {
      const batch = await Mail.deliverDueMail({ ...deps, clock, mailRenderer: await renderer }, batchSize)
      for (const outcome of Object.keys(total) as (keyof typeof total)[]) total[outcome] += batch[outcome]
      if (batch.sent + batch.skipped + batch.retried + batch.failed < batchSize) return total
    }
  }
  let running: Promise<unknown> | undefined
  let again = false
  const kick = () => {
    if (running) {
      again = true
      return
    }
    running = deliver()
      .catch(onError)
      .finally(() => {
        running = undefined
        if (again) {
          again = false
          kick()
        }
      })
  }
  /** Waits until no run is going (the tests, before they read the outbox). */
  const idle = async () => {
    while (running) await running
  }
  return { deliver, kick, idle }
}
export type MailWorker = ReturnType<typeof createMailWorker>
