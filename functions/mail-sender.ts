import { readLambdaConfig } from './config.ts'
import { createMailWorker, createSesMailer, type MailWorker } from './mail.ts'
import { buildStores } from './stores.ts'

/**
 * The cloud's mail worker, run every minute: sends the e-mail due (queued in the transactions of
 * the changes they report), retrying failed sends with backoff. Batches until the queue is empty
 * or the run has had its time.
 */
let worker: MailWorker | undefined
export const handler = async () => {
  if (!worker) {
    const config = readLambdaConfig(process.env)
    if (config.mail?.adapter !== 'ses' || !config.siteUrl) throw new Error('MAIL_FROM and SITE_URL must be set')
    const { ports } = buildStores(config)
    worker = createMailWorker({ ...ports, mailer: createSesMailer(config.mail), siteUrl: config.siteUrl })
  }
  const started = Date.now()
  let handled = 0
  for (;;) {
    const run = await worker.deliver()
    const batch = run.sent + run.skipped + run.retried + run.failed
    handled += batch
    if (batch === 0 || Date.now() - started > runBudgetMs) return { handled }
  }
}

/** Leaves room within the function's timeout for the batch in flight. */
const runBudgetMs = 40 * 1000
