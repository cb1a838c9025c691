import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { App, Aspects } from 'aws-cdk-lib'
import { AwsSolutionsChecks } from 'cdk-nag'
import { buildWeb } from '../web/build.ts'
import { MarketStack } from './stacks/market-stack.ts'

// The only place that reads the environment and CDK context; everything below takes props.
const projectRoot = fileURLToPath(new URL('..', import.meta.url))
const webAssetDir = join(projectRoot, 'web', 'dist')
await buildWeb({ outDir: webAssetDir })

const app = new App()
const mailDomain: string | undefined = app.node.tryGetContext('mailDomain') ?? process.env.MAIL_DOMAIN
const optionalNumber = (value: unknown) => (value === undefined ? undefined : Number(value))
new MarketStack(app, app.node.tryGetContext('stackName') ?? 'LhasaMarket', {
  description: 'Lhasa raw-materials exchange: API, functions, table, web and photos',
  projectRoot,
  webAssetDir,
  reservedConcurrency: optionalNumber(app.node.tryGetContext('reservedConcurrency')),
  alarmEmail: app.node.tryGetContext('alarmEmail') ?? process.env.ALARM_EMAIL,
  ...(mailDomain ? { mail: { domain: mailDomain, from: app.node.tryGetContext('mailFrom') ?? `market@${mailDomain}` } } : {}),
})
// Any unsuppressed AwsSolutions finding is an error annotation, which fails synth and deploy.
Aspects.of(app).add(new AwsSolutionsChecks())
