import { resolve } from 'node:path'
import { serve } from '@hono/node-server'
import type { MailSender, Orders } from '@market/core'
import type { MarketConfig } from '../config.ts'
import { buildDeps } from '../deps.ts'
import { buildGroupApps } from '../group-apps.ts'
import { createLocalOutbox, createMailWorker, createSesMailer } from '../mail.ts'
import { stripeOnce } from '../payments.ts'
import { routeGroups } from '../route-map.ts'
import { inProcessBackground } from './background.ts'
import { createDevOutboxApp } from './dev-outbox.ts'
import { freePort } from './dynamodb-local.ts'
import { createOriginApp } from './origin-app.ts'
import { createPhotoBucket, photoBucketPath, writePhotoObject } from './photo-bucket.ts'

export const projectRoot = resolve(import.meta.dirname, '../..')

/** The photos bucket of a local market (a folder of DATA_DIR/objects). */
const photosBucket = 'photos'

/** How a local market runs: its config but for photos, which live in the local server itself. */
export type LocalMarketConfig = Omit<MarketConfig, 'photos'> & {
  /** Where the photo bucket keeps its objects (DATA_DIR/objects under `npm start`). */
  objectsDir: string
  /** The photo bucket's secret key (DATA_DIR/photo-bucket-key under `npm start`). */
  photoBucketKey: string
}

/** Saves a photo where the local photo bucket serves it from (the demo seed's photos). */
export const savePhotoIn = (objectsDir: string) => (key: string, bytes: Buffer) =>
  writePhotoObject(objectsDir, photosBucket, key, bytes)

/**
 * The market at `url` as `npm start` serves it: every route group's app, built by the factories
 * the Lambda entries call, behind one origin with the photo bucket and the web app. The API signs
 * for the bucket at `url` with the bucket's own key. Given a payment gateway (the tests' fake
 * Stripe), it takes payments through that rather than through the Stripe keys of the secrets.
 */
export const createLocalMarket = ({
  url,
  webDir,
  config,
  payments,
  mailer,
  mailAfterChange = true,
}: {
  url: string
  webDir: string
  config: LocalMarketConfig
  payments?: Orders.PaymentGateway
  /** Sends the e-mail in place of the configured adapter (the tests' failing sender). */
  mailer?: (outbox: MailSender) => MailSender
  /** False: no mail run after each change (a test that counts the DynamoDB calls of a request). */
  mailAfterChange?: boolean
}) => {
  const { objectsDir, photoBucketKey, ...market } = config
  const credentials = { accessKeyId: 'local-photo-bucket', secretAccessKey: photoBucketKey }
  const photos = { bucket: photosBucket, endpoint: `${url}${photoBucketPath}`, region: market.dynamodb.region, credentials }
  const built = buildDeps({ ...market, photos }, undefined, stripeOnce)
  const deps = { ...built, background: inProcessBackground(built.log) }
  const apps = buildGroupApps(payments ? { ...deps, payments: async () => payments } : deps)
  const photoBucket = createPhotoBucket({ dir: objectsDir, bucket: photosBucket, credentials })
  // E-mail goes to the developer's outbox unless the config names SES; it is sent after each
  // change (see the origin app) and by the retry loop of `serveMarket`.
  const outbox = market.mail?.adapter === 'ses' ? undefined : createLocalOutbox()
  const configured = market.mail?.adapter === 'ses' ? createSesMailer(market.mail) : (outbox as MailSender)
  const mail = createMailWorker({ ...deps, mailer: mailer ? mailer(configured) : configured, siteUrl: market.siteUrl ?? url })
  const app = createOriginApp({
    groups: routeGroups,
    apps,
    webDir,
    photoBucket,
    ...(outbox ? { devApp: createDevOutboxApp(outbox) } : {}),
    ...(mailAfterChange ? { afterChange: mail.kick } : {}),
  })
  return Object.assign(app, { mail: { worker: mail, outbox } })
}

/** How often the local market looks for e-mail due again. */
const mailRetryLoopMs = 15 * 1000

export type RunningServer = { url: string; close: () => Promise<void> }

export const serveMarket = async (options: {
  port: number
  host: string
  webDir: string
  config: LocalMarketConfig
}): Promise<RunningServer> => {
  // The port must be known before the apps are built: presigned photo URLs name it.
  const port = options.port || (await freePort())
  const host = options.host.includes(':') ? `[${options.host}]` : options.host === '0.0.0.0' ? '127.0.0.1' : options.host
  const url = `http://${host}:${port}`
  const app = createLocalMarket({ url, webDir: options.webDir, config: options.config })
  // E-mail whose send failed is tried again when due (the worker's backoff decides when).
  const retries = setInterval(app.mail.worker.kick, mailRetryLoopMs)
  retries.unref()
  return new Promise((resolveServer, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: options.host }, () => {
      resolveServer({
        url,
        close: () =>
          new Promise((done) => {
            clearInterval(retries)
            server.close(() => done())
          }),
      })
    })
    server.once('error', reject)
  })
}
