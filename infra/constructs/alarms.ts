import { Duration } from 'aws-cdk-lib'
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2'
import { Alarm, ComparisonOperator, type IMetric, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch'
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions'
import { type ITableV2, Operation } from 'aws-cdk-lib/aws-dynamodb'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import { Topic } from 'aws-cdk-lib/aws-sns'
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions'
import type { IQueue } from 'aws-cdk-lib/aws-sqs'
import { NagSuppressions } from 'cdk-nag'
import { Construct } from 'constructs'

export type AlarmsProps = {
  api: HttpApi
  /** Function construct id → function. */
  functions: Record<string, IFunction>
  table: ITableV2
  deadLetterQueue: IQueue
  /** Who is told; without it the alarms still show in the console. */
  email?: string
}

const period = Duration.minutes(5)

/** Alarms for what a trader would notice: API failures, failing or throttled functions, table throttling, failed jobs. */
export class Alarms extends Construct {
  readonly topic: Topic

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id)
    this.topic = new Topic(this, 'Topic', { enforceSSL: true })
    NagSuppressions.addResourceSuppressions(this.topic, [
      {
        id: 'AwsSolutions-SNS2',
        reason:
          'Alarm notices carry no customer data; CloudWatch cannot publish to the AWS-managed key, and a CMK costs at rest.',
      },
    ])
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email))
    const action = new SnsAction(this.topic)
    const alarm = (name: string, metric: IMetric, threshold: number, description: string) => {
      new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No traffic is not a failure: an idle market must stay quiet.
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      }).addAlarmAction(action)
    }

    alarm(
      'Api5xxRate',
      new MathExpression({
        // Percent of requests that ended in 5xx; IF keeps an idle period at 0 rather than a division by zero.
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: {
          errors: props.api.metricServerError({ period, statistic: 'Sum' }),
          requests: props.api.metricCount({ period, statistic: 'Sum' }),
        },
        period,
      }),
      5,
      'At least 5 % of API requests failed with a 5xx in 5 minutes.',
    )
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${name}Errors`, fn.metricErrors({ period, statistic: 'Sum' }), 1, `${name} threw at least once in 5 minutes.`)
      alarm(`${name}Throttles`, fn.metricThrottles({ period, statistic: 'Sum' }), 1, `${name} was throttled in 5 minutes.`)
    }
    alarm(
      'TableThrottles',
      props.table.metricThrottledRequestsForOperations({
        // The operations the repositories use; an alarm's math may sum at most 10 metrics.
        operations: [
          Operation.GET_ITEM,
          Operation.BATCH_GET_ITEM,
          Operation.QUERY,
          Operation.PUT_ITEM,
          Operation.UPDATE_ITEM,
          Operation.DELETE_ITEM,
          Operation.BATCH_WRITE_ITEM,
          Operation.TRANSACT_GET_ITEMS,
          Operation.TRANSACT_WRITE_ITEMS,
        ],
        period,
        statistic: 'Sum',
      }),
      1,
      'DynamoDB throttled requests to the market table.',
    )
    alarm(
      'DeadLetters',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      1,
      'A scheduled job failed; its event is in the dead-letter queue.',
    )
  }
}
