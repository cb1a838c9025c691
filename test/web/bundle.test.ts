import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWeb } from '../../web/build.ts'

let outDir: string
let inputs: string[]

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'market-web-bundle-'))
  const { metafile } = await buildWeb({ outDir })
  inputs = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs))
}, 60_000)

afterAll(() => rm(outDir, { recursive: true, force: true }))

describe('the web bundle', () => {
  it('checks by the contracts’ own lists and rules, taken from their zod-free modules', () => {
    expect(inputs).toContain('packages/contracts/src/values.ts')
    expect(inputs).toContain('packages/contracts/src/units.ts')
  })

  it('holds no zod: a run-time import of the contracts’ schemas would put it there', () => {
    expect(inputs.filter((input) => input.includes('node_modules/zod/'))).toEqual([])
    expect(inputs.filter((input) => input.startsWith('packages/contracts/') && !/\/(values|units)\.ts$/.test(input))).toEqual([])
  })
})
