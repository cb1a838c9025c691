import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib'
import type { ThrottleSettings } from 'aws-cdk-lib/aws-apigatewayv2'
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda'
import { Secret } from 'aws-cdk-lib/aws-secretsmanager'
import { NagSuppressions } from 'cdk-nag'
import type { Construct } from 'constructs'
import { type RouteGroup, routeGroups } from '../../functions/route-map.ts'
import { Alarms } from '../constructs/alarms.ts'
import { ApiFunctions } from '../constructs/api-functions.ts'
import { LogBucket } from '../constructs/log-bucket.ts'
import { Mailer } from '../constructs/mailer.ts'
import { MarketTable } from '../constructs/market-table.ts'
import { PhotosBucket } from '../constructs/photos-bucket.ts'
import { ScheduledJobs } from '../constructs/scheduled-jobs.ts'
import { WebDistribution } from '../constructs/web-distribution.ts'

export type MarketStackProps = StackProps & {
  /** The repository root: entries in the route map are relative to it. */
  projectRoot: string
  /** The built web app to upload. */
  webAssetDir: string
  /** Defaults to the route map; tests pass their own to show a new group needs no infra change. */
  routeGroups?: readonly RouteGroup[]
  /** The scheduled-jobs entry, relative to the project root. */
  jobsEntry?: string
  /**
   * The API's steady and burst request limits. This, not reserved concurrency, bounds the load on
   * the table: a new account's concurrency quota can be as low as 10, and reserving from it fails
   * the deploy.
   */
  apiThrottle?: ThrottleSettings
  /** Reserved concurrency per API function; for accounts whose quota leaves room. */
  reservedConcurrency?: number
  alarmEmail?: string
  /** E-mail through SES from this domain and address; without it no e-mail leaves the market (it stays queued). */
  mail?: { domain: string; from: string }
}

/** The whole market in one stack: its parts share one table and one origin, and deploy together. */
export class MarketStack extends Stack {
  constructor(scope: Construct, id: string, props: MarketStackProps) {
    super(scope, id, props)
    const table = new MarketTable(this, 'Data').table
    const logBucket = new LogBucket(this, 'Logs').bucket
    const photos = new PhotosBucket(this, 'Photos', { logBucket })

    // SESSION_SECRET is generated here; the two Stripe keys are filled in by hand after the first deploy.
    const secret = new Secret(this, 'AppSecret', {
      description: 'Lhasa exchange: SESSION_SECRET, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ STRIPE_SECRET_KEY: 'unset', STRIPE_WEBHOOK_SECRET: 'unset' }),
        generateStringKey: 'SESSION_SECRET',
        passwordLength: 64,
        excludePunctuation: true,
      },
    })
    NagSuppressions.addResourceSuppressions(secret, [
      {
        id: 'AwsSolutions-SMG4',
        reason: 'Stripe keys are rotated in Stripe and pasted in; rotating the session secret would sign everyone out.',
      },
    ])

    const api = new ApiFunctions(this, 'Api', {
      projectRoot: props.projectRoot,
      routeGroups: props.routeGroups ?? routeGroups,
      table,
      photosBucket: photos.bucket,
      secret,
      throttle: props.apiThrottle ?? { rateLimit: 50, burstLimit: 100 },
      reservedConcurrency: props.reservedConcurrency,
    })
    const jobs = new ScheduledJobs(this, 'Jobs', {
      projectRoot: props.projectRoot,
      entry: props.jobsEntry ?? 'functions/jobs.ts',
      table,
      secret,
    })
    const web = new WebDistribution(this, 'Web', {
      webAssetDir: props.webAssetDir,
      apiDomainName: api.domainName,
      photosBucket: photos.bucket,
      logBucket,
    })
    const origin = `https://${web.distribution.distributionDomainName}`
    photos.allowUploadsFrom(origin)
    if (props.mail) new Mailer(this, 'Mail', { projectRoot: props.projectRoot, table, secret, siteUrl: origin, ...props.mail })

    new Alarms(this, 'Alarms', {
      api: api.api,
      functions: { ...api.functions, JobsFunction: jobs.function },
      table,
      deadLetterQueue: jobs.deadLetterQueue,
      email: props.alarmEmail,
    })

    this.acknowledgeCdkHandlers()

    new CfnOutput(this, 'Url', { value: origin, description: 'The market; Stripe webhooks go to <Url>/api/webhooks/stripe' })
    new CfnOutput(this, 'TableName', { value: table.tableName, description: 'TABLE_NAME for `npm run admin` against the cloud' })
    new CfnOutput(this, 'AppSecretArn', { value: secret.secretArn, description: 'Put the Stripe keys in this secret' })
  }

  /**
   * BucketDeployment and AwsCustomResource share singleton handlers placed at the stack's top
   * level (our own functions all sit inside constructs). Their code and policies are CDK's.
   */
  private acknowledgeCdkHandlers(): void {
    for (const handler of this.node.children.filter((child) => child instanceof LambdaFunction)) {
      NagSuppressions.addResourceSuppressions(
        handler,
        [
          { id: 'AwsSolutions-L1', reason: 'CDK pins the runtime of its own deploy-time handler.' },
          { id: 'AwsSolutions-IAM4', reason: "CDK's deploy-time handler writes its logs through the basic execution role." },
          {
            id: 'AwsSolutions-IAM5',
            reason: 'CDK scopes the deploy-time handler to the asset and web buckets and to invalidations.',
          },
        ],
        true,
      )
    }
  }
}
