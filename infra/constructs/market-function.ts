import { AssetHashType, DockerImage, Duration, RemovalPolicy } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import {
  Architecture,
  Code,
  type FunctionProps,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
} from 'aws-cdk-lib/aws-lambda'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { NagSuppressions } from 'cdk-nag'
import type { Construct } from 'constructs'
import { buildSync } from 'esbuild'
import { lambdaBuildOptions } from '../lambda-bundle.ts'

export type MarketFunctionProps = Omit<
  FunctionProps,
  'code' | 'handler' | 'runtime' | 'architecture' | 'logGroup' | 'loggingFormat'
> & {
  /** The repository root: esbuild resolves the `@market/*` workspace packages from it. */
  projectRoot: string
  /** The entry file, relative to the project root, as in functions/route-map.ts. */
  entry: string
}

/**
 * A Lambda with the house defaults: Node.js 22 on arm64, bundled locally by esbuild, JSON logs kept a month.
 * The bundle is built here rather than by NodejsFunction, which writes one file: code splitting
 * keeps what a function loads only on demand (Stripe's SDK, the OpenAPI document) out of its cold start.
 */
export class MarketFunction extends LambdaFunction {
  constructor(scope: Construct, id: string, { projectRoot, entry, environment, ...props }: MarketFunctionProps) {
    super(scope, id, {
      memorySize: 512,
      timeout: Duration.seconds(10),
      ...props,
      // Esbuild is a devDependency and runs here; Docker is not available on our machines, and is never asked for.
      code: Code.fromAsset(projectRoot, {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          image: DockerImage.fromRegistry('unused'),
          // Staged bundles are cached by these options, `tryBundle` not among them: the entry tells the functions apart.
          environment: { MARKET_ENTRY: entry },
          local: {
            tryBundle: (outdir) => {
              buildSync(lambdaBuildOptions({ projectRoot, entry, outdir }))
              return true
            },
          },
        },
      }),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      loggingFormat: LoggingFormat.JSON,
      logGroup: new LogGroup(scope, `${id}Logs`, {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      // No --enable-source-maps: it slows every cold start and error path. The maps ship in the zip;
      // set NODE_OPTIONS=--enable-source-maps on a function while debugging it.
      environment,
    })
    NagSuppressions.addResourceSuppressions(
      this,
      [
        { id: 'AwsSolutions-L1', reason: 'Node.js 22 is the runtime the code is built and tested for (target node22).' },
        {
          id: 'AwsSolutions-IAM4',
          reason: 'AWSLambdaBasicExecutionRole only lets the function write its own logs.',
          appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
        },
      ],
      true,
    )
  }

  /** Table access for a route group's declared need: read-only groups cannot write. */
  grantTable(table: ITableV2, access: 'read' | 'readwrite'): void {
    if (access === 'readwrite') table.grantReadWriteData(this)
    else table.grantReadData(this)
    this.acknowledgeWildcard('index', "Queries may use any GSI of the one table; the wildcard names only that table's indexes.")
  }

  /** Presigning uploads of photos and reading them back (never deleting them). */
  grantPhotos(bucket: IBucket, keyPrefix: string): void {
    this.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject'], resources: [bucket.arnForObjects(`${keyPrefix}*`)] }),
    )
    // Without it S3 answers a read of a photo never uploaded with 403, not 404 (NoSuchKey).
    this.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }))
    this.acknowledgeWildcard(
      keyPrefix.replace(/\/$/, ''),
      `Uploads get new ids as keys; the wildcard covers only the ${keyPrefix} prefix.`,
    )
  }

  /** Acknowledges `<Something.Arn>/<segment>/*` on this function's policy, and nothing broader. */
  private acknowledgeWildcard(segment: string, reason: string): void {
    NagSuppressions.addResourceSuppressions(
      this,
      [{ id: 'AwsSolutions-IAM5', reason, appliesTo: [{ regex: `/^Resource::<[A-Za-z0-9]+\\.Arn>\\/${segment}\\/\\*$/` }] }],
      true,
    )
  }
}
