import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib'
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway'
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination, type ThrottleSettings } from 'aws-cdk-lib/aws-apigatewayv2'
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager'
import { NagSuppressions } from 'cdk-nag'
import { Construct } from 'constructs'
import { gatewayRoutePaths, type RouteGroup } from '../../functions/route-map.ts'
import { MarketFunction } from './market-function.ts'
import { photoKeyPrefix } from './photos-bucket.ts'

export type ApiFunctionsProps = {
  projectRoot: string
  routeGroups: readonly RouteGroup[]
  table: ITableV2
  photosBucket: IBucket
  secret: ISecret
  throttle: ThrottleSettings
  /** Per-function reserved concurrency; undefined leaves the functions in the account's shared pool. */
  reservedConcurrency?: number
}

const pascalCase = (name: string) =>
  name
    .split(/[^a-zA-Z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')

/**
 * The HTTP API and one function per route group of functions/route-map.ts. Every prefix gets
 * `ANY <prefix>` and `ANY <prefix>/{proxy+}` (`:id` segments as `{id}`), so a new group or prefix
 * in the map deploys with no edit here.
 */
export class ApiFunctions extends Construct {
  readonly api: HttpApi
  readonly stage: HttpStage
  /** By construct id (`<Group>Function`), one per route group. */
  readonly functions: Record<string, MarketFunction> = {}
  /** The API's host name, for CloudFront's origin. */
  readonly domainName: string

  constructor(scope: Construct, id: string, props: ApiFunctionsProps) {
    super(scope, id)
    this.api = new HttpApi(this, 'HttpApi', { createDefaultStage: false })
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    })
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // JSON, like the functions' own logs, so one Logs Insights query reads both.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            route: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            ms: '$context.responseLatency',
            bytes: '$context.responseLength',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    })
    const stack = Stack.of(this)
    this.domainName = `${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`

    for (const group of props.routeGroups) {
      const fnId = `${pascalCase(group.name)}Function`
      const fn = new MarketFunction(this, fnId, {
        projectRoot: props.projectRoot,
        entry: group.entry,
        description: `Route group ${group.name}: ${group.prefixes.join(' ')}`,
        // API Gateway gives up after 30 s; fail sooner so the client gets our error, not its 503.
        timeout: Duration.seconds(group.timeoutSeconds ?? 10),
        ...(group.timeoutSeconds ? { memorySize: 1024 } : {}),
        reservedConcurrentExecutions: props.reservedConcurrency,
        environment: {
          TABLE_NAME: props.table.tableName,
          APP_SECRET_ARN: props.secret.secretArn,
          ...(group.photos ? { PHOTOS_BUCKET: props.photosBucket.bucketName } : {}),
        },
      })
      props.secret.grantRead(fn)
      fn.grantTable(props.table, group.access)
      // Only the groups that presign photo uploads or read photos back may touch them (and bundle S3).
      if (group.photos) fn.grantPhotos(props.photosBucket, photoKeyPrefix)
      for (const prefix of group.fileKeyPrefixes ?? []) fn.grantPhotos(props.photosBucket, prefix)
      const integration = new HttpLambdaIntegration(`${pascalCase(group.name)}Integration`, fn)
      for (const path of group.prefixes.flatMap(gatewayRoutePaths)) {
        this.api.addRoutes({ path, methods: [HttpMethod.ANY], integration })
      }
      this.functions[fnId] = fn
    }
    NagSuppressions.addResourceSuppressions(
      this.api,
      [
        {
          id: 'AwsSolutions-APIG4',
          reason: "Sign-in is the app's session cookie, checked per object in the functions; catalogue routes are public.",
        },
      ],
      true,
    )
  }
}
