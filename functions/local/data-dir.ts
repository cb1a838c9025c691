import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/** Every path of a local market under DATA_DIR, named once. */
export const dataDirPaths = (dataDir: string) => ({
  /** DynamoDB Local's database files. */
  dynamodb: join(dataDir, 'dynamodb'),
  /** The photo bucket's objects, one folder per bucket. */
  objects: join(dataDir, 'objects'),
  /** The session-signing secret, generated on the first start. */
  sessionSecret: join(dataDir, 'session-secret'),
  /** The photo bucket's secret key, generated on the first start: only the API signs for the bucket. */
  photoBucketKey: join(dataDir, 'photo-bucket-key'),
})
export type DataDirPaths = ReturnType<typeof dataDirPaths>

/** A random secret kept in `file` (readable by this user only): generated the first time, the same ever after. */
const ensureSecretFile = async (file: string): Promise<string> => {
  try {
    const existing = (await readFile(file, 'utf8')).trim()
    if (existing.length >= 32) return existing
  } catch {
    // not there yet
  }
  await mkdir(dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  await writeFile(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

/** The session-signing secret of a local market, kept under DATA_DIR so sessions survive a restart. */
export const ensureSessionSecret = (paths: DataDirPaths) => ensureSecretFile(paths.sessionSecret)

/**
 * The secret key the API signs photo uploads and reads with, and the local photo bucket checks:
 * one per DATA_DIR, so nobody else can sign for the bucket (AWS's own credentials sign in the cloud).
 */
export const ensurePhotoBucketKey = (paths: DataDirPaths) => ensureSecretFile(paths.photoBucketKey)
