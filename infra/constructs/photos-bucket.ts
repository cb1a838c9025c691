import { Duration } from 'aws-cdk-lib'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3'
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources'
import { Construct } from 'constructs'

/** CloudFront serves /photos/*, so every photo's key starts with this. */
export const photoKeyPrefix = 'photos/'

export type PhotosBucketProps = { logBucket: IBucket }

/**
 * Listing photos: private, uploaded by the browser with presigned PUTs straight to S3, read
 * through CloudFront under /photos/*.
 */
export class PhotosBucket extends Construct {
  readonly bucket: Bucket

  constructor(scope: Construct, id: string, props: PhotosBucketProps) {
    super(scope, id)
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'photos-bucket/',
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    })
  }

  /**
   * Lets pages from `origin` PUT to presigned URLs. Set after the stack creates the distribution:
   * the bucket is the distribution's origin, so the bucket's own CORS property cannot name the
   * distribution's domain without a dependency cycle.
   */
  allowUploadsFrom(origin: string): void {
    const bucketName = this.bucket.bucketName
    new AwsCustomResource(this, 'Cors', {
      onUpdate: {
        service: 'S3',
        action: 'putBucketCors',
        parameters: {
          Bucket: bucketName,
          CORSConfiguration: {
            CORSRules: [{ AllowedMethods: ['PUT'], AllowedOrigins: [origin], AllowedHeaders: ['*'], MaxAgeSeconds: 3600 }],
          },
        },
        physicalResourceId: PhysicalResourceId.of('photos-bucket-cors'),
      },
      onDelete: { service: 'S3', action: 'deleteBucketCors', parameters: { Bucket: bucketName } },
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({ actions: ['s3:PutBucketCORS'], resources: [this.bucket.bucketArn] }),
      ]),
      installLatestAwsSdk: false,
    })
  }
}
