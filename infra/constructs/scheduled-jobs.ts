import { Duration } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import { Rule, Schedule } from 'aws-cdk-lib/aws-events'
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets'
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations'
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager'
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs'
import { NagSuppressions } from 'cdk-nag'
import { Construct } from 'constructs'
import { MarketFunction } from './market-function.ts'

export type ScheduledJobsProps = {
  projectRoot: string
  /** The scheduled entry, relative to the project root. */
  entry: string
  table: ITableV2
  secret: ISecret
}

/**
 * The jobs function (RFQ deadlines, auto-complete, unpaid-order timeout) run every 5 minutes.
 * Failed runs land in a dead-letter queue whose depth is alarmed.
 */
export class ScheduledJobs extends Construct {
  readonly function: MarketFunction
  readonly deadLetterQueue: Queue

  constructor(scope: Construct, id: string, props: ScheduledJobsProps) {
    super(scope, id)
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    })
    NagSuppressions.addResourceSuppressions(this.deadLetterQueue, [
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself the dead-letter queue of the jobs function.' },
    ])

    this.function = new MarketFunction(this, 'Function', {
      projectRoot: props.projectRoot,
      entry: props.entry,
      description: 'Scheduled jobs: RFQ deadlines, auto-complete, unpaid-order timeout',
      // Shorter than the 5-minute period, so runs never overlap.
      timeout: Duration.minutes(2),
      // No Lambda retries: the next run, 5 minutes later, picks up whatever this one left.
      retryAttempts: 0,
      onFailure: new SqsDestination(this.deadLetterQueue),
      environment: { TABLE_NAME: props.table.tableName, APP_SECRET_ARN: props.secret.secretArn },
    })
    this.function.grantTable(props.table, 'readwrite')
    props.secret.grantRead(this.function)

    new Rule(this, 'EveryFiveMinutes', {
      schedule: Schedule.rate(Duration.minutes(5)),
      // Events EventBridge cannot deliver go to the same queue as failed runs.
      targets: [new LambdaFunction(this.function, { deadLetterQueue: this.deadLetterQueue, retryAttempts: 2 })],
    })
  }
}
