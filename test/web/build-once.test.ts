import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRecordOf, buildWebOnce } from '../../web/build.ts'

let root: string
let outDir: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'market-web-once-'))
  outDir = join(root, 'dist')
})

afterAll(() => rm(root, { recursive: true, force: true }))

type BuildRecord = { inputs: { [file: string]: string }; built: unknown }
const readRecord = async () => JSON.parse(await readFile(buildRecordOf(outDir), 'utf8')) as BuildRecord

/** A file only this test writes into the output: a rebuild empties the folder, so it tells whether one ran. */
const leaveMark = () => writeFile(join(outDir, 'mark'), 'left by the test')
const marked = () => existsSync(join(outDir, 'mark'))

describe('the web build, reused while nothing it was built from changed', () => {
  it('records every file the build read beside the output, not in the served folder', async () => {
    const built = await buildWebOnce({ outDir })
    const { inputs } = await readRecord()
    expect(buildRecordOf(outDir).startsWith(join(outDir, '/'))).toBe(false)
    expect(Object.keys(inputs)).toEqual(
      expect.arrayContaining([
        resolve('web/src/main.tsx'),
        resolve('web/index.html'),
        resolve('web/build.ts'),
        resolve('tsconfig.json'),
        resolve('packages/contracts/src/values.ts'),
      ]),
    )
    // The stylesheets come from a build of their own: they are inputs too.
    expect(Object.keys(inputs).some((file) => file.endsWith('.css'))).toBe(true)
    expect(Object.values(inputs).every((hash) => hash.length > 0)).toBe(true)
    expect(existsSync(built.script)).toBe(true)
  }, 180_000)

  it('gives the last build back, untouched, when nothing changed', async () => {
    const first = await readRecord()
    await leaveMark()
    const again = await buildWebOnce({ outDir })
    expect(marked()).toBe(true)
    expect(again).toEqual(first.built)
    expect(await readRecord()).toEqual(first)
  }, 180_000)

  it('builds again when a file it was built from changed', async () => {
    const record = JSON.parse(await readFile(buildRecordOf(outDir), 'utf8')) as BuildRecord
    const source = resolve('web/src/main.tsx')
    // As if main.tsx had been edited since: its recorded hash no longer matches the file.
    await writeFile(buildRecordOf(outDir), JSON.stringify({ ...record, inputs: { ...record.inputs, [source]: 'edited' } }))
    await leaveMark()
    await buildWebOnce({ outDir })
    expect(marked()).toBe(false)
    expect((await readRecord()).inputs[source]).not.toBe('edited')
  }, 180_000)

  it('builds again when its output is gone, or when no build finished (no record)', async () => {
    await rm(join(outDir, 'index.html'))
    await buildWebOnce({ outDir })
    expect(existsSync(join(outDir, 'index.html'))).toBe(true)
    await rm(buildRecordOf(outDir))
    await leaveMark()
    await buildWebOnce({ outDir })
    expect(marked()).toBe(false)
    expect(existsSync(buildRecordOf(outDir))).toBe(true)
  }, 360_000)
})
