import { S3Client } from '@aws-sdk/client-s3'
import { createPhotoStore } from '@market/data'
import type { MarketConfig } from './config.ts'

/**
 * The photo store over S3: only the functions whose routes presign uploads or read photos back
 * pass it to `lambdaDeps` (route-map's `photos`), so the others do not bundle the S3 client.
 */
export const s3Photos = ({ bucket, endpoint, ...s3 }: MarketConfig['photos']) =>
  createPhotoStore(
    new S3Client({
      // Checksums only when S3 requires them: a presigned PUT must not carry the checksum of an empty body.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      ...s3,
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    }),
    bucket,
  )

export type PhotosSource = typeof s3Photos
