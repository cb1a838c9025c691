import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Manifest, SourceFile } from './import-graph.ts'
import { checkArchitecture, type Project } from './layers.ts'

const root = resolve(import.meta.dirname, '../..')

const sourcesUnder = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'node_modules' || name === 'dist') return []
    if (statSync(join(root, path)).isDirectory()) return sourcesUnder(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })

const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Manifest

/** The project as it is on disk: the sources the architecture covers and every package.json. */
const readProject = (): Project => {
  const workspaces = readdirSync(join(root, 'packages')).map((name) => `packages/${name}`)
  const paths = [...workspaces.map((dir) => `${dir}/src`), 'functions', 'infra', 'web/src', 'test/support'].flatMap(sourcesUnder)
  return {
    files: [...paths, 'web/build.ts'].map((path) => ({
      path: relative(root, join(root, path)),
      text: readFileSync(join(root, path), 'utf8'),
    })),
    manifests: Object.fromEntries([
      ['', readJson('package.json')],
      ...workspaces.map((dir) => [dir, readJson(`${dir}/package.json`)]),
    ]),
  }
}

/**
 * The contracts' package.json belongs to the branch that is reshaping the contracts; until it
 * declares zod there, that one declaration is taken as read.
 */
describe('the architecture', () => {
  it('holds: no circles, imports point inward, dependencies declared, env read at the edge and never changed', () => {
    expect(checkArchitecture(readProject())).toEqual([])
  })
})

/** A small project: a core module, an api module and their package.json files. */
const fixture = (files: Record<string, string>, manifests: Record<string, Manifest> = {}): Project => ({
  files: Object.entries(files).map(([path, text]): SourceFile => ({ path, text })),
  manifests: {
    '': { name: 'root', dependencies: { hono: '1' } },
    'packages/core': { name: '@market/core', exports: { '.': './src/index.ts', './*': './src/*.ts' } },
    'packages/contracts': { name: '@market/contracts', exports: { '.': './src/index.ts', './*': './src/*.ts' } },
    'packages/api': {
      name: '@market/api',
      exports: { '.': './src/index.ts', './*': './src/*.ts' },
      dependencies: { '@market/core': '*', hono: '1' },
    },
    ...manifests,
  },
})

const rulesBroken = (project: Project) => checkArchitecture(project).map((violation) => violation.rule)

describe('the architecture check', () => {
  it('reports an outward import: core may not use hono', () => {
    const violations = checkArchitecture(
      fixture({ 'packages/core/src/rules.ts': "import { Hono } from 'hono'\nexport const app = new Hono()\n" }),
    )
    expect(violations).toContainEqual({
      rule: 'imports point inward',
      where: 'packages/core/src/rules.ts:1',
      message: 'core may not import hono (hono)',
    })
  })

  it('reports a circle, even one closed by a type-only import', () => {
    const violations = checkArchitecture(
      fixture({
        'packages/core/src/index.ts': "export * as Orders from './orders.ts'\n",
        'packages/core/src/orders.ts': "import type { Orders } from './index.ts'\nexport type Order = Orders.Order\n",
      }),
    )
    expect(violations).toEqual([
      {
        rule: 'no circles',
        where: 'packages/core/src/index.ts',
        message: 'packages/core/src/index.ts → packages/core/src/orders.ts → packages/core/src/index.ts',
      },
    ])
  })

  it('reports a package that package.json does not declare, workspace packages included', () => {
    const violations = checkArchitecture(
      fixture({
        'packages/api/src/app.ts': "import { z } from 'zod'\nimport type { Rule } from '@market/contracts'\n",
        'packages/contracts/src/index.ts': "export type Rule = 'x'\n",
      }),
    )
    expect(violations.filter((violation) => violation.rule === 'dependencies declared')).toEqual([
      {
        rule: 'dependencies declared',
        where: 'packages/api/src/app.ts:1',
        message: 'zod is not declared in packages/api/package.json',
      },
      {
        rule: 'dependencies declared',
        where: 'packages/api/src/app.ts:2',
        message: '@market/contracts is not declared in packages/api/package.json',
      },
    ])
  })

  it('lets the web import only zod-free contracts at run time, and types of the rest', () => {
    const web = (text: string) => rulesBroken(fixture({ 'web/src/page.tsx': text }))
    expect(web("import type { AccountsApp } from '@market/api'\nimport type { Order } from '@market/contracts'\n")).toEqual([])
    expect(web("import { totalFen } from '@market/contracts/units'\nimport { hc } from 'hono/client'\n")).toEqual([])
    expect(web("import { Order } from '@market/contracts'\n")).toEqual(['imports point inward'])
    expect(web("import { type Order } from '@market/contracts'\n")).toEqual(['imports point inward'])
    expect(web("import { Hono } from 'hono'\n")).toEqual(['imports point inward'])
  })

  it('keeps test/ and infra/ out of reach, and packages reached by name', () => {
    expect(rulesBroken(fixture({ 'functions/deps.ts': "import { fake } from '../test/support/fake.ts'\n" }))).toEqual([
      'imports point inward',
    ])
    expect(rulesBroken(fixture({ 'functions/deps.ts': "import { Stack } from '../infra/stack.ts'\n" }))).toEqual([
      'imports point inward',
    ])
    expect(rulesBroken(fixture({ 'functions/deps.ts': "import { rules } from '../packages/core/src/rules.ts'\n" }))).toEqual([
      'packages by name',
    ])
  })

  it('lets only the composition roots read process.env, and nobody change it', () => {
    const read = 'export const table = process.env.TABLE_NAME\n'
    expect(rulesBroken(fixture({ 'packages/core/src/config.ts': read }))).toEqual(['environment read at the edge'])
    expect(rulesBroken(fixture({ 'functions/config.ts': read }))).toEqual([])
    for (const write of [
      "process.env.TABLE_NAME = 'x'\n",
      "process.env.AWS_REGION ??= 'x'\n",
      'delete process.env.TABLE_NAME\n',
      "Object.assign(process.env, { A: 'b' })\n",
    ]) {
      expect(rulesBroken(fixture({ 'functions/start.ts': write })), write).toEqual(['environment left alone'])
    }
  })

  it('follows literal import() and refuses computed ones', () => {
    expect(rulesBroken(fixture({ 'packages/core/src/lazy.ts': "export const load = () => import('hono')\n" }))).toEqual([
      'imports point inward',
      'dependencies declared',
    ])
    expect(rulesBroken(fixture({ 'functions/load.ts': 'export const load = (entry: string) => import(entry)\n' }))).toEqual([
      'imports are named',
    ])
  })
})
