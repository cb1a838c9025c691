import type { Listings } from '@market/core'
import type { MarketConfig } from './config.ts'
import type { PortBuilder } from './lambda-deps.ts'

/**
 * The photo store over S3, the client and presigner loaded at the first photo call rather than
 * when the function starts: most requests, even in the functions that touch photos, never do, and
 * S3's client is the largest import after Stripe (`infra/lambda-bundle.ts` puts it in a chunk).
 */
export const s3Photos = ({ bucket, endpoint, ...s3 }: MarketConfig['photos']): Listings.PhotoStore => {
  let loaded: Promise<Listings.PhotoStore> | undefined
  const store = () => {
    loaded ??= Promise.all([import('@aws-sdk/client-s3'), import('@market/data/photo-store')]).then(
      ([{ S3Client }, { createPhotoStore }]) =>
        createPhotoStore(
          new S3Client({
            // Checksums only when S3 requires them: a presigned PUT must not carry the checksum of an empty body.
            requestChecksumCalculation: 'WHEN_REQUIRED',
            ...s3,
            ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
          }),
          bucket,
        ),
    )
    return loaded
  }
  return {
    createUpload: async (input) => (await store()).createUpload(input),
    firstBytes: async (key, count) => (await store()).firstBytes(key, count),
  }
}

/** The photo store of a Lambda whose routes presign uploads or read photos back (route-map's `photos`). */
export const photos: PortBuilder<'photos'> = (_stores, config) => s3Photos(config.photos)
