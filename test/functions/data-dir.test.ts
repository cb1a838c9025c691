import { mkdtemp, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataDirPaths, ensurePhotoBucketKey } from '../../functions/local/data-dir.ts'

describe('a local market’s data folder', () => {
  it('keeps a photo bucket key of its own: random, generated once, readable by this user only', async () => {
    const [first, second] = await Promise.all([1, 2].map(() => mkdtemp(join(tmpdir(), 'market-data-'))))
    const key = await ensurePhotoBucketKey(dataDirPaths(first as string))
    expect(key.length).toBeGreaterThanOrEqual(32)
    expect(await ensurePhotoBucketKey(dataDirPaths(first as string))).toBe(key)
    expect(await ensurePhotoBucketKey(dataDirPaths(second as string))).not.toBe(key)
    expect((await stat(dataDirPaths(first as string).photoBucketKey)).mode & 0o777).toBe(0o600)
  })
})
