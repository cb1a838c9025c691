import { Duration, Stack } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import { Rule, Schedule } from 'aws-cdk-lib/aws-events'
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager'
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses'
import { Topic } from 'aws-cdk-lib/aws-sns'
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions'
import { NagSuppressions } from 'cdk-nag'
import { Construct } from 'constructs'
import { MarketFunction } from './market-function.ts'

export type MailerProps = {
  projectRoot: string
  table: ITableV2
  secret: ISecret
  /** The domain the market sends from (verified by DNS records SES gives), and the sender address on it. */
  domain: string
  from: string
  /** The market's address: e-mail links point there. */
  siteUrl: string
}

/**
 * E-mail through Amazon SES: the sending identity, a configuration set whose bounces and
 * complaints reach a small function that marks the address undeliverable, and the sender function
 * that sends the queued e-mail every minute (retrying failures with backoff).
 */
export class Mailer extends Construct {
  readonly sender: MarketFunction
  readonly bounces: MarketFunction

  constructor(scope: Construct, id: string, props: MailerProps) {
    super(scope, id)
    const configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      // SES itself also stops sending to addresses that bounced or complained, account-wide.
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    })
    const identity = new EmailIdentity(this, 'Identity', { identity: Identity.domain(props.domain), configurationSet })

    const events = new Topic(this, 'BouncesAndComplaints', { enforceSSL: true })
    NagSuppressions.addResourceSuppressions(events, [
      {
        id: 'AwsSolutions-SNS2',
        reason: 'SES events name only addresses that bounced or complained; SES publishes to it without a KMS grant.',
      },
    ])
    configurationSet.addEventDestination('ToTopic', {
      destination: EventDestination.snsTopic(events),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    })
    const environment = { TABLE_NAME: props.table.tableName, APP_SECRET_ARN: props.secret.secretArn }

    this.bounces = new MarketFunction(this, 'BounceFunction', {
      projectRoot: props.projectRoot,
      entry: 'functions/mail-bounces.ts',
      description: 'Marks addresses SES reports as bounced or complaining: no more e-mail to them',
      environment,
    })
    this.bounces.grantTable(props.table, 'readwrite')
    props.secret.grantRead(this.bounces)
    events.addSubscription(new LambdaSubscription(this.bounces))

    this.sender = new MarketFunction(this, 'SenderFunction', {
      projectRoot: props.projectRoot,
      entry: 'functions/mail-sender.ts',
      description: 'Sends queued e-mail through SES, retrying failures with backoff',
      timeout: Duration.seconds(55),
      // The next run, a minute later, picks up whatever this one left.
      retryAttempts: 0,
      environment: {
        ...environment,
        MAIL_FROM: props.from,
        MAIL_CONFIGURATION_SET: configurationSet.configurationSetName,
        SITE_URL: props.siteUrl,
      },
    })
    this.sender.grantTable(props.table, 'readwrite')
    props.secret.grantRead(this.sender)
    identity.grantSendEmail(this.sender)
    // Sending through a configuration set needs permission on the set too.
    this.sender.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          Stack.of(this).formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: configurationSet.configurationSetName,
          }),
        ],
      }),
    )
    new Rule(this, 'EveryMinute', {
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(this.sender, { retryAttempts: 0 })],
    })
  }
}
