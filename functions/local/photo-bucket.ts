import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, normalize, sep } from 'node:path'
import { Hono } from 'hono'

/**
 * The photos bucket of `npm start`: just enough of the S3 API for the market's photos — a
 * presigned PutObject (AWS Signature V4 in the query string, checked here as S3 checks it) and
 * reading objects back under /photos/*, as CloudFront serves them in the cloud. The API presigns
 * with the real AWS SDK against it, so the upload code path is the cloud's.
 *
 * Why not s3rver: its last release (3.7.1) is from 2021 with unmaintained dependencies, and its
 * maintained fork needs Node 24. Being on our own origin also spares the browser a CORS preflight.
 */
export const photoBucketPath = '/_s3'
const maxObjectBytes = 5 * 1024 * 1024

const contentTypes: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

/** RFC 3986 encoding, as SigV4 canonical query strings use it. */
const encode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest()
const sha256 = (data: string) => createHash('sha256').update(data).digest('hex')

const amzDateToTime = (value: string) =>
  Date.parse(
    `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}T${value.slice(9, 11)}:${value.slice(11, 13)}:${value.slice(13, 15)}Z`,
  )

/** Checks a presigned request's signature and expiry; returns why it is refused, or undefined. */
export const presignedRequestProblem = (
  request: { method: string; url: URL; header: (name: string) => string | undefined },
  credentials: { accessKeyId: string; secretAccessKey: string },
  now: number,
): string | undefined => {
  const query = request.url.searchParams
  const signature = query.get('X-Amz-Signature')
  const amzDate = query.get('X-Amz-Date') ?? ''
  const credential = query.get('X-Amz-Credential') ?? ''
  const signedHeaders = (query.get('X-Amz-SignedHeaders') ?? '').split(';').filter(Boolean)
  const [accessKeyId, day, region, service, terminator] = credential.split('/')
  if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || !signature || !day || terminator !== 'aws4_request')
    return 'not presigned'
  if (accessKeyId !== credentials.accessKeyId) return 'unknown access key'
  const expiresAt = amzDateToTime(amzDate) + Number(query.get('X-Amz-Expires')) * 1000
  if (!(expiresAt >= now)) return 'expired'
  const canonicalQuery = [...query.entries()]
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [encode(name), encode(value)])
    .sort(([a = ''], [b = '']) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
  const canonicalHeaders = signedHeaders
    .map((name) => `${name}:${(request.header(name) ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('')
  const canonicalRequest = [
    request.method,
    request.url.pathname,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders.join(';'),
    query.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
  ].join('\n')
  const scope = `${day}/${region}/${service}/aws4_request`
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n')
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region ?? ''), service ?? ''), 'aws4_request')
  const expected = hmac(key, stringToSign)
  const given = Buffer.from(signature, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected) ? undefined : 'signature does not match'
}

const s3Error = (code: string, message: string, status: 400 | 403 | 404 | 413) =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`, {
    status,
    headers: { 'Content-Type': 'application/xml' },
  })

/** The file of an object key, never outside the bucket's folder. */
const objectFile = (dir: string, bucket: string, key: string) => {
  const bucketDir = join(dir, bucket)
  const file = normalize(join(bucketDir, key))
  return file.startsWith(bucketDir + sep) ? file : undefined
}

/** Puts an object straight into the store (the demo seed's photos). */
export const writePhotoObject = async (dir: string, bucket: string, key: string, bytes: Buffer) => {
  const file = objectFile(dir, bucket, key)
  if (!file) throw new Error(`Bad object key ${key}`)
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, bytes)
}

export const createPhotoBucket = (options: {
  dir: string
  bucket: string
  credentials: { accessKeyId: string; secretAccessKey: string }
}) => {
  const fileOf = (key: string) => objectFile(options.dir, options.bucket, key)
  return new Hono()
    .put(`${photoBucketPath}/:bucket/*`, async (c) => {
      if (c.req.param('bucket') !== options.bucket) return s3Error('NoSuchBucket', 'No such bucket', 404)
      const url = new URL(c.req.url)
      const body = Buffer.from(await c.req.arrayBuffer())
      if (body.length > maxObjectBytes) return s3Error('EntityTooLarge', 'At most 5 MB', 413)
      // A request built in-process (tests) carries neither Host nor Content-Length: its URL and body say them.
      const header = (name: string) =>
        c.req.header(name) ?? (name === 'host' ? url.host : name === 'content-length' ? String(body.length) : undefined)
      const problem = presignedRequestProblem({ method: 'PUT', url, header }, options.credentials, Date.now())
      if (problem) return s3Error('AccessDenied', problem, 403)
      if (body.length === 0 || String(body.length) !== header('content-length')) {
        return s3Error('IncompleteBody', 'The body is not the declared length', 400)
      }
      const key = decodeURIComponent(url.pathname.slice(`${photoBucketPath}/${options.bucket}/`.length))
      if (!fileOf(key)) return s3Error('InvalidRequest', 'Bad key', 400)
      await writePhotoObject(options.dir, options.bucket, key, body)
      return c.body(null, 200, { ETag: `"${createHash('md5').update(body).digest('hex')}"` })
    })
    .get('/photos/*', async (c) => {
      const key = decodeURIComponent(c.req.path.slice(1))
      const file = fileOf(key)
      const body = file ? await readFile(file).catch(() => undefined) : undefined
      if (!body) return c.body('Not found', 404)
      return c.body(body, 200, {
        'Content-Type': contentTypes[key.split('.').pop() ?? ''] ?? 'application/octet-stream',
        // Keys are never reused, so a photo never changes.
        'Cache-Control': 'public, max-age=31536000, immutable',
      })
    })
}
