import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, normalize, sep } from 'node:path'
import { type Context, Hono } from 'hono'

/**
 * The photos bucket of `npm start`: just enough of the S3 API for the market's photos — the
 * browser's presigned PutObject (AWS Signature V4 in the query string), the API's GetObject of a
 * photo's first bytes (signed in the Authorization header, with a Range), both checked as S3
 * checks them, and reading objects back under /photos/*, as CloudFront serves them in the cloud.
 * The API signs with the real AWS SDK against it, so these code paths are the cloud's.
 *
 * Why not s3rver: its last release (3.7.1) is from 2021 with unmaintained dependencies, and its
 * maintained fork needs Node 24. Being on our own origin also spares the browser a CORS preflight.
 */
export const photoBucketPath = '/_s3'
const maxObjectBytes = 5 * 1024 * 1024
/** How far the time a request was signed at may be from ours when it is signed in a header, as S3 allows. */
const allowedSkewMs = 15 * 60 * 1000

const contentTypes: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }
const contentTypeOf = (key: string) => contentTypes[key.split('.').pop() ?? ''] ?? 'application/octet-stream'

/** RFC 3986 encoding, as SigV4 canonical query strings use it. */
const encode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest()
const sha256 = (data: string) => createHash('sha256').update(data).digest('hex')

const amzDateToTime = (value: string) =>
  Date.parse(
    `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}T${value.slice(9, 11)}:${value.slice(11, 13)}:${value.slice(13, 15)}Z`,
  )

export type Credentials = { accessKeyId: string; secretAccessKey: string }
type SignedRequest = { method: string; url: URL; header: (name: string) => string | undefined }

/** Where a request carries its signature: the Authorization header (the SDK's calls) or the query string (presigned URLs). */
const signatureOf = (request: SignedRequest) => {
  const authorization = request.header('authorization')
  if (authorization) {
    const [, credential, signedHeaders, signature] =
      authorization.match(/^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/) ?? []
    const amzDate = request.header('x-amz-date') ?? ''
    const signedAt = amzDateToTime(amzDate)
    return {
      credential,
      signedHeaders,
      signature,
      amzDate,
      payloadHash: request.header('x-amz-content-sha256') ?? 'UNSIGNED-PAYLOAD',
      validFrom: signedAt - allowedSkewMs,
      validUntil: signedAt + allowedSkewMs,
    }
  }
  const query = request.url.searchParams
  if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return undefined
  const amzDate = query.get('X-Amz-Date') ?? ''
  return {
    credential: query.get('X-Amz-Credential') ?? undefined,
    signedHeaders: query.get('X-Amz-SignedHeaders') ?? '',
    signature: query.get('X-Amz-Signature') ?? undefined,
    amzDate,
    payloadHash: query.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
    validFrom: Number.NEGATIVE_INFINITY,
    validUntil: amzDateToTime(amzDate) + Number(query.get('X-Amz-Expires')) * 1000,
  }
}

/** Checks a request's AWS Signature V4 (in its query string or its Authorization header) and its time; returns why it is refused, or undefined. */
export const signatureProblem = (request: SignedRequest, credentials: Credentials, now: number): string | undefined => {
  const signed = signatureOf(request)
  const [accessKeyId, day, region, service, terminator] = (signed?.credential ?? '').split('/')
  if (!signed?.signature || !day || terminator !== 'aws4_request') return 'not signed'
  if (accessKeyId !== credentials.accessKeyId) return 'unknown access key'
  if (!(now >= signed.validFrom && now <= signed.validUntil)) return 'expired'
  const signedHeaders = (signed.signedHeaders ?? '').split(';').filter(Boolean)
  const canonicalQuery = [...request.url.searchParams.entries()]
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
    signed.payloadHash,
  ].join('\n')
  const scope = `${day}/${region}/${service}/aws4_request`
  const stringToSign = ['AWS4-HMAC-SHA256', signed.amzDate, scope, sha256(canonicalRequest)].join('\n')
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region ?? ''), service ?? ''), 'aws4_request')
  const expected = hmac(key, stringToSign)
  const given = Buffer.from(signed.signature, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected) ? undefined : 'signature does not match'
}

const s3Error = (code: string, message: string, status: 400 | 403 | 404 | 413 | 416) =>
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

/** The object key a path names after `prefix`; undefined when its percent-encoding is broken. */
const keyIn = (path: string, prefix: string) => {
  try {
    return decodeURIComponent(path.slice(prefix.length))
  } catch {
    return undefined
  }
}

/** Puts an object straight into the store (the demo seed's photos). */
export const writePhotoObject = async (dir: string, bucket: string, key: string, bytes: Buffer) => {
  const file = objectFile(dir, bucket, key)
  if (!file) throw new Error(`Bad object key ${key}`)
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, bytes)
}

/** The bytes a `Range: bytes=a-b` header asks for (all of them without one), or undefined when none are there. */
const rangeOf = (header: string | undefined, size: number) => {
  const [, from, to] = header?.match(/^bytes=(\d+)-(\d*)$/) ?? []
  if (from === undefined) return { start: 0, end: size - 1, partial: false }
  const start = Number(from)
  const end = Math.min(to ? Number(to) : size - 1, size - 1)
  return start <= end ? { start, end, partial: true } : undefined
}

export const createPhotoBucket = (options: { dir: string; bucket: string; credentials: Credentials }) => {
  const fileOf = (key: string) => objectFile(options.dir, options.bucket, key)
  const objectPrefix = `${photoBucketPath}/${options.bucket}/`

  /** The object a signed S3 request names, or the S3 error refusing it. */
  const signedObject = (c: Context, body?: Buffer): { key: string; file: string } | Response => {
    if (c.req.param('bucket') !== options.bucket) return s3Error('NoSuchBucket', 'No such bucket', 404)
    const url = new URL(c.req.url)
    // A request built in-process (tests) carries neither Host nor Content-Length: its URL and body say them.
    const header = (name: string) =>
      c.req.header(name) ?? (name === 'host' ? url.host : name === 'content-length' && body ? String(body.length) : undefined)
    const problem = signatureProblem({ method: c.req.method, url, header }, options.credentials, Date.now())
    if (problem) return s3Error('AccessDenied', problem, 403)
    const key = keyIn(url.pathname, objectPrefix)
    const file = key === undefined ? undefined : fileOf(key)
    return key !== undefined && file ? { key, file } : s3Error('InvalidRequest', 'Bad key', 400)
  }

  return new Hono()
    .put(`${photoBucketPath}/:bucket/*`, async (c) => {
      const body = Buffer.from(await c.req.arrayBuffer())
      if (body.length > maxObjectBytes) return s3Error('EntityTooLarge', 'At most 5 MB', 413)
      const object = signedObject(c, body)
      if (object instanceof Response) return object
      if (body.length === 0 || String(body.length) !== (c.req.header('content-length') ?? String(body.length))) {
        return s3Error('IncompleteBody', 'The body is not the declared length', 400)
      }
      await writePhotoObject(options.dir, options.bucket, object.key, body)
      return c.body(null, 200, { ETag: `"${createHash('md5').update(body).digest('hex')}"` })
    })
    .get(`${photoBucketPath}/:bucket/*`, async (c) => {
      const object = signedObject(c)
      if (object instanceof Response) return object
      const body = await readFile(object.file).catch(() => undefined)
      if (!body) return s3Error('NoSuchKey', 'The specified key does not exist.', 404)
      const range = rangeOf(c.req.header('range'), body.length)
      if (!range) return s3Error('InvalidRange', 'The requested range is not satisfiable', 416)
      return c.body(body.subarray(range.start, range.end + 1), range.partial ? 206 : 200, {
        'Content-Type': contentTypeOf(object.key),
        ...(range.partial ? { 'Content-Range': `bytes ${range.start}-${range.end}/${body.length}` } : {}),
      })
    })
    .get('/photos/*', async (c) => {
      const key = keyIn(c.req.path, '/')
      if (key === undefined) return c.body('Bad request', 400)
      const file = fileOf(key)
      const body = file ? await readFile(file).catch(() => undefined) : undefined
      if (!body) return c.body('Not found', 404)
      return c.body(body, 200, {
        'Content-Type': contentTypeOf(key),
        // Keys are never reused, so a photo never changes.
        'Cache-Control': 'public, max-age=31536000, immutable',
      })
    })
}
