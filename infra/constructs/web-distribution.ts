import { Duration } from 'aws-cdk-lib'
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  type HeadersFrameOption,
  type HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront'
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins'
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3'
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment'
import { NagSuppressions } from 'cdk-nag'
import { Construct } from 'constructs'
import { securityPolicy } from '../../functions/security-headers.ts'
import { webCacheControl } from '../../functions/web-caching.ts'

export type WebDistributionProps = {
  /** The built web app (index.html and its assets). */
  webAssetDir: string
  /** The HTTP API's host name; CloudFront serves it under /api/*. */
  apiDomainName: string
  photosBucket: IBucket
  logBucket: IBucket
}

/**
 * Paths without a file extension are the SPA's client-side routes: serve index.html for them.
 * Done here rather than with 403/404 error responses, which would also rewrite the API's 404s.
 */
const spaFallback = `function handler(event) {
  var request = event.request;
  if (!/\\.[^/]*$/.test(request.uri)) request.uri = '/index.html';
  return request;
}`

/**
 * API Gateway only answers to its own Host name, so the viewer's host travels as X-Forwarded-Host:
 * the API's cross-site check compares the browser's Origin with it.
 */
const forwardViewerHost = `function handler(event) {
  var request = event.request;
  request.headers['x-forwarded-host'] = { value: request.headers.host.value };
  return request;
}`

/**
 * The browser's one origin: the web app from a private bucket, /api/* from the HTTP API (so the
 * session cookie is first-party) and /photos/* from the photos bucket.
 */
export class WebDistribution extends Construct {
  readonly distribution: Distribution
  readonly bucket: Bucket

  constructor(scope: Construct, id: string, props: WebDistributionProps) {
    super(scope, id)
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'web-bucket/',
    })

    // The one list the local server sends too; uploads go from the browser straight to the photos bucket's own endpoint.
    const responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: securityPolicy.contentSecurityPolicy(`https://${props.photosBucket.bucketRegionalDomainName}`),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(securityPolicy.strictTransportSecurity.maxAgeSeconds),
          includeSubdomains: securityPolicy.strictTransportSecurity.includeSubdomains,
          override: true,
        },
        // CloudFront's only value for this header is nosniff.
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: securityPolicy.frameOptions as HeadersFrameOption, override: true },
        referrerPolicy: { referrerPolicy: securityPolicy.referrerPolicy as HeadersReferrerPolicy, override: true },
      },
    })

    const apiOrigin = new HttpOrigin(props.apiDomainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    })
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Lhasa raw-materials exchange',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        // Compressed at the edge (gzip or brotli, as the browser accepts); cached by each object's Cache-Control.
        compress: true,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new CloudFrontFunction(this, 'SpaFallback', {
              code: FunctionCode.fromInline(spaFallback),
              runtime: FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // API Gateway routes by its own Host name, so every viewer header but Host goes through.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy,
          functionAssociations: [
            {
              eventType: FunctionEventType.VIEWER_REQUEST,
              function: new CloudFrontFunction(this, 'ForwardViewerHost', {
                code: FunctionCode.fromInline(forwardViewerHost),
                runtime: FunctionRuntime.JS_2_0,
              }),
            },
          ],
        },
        '/photos/*': {
          origin: S3BucketOrigin.withOriginAccessControl(props.photosBucket),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy,
        },
      },
    })

    NagSuppressions.addResourceSuppressions(this.distribution, [
      { id: 'AwsSolutions-CFR1', reason: 'No geo restriction: the market sells to buyers beyond Tibet, as the plan asks.' },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'No WAF yet: a web ACL costs money at rest; API Gateway throttling bounds abuse meanwhile.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'The default *.cloudfront.net certificate fixes the TLS policy; set it with a custom domain.',
      },
    ])

    // Two uploads for two lifetimes: the hashed assets for a year, index.html asked for again every
    // time. The build's .gz and .br copies stay behind: CloudFront compresses by itself.
    const assets = new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(props.webAssetDir, { exclude: ['*.gz', '*.br'] })],
      destinationBucket: this.bucket,
      exclude: ['index.html'],
      cacheControl: [CacheControl.fromString(webCacheControl.hashed)],
    })
    const shell = new BucketDeployment(this, 'ShellDeployment', {
      sources: [Source.asset(props.webAssetDir, { exclude: ['*.gz', '*.br'] })],
      destinationBucket: this.bucket,
      exclude: ['*'],
      include: ['index.html'],
      prune: false,
      cacheControl: [CacheControl.fromString(webCacheControl.other)],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    })
    shell.node.addDependency(assets)
  }
}
