import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The session-signing secret of a local market: generated on the first start and kept under
 * DATA_DIR (readable by this user only), so sessions survive a restart.
 */
export const ensureSessionSecret = async (dataDir: string): Promise<string> => {
  const file = join(dataDir, 'session-secret')
  try {
    const existing = (await readFile(file, 'utf8')).trim()
    if (existing.length >= 32) return existing
  } catch {
    // not there yet
  }
  await mkdir(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  await writeFile(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

/** Where a running `npm start` says its DynamoDB Local listens, so `npm run admin` can use it. */
export const endpointFile = (dataDir: string) => join(dataDir, 'dynamodb.endpoint')
