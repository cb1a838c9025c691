/**
 * `npm start`: the whole market on one machine. DynamoDB Local (a child this process owns, data
 * under DATA_DIR), the table, demo data on first start, and the API and web app on one port.
 */

import { join } from 'node:path'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { Catalog } from '@market/core'
import { createDocumentClient, ensureTable } from '@market/data'
import { buildWeb } from '../../web/build.ts'
import { buildJobDeps, type JobDeps, runJobs } from '../jobs.ts'
import { localAws, readLocalConfig } from './config.ts'
import { dataDirPaths, ensurePhotoBucketKey, ensureSessionSecret } from './data-dir.ts'
import { type RunningDynamo, startDynamoDbLocal } from './dynamodb-local.ts'
import { demoAccounts, seedDemoData } from './seed.ts'
import { type LocalMarketConfig, projectRoot, savePhotoIn, serveMarket } from './server.ts'

const say = (message: string) => process.stdout.write(`${message}\n`)

/** The scheduled jobs on a timer, as EventBridge runs them in the cloud (the same jobs). */
const startJobTimer = (deps: JobDeps, seconds: number) => {
  let running = false
  return setInterval(async () => {
    if (running) return
    running = true
    try {
      const report = await runJobs(deps)
      if (Object.values(report).some((counts) => Object.values(counts).some(Boolean))) say(`jobs: ${JSON.stringify(report)}`)
    } catch (error) {
      process.stderr.write(`jobs failed: ${error instanceof Error ? error.message : String(error)}\n`)
    } finally {
      running = false
    }
  }, seconds * 1000)
}

const main = async () => {
  const config = readLocalConfig(process.env)
  const paths = dataDirPaths(config.DATA_DIR)
  const webDir = join(projectRoot, 'web', 'dist')
  // The web app builds while Java starts DynamoDB Local (two processes, two cores): a first start
  // waits for the longer of the two, not both. Awaited below; a failure stops the start there.
  const webBuilt = buildWeb({ outDir: webDir })
  webBuilt.catch(() => {})

  let dynamo: RunningDynamo | undefined
  let server: Awaited<ReturnType<typeof serveMarket>> | undefined
  let jobsTimer: NodeJS.Timeout | undefined
  let stopping = false
  const stop = async (code: number) => {
    if (stopping) return
    stopping = true
    say('\nStopping…')
    clearInterval(jobsTimer)
    await server?.close()
    await dynamo?.stop()
    process.exit(code)
  }
  process.on('SIGINT', () => void stop(0))
  process.on('SIGTERM', () => void stop(0))

  try {
    if (!config.DYNAMODB_ENDPOINT) dynamo = await startDynamoDbLocal({ dataDir: paths.dynamodb, port: config.DYNAMODB_PORT })
    const dynamodb = localAws(config, config.DYNAMODB_ENDPOINT ?? (dynamo as RunningDynamo).endpoint)
    const client = new DynamoDBClient(dynamodb)
    const created = await ensureTable(client, config.TABLE_NAME)
    say(created ? `Created table ${config.TABLE_NAME}` : `Using table ${config.TABLE_NAME} in ${config.DATA_DIR}`)
    const seeded =
      config.SEED_DEMO_DATA &&
      (await seedDemoData(createDocumentClient(client), config.TABLE_NAME, { savePhoto: savePhotoIn(paths.objects) }))
    if (seeded) say('Wrote the demo data')
    client.destroy()
    await webBuilt

    const market: LocalMarketConfig = {
      tableName: config.TABLE_NAME,
      dynamodb,
      secrets: {
        sessionSecret: config.SESSION_SECRET ?? (await ensureSessionSecret(paths)),
        stripeSecretKey: config.STRIPE_SECRET_KEY,
        stripeWebhookSecret: config.STRIPE_WEBHOOK_SECRET,
      },
      cookieSecure: config.COOKIE_SECURE !== 'false',
      logLevel: config.LOG_LEVEL,
      objectsDir: paths.objects,
      photoBucketKey: await ensurePhotoBucketKey(paths),
    }
    server = await serveMarket({ port: config.PORT, host: config.HOST, webDir, config: market })
    say(`\n  拉萨服装原辅料交易市场 · Lhasa Raw-Materials Exchange\n  ${server.url}\n`)
    if (seeded) {
      say('  Demo sign-ins (shown on the first start only):')
      for (const [role, account] of Object.entries(demoAccounts))
        say(`    ${role.padEnd(9)} ${account.email}  ${account.password}`)
      say('')
    }
    say('  Ctrl-C stops it.')
    const jobDeps = buildJobDeps(market)
    // A re-indexing cut short by the last stop resumes now, not at the first tick of the timer.
    Catalog.runReindexJobs(jobDeps).catch((error: unknown) =>
      process.stderr.write(`re-indexing failed: ${error instanceof Error ? error.message : String(error)}\n`),
    )
    jobsTimer = startJobTimer(jobDeps, config.JOBS_INTERVAL_SECONDS)
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    await stop(1)
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
