/**
 * `npm start`: the whole market on one machine. DynamoDB Local (a child this process owns, data
 * under DATA_DIR), the table, demo data on first start, and the API and web app on one port.
 */

import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { createDocumentClient, ensureTable } from '@market/data'
import { buildWeb } from '../../web/build.ts'
import { readLocalConfig } from './config.ts'
import { endpointFile, ensureSessionSecret } from './data-dir.ts'
import { type RunningDynamo, startDynamoDbLocal } from './dynamodb-local.ts'
import { demoAccounts, seedDemoData } from './seed.ts'
import { projectRoot, saveLocalPhoto, serveMarket } from './server.ts'

const say = (message: string) => process.stdout.write(`${message}\n`)

/** The scheduled jobs on a timer, as EventBridge runs them in the cloud (the same entry). */
const startJobTimer = async (seconds: number) => {
  const { runJobs } = await import('../jobs.ts')
  let running = false
  return setInterval(async () => {
    if (running) return
    running = true
    try {
      const report = await runJobs()
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
  const webDir = join(projectRoot, 'web', 'dist')
  await buildWeb({ outDir: webDir })

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
    if (dynamo) await rm(endpointFile(config.DATA_DIR), { force: true })
    await dynamo?.stop()
    process.exit(code)
  }
  process.on('SIGINT', () => void stop(0))
  process.on('SIGTERM', () => void stop(0))

  try {
    if (config.DYNAMODB_ENDPOINT) {
      process.env.AWS_ENDPOINT_URL_DYNAMODB = config.DYNAMODB_ENDPOINT
    } else {
      dynamo = await startDynamoDbLocal({ dataDir: join(config.DATA_DIR, 'dynamodb'), port: config.DYNAMODB_PORT })
      process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamo.endpoint
      await writeFile(endpointFile(config.DATA_DIR), dynamo.endpoint)
    }
    // DynamoDB Local accepts any credentials and region; real ones in the environment win.
    process.env.AWS_REGION ??= 'cn-local-1'
    process.env.AWS_ACCESS_KEY_ID ??= 'local'
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local'
    process.env.TABLE_NAME = config.TABLE_NAME
    process.env.SESSION_SECRET ??= await ensureSessionSecret(config.DATA_DIR)
    // Plain HTTP on this machine: a Secure cookie would not come back from a phone on the LAN.
    process.env.COOKIE_SECURE ??= 'false'

    const client = new DynamoDBClient({})
    const created = await ensureTable(client, config.TABLE_NAME)
    say(created ? `Created table ${config.TABLE_NAME}` : `Using table ${config.TABLE_NAME} in ${config.DATA_DIR}`)
    const seeded =
      config.SEED_DEMO_DATA &&
      (await seedDemoData(createDocumentClient(client), config.TABLE_NAME, {
        savePhoto: saveLocalPhoto(config.DATA_DIR),
      }))
    if (seeded) say('Wrote the demo data')
    client.destroy()

    server = await serveMarket({ port: config.PORT, host: config.HOST, webDir, dataDir: config.DATA_DIR })
    say(`\n  拉萨服装原辅料交易市场 · Lhasa Raw-Materials Exchange\n  ${server.url}\n`)
    if (seeded) {
      say('  Demo sign-ins (shown on the first start only):')
      for (const [role, account] of Object.entries(demoAccounts))
        say(`    ${role.padEnd(9)} ${account.email}  ${account.password}`)
      say('')
    }
    say('  Ctrl-C stops it.')
    jobsTimer = await startJobTimer(config.JOBS_INTERVAL_SECONDS)
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    await stop(1)
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
