import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { Listings } from '@market/core'

/**
 * Presigned uploads straight from the browser to the photos bucket (S3 in the cloud, the local
 * S3-API store under `npm start`). Type and length are signed, so the upload must be the file
 * that was announced: a larger or different one is refused by the store. What the bytes are is
 * checked when a listing or request first names the photo (`firstBytes`).
 */
export const createPhotoStore = (s3: S3Client, bucket: string): Listings.PhotoStore => ({
  createUpload: async ({ key, contentType, size, expiresInSeconds }) => {
    const url = await getSignedUrl(
      s3,
      new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, ContentLength: size }),
      { expiresIn: expiresInSeconds, signableHeaders: new Set(['content-type', 'content-length']) },
    )
    return { url, headers: { 'Content-Type': contentType } }
  },

  firstBytes: async (key, count) => {
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${count - 1}` }))
      return await object.Body?.transformToByteArray()
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined
      throw error
    }
  },
})
