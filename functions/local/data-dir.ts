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
})
export type DataDirPaths = ReturnType<typeof dataDirPaths>

/**
 * The session-signing secret of a local market: generated on the first start and kept under
 * DATA_DIR (readable by this user only), so sessions survive a restart.
 */
export const ensureSessionSecret = async (paths: DataDirPaths): Promise<string> => {
  try {
    const existing = (await readFile(paths.sessionSecret, 'utf8')).trim()
    if (existing.length >= 32) return existing
  } catch {
    // not there yet
  }
  await mkdir(dirname(paths.sessionSecret), { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  await writeFile(paths.sessionSecret, `${secret}\n`, { mode: 0o600 })
  return secret
}
