/**
 * `npm start`: the whole market on one machine. DynamoDB Local (a child this process owns, data
 * under DATA_DIR), the table, demo data on first start, and the API and web app on one port.
 */

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { buildWebOnce } from '../../web/build.ts'
import type { JobDeps, runJobs as RunJobs } from '../jobs.ts'
import { localAws, readLocalConfig } from './config.ts'
import { dataDirPaths, ensurePhotoBucketKey, ensureSessionSecret } from './data-dir.ts'
import { type RunningDynamo, startDynamoDbLocal } from './dynamodb-local.ts'
import type { LocalMarketConfig } from './server.ts'

/**
 * The market's own code (the SDK, the domain, the routes): loaded once Java and esbuild have
 * been started, not before, as loading it takes seconds of its own.
 */
const loadMarket = async () => {
  const [{ DynamoDBClient }, { Catalog }, { createDocumentClient, ensureTable }, jobs, seed, server] = await Promise.all([
    import('@aws-sdk/client-dynamodb'),
    import('@market/core'),
    import('@market/data'),
    import('../jobs.ts'),
    import('./seed.ts'),
    import('./server.ts'),
  ])
  return { DynamoDBClient, Catalog, createDocumentClient, ensureTable, ...jobs, ...seed, ...server }
}

const say = (message: string) => process.stdout.write(`${message}\n`)

/** The scheduled jobs on a timer, as EventBridge runs them in the cloud (the same jobs). */
const startJobTimer = (runJobs: typeof RunJobs, deps: JobDeps, seconds: number) => {
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
  const webDir = join(import.meta.dirname, '..', '..', 'web', 'dist')
  // Java starts DynamoDB Local, esbuild builds the web app (unless it is built already) and this
  // process loads the market's code and draws the demo photos, all at once: a first start waits
  // for the longest of them, not their sum. Each is awaited below; a failure stops the start there.
  const webBuilt = buildWebOnce({ outDir: webDir })
  // A data folder with no database yet gets the demo data, and its photos; an interrupted first
  // seed draws them when it runs again.
  const firstStart = config.SEED_DEMO_DATA && !config.DYNAMODB_ENDPOINT && !existsSync(paths.dynamodb)
  const dynamoStarted = config.DYNAMODB_ENDPOINT
    ? undefined
    : // The first start's Java is tuned to write the demo data quickly; later starts' to serve at its best.
      startDynamoDbLocal({ dataDir: paths.dynamodb, port: config.DYNAMODB_PORT, quick: firstStart })
  const marketLoaded = loadMarket()
  for (const started of [webBuilt, dynamoStarted, marketLoaded]) started?.catch(() => {})

  let dynamo: RunningDynamo | undefined
  let server: { url: string; close: () => Promise<void> } | undefined
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
    const {
      DynamoDBClient,
      Catalog,
      createDocumentClient,
      ensureTable,
      buildJobDeps,
      runJobs,
      demoAccounts,
      demoPhotos,
      seedDemoData,
      savePhotoIn,
      serveMarket,
    } = await marketLoaded
    if (firstStart) demoPhotos().catch(() => {})
    dynamo = await dynamoStarted
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
    jobsTimer = startJobTimer(runJobs, jobDeps, config.JOBS_INTERVAL_SECONDS)
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    dynamo ??= await dynamoStarted?.catch(() => undefined)
    await stop(1)
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
