import { readLambdaConfig } from './config.ts'
import { createMailWorker, createSesMailer, type MailWorker } from './mail.ts'
import { buildStores } from './stores.ts'

/**
 * The cloud's mail worker, run every minute: sends the e-mail due (queued in the transactions of
 * the changes they report), retrying failed sends with backoff, batch after batch until none is due.
 */
let worker: MailWorker | undefined
export const handler = async () => {
  if (!worker) {
    const config = readLambdaConfig(process.env)
    if (config.mail?.adapter !== 'ses' || !config.siteUrl) throw new Error('MAIL_FROM and SITE_URL must be set')
    const { ports } = buildStores(config)
    worker = createMailWorker({ ...ports, mailer: createSesMailer(config.mail), siteUrl: config.siteUrl })
  }
  return worker.deliver()
}
