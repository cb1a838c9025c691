import { join } from 'node:path'
import type { BuildOptions, Metafile } from 'esbuild'

/**
 * How every Lambda is bundled: by the stack (infra/constructs/market-function.ts), by `npm run
 * bench` and by the bundle tests, from this one list. Minified ESM for Node 22, split: `index.mjs`
 * is the handler, and what it imports only dynamically (Stripe's SDK at the first payment call,
 * the OpenAPI document) goes to files under chunks/ that a cold start that never needs them never
 * reads. The source maps are written beside the files for debugging and never loaded at start
 * (no --enable-source-maps).
 */
export const lambdaBuildOptions = ({ projectRoot, entry, outdir }: { projectRoot: string; entry: string; outdir: string }) =>
  ({
    entryPoints: { index: join(projectRoot, entry) },
    absWorkingDir: projectRoot,
    outdir,
    bundle: true,
    splitting: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    mainFields: ['module', 'main'],
    sourcemap: true,
    // The map points back at the repository's files; embedding their text only bloats the zip.
    sourcesContent: false,
    // An ESM bundle has no `require`; CommonJS dependencies that call it for Node built-ins
    // would fail only at run time, which the assertion tests (bundling skipped) cannot see.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    metafile: true,
    logLevel: 'warning',
  }) satisfies BuildOptions

/** The handler's file in a build's metafile. */
const entryOutput = (metafile: Metafile) => {
  const entry = Object.keys(metafile.outputs).find((path) => /(^|\/)index\.mjs$/.test(path))
  if (!entry) throw new Error('The bundle has no index.mjs')
  return entry
}

/** The output files a cold start loads: the handler and what it imports statically, transitively. */
export const startupOutputs = (metafile: Metafile) => {
  const loaded = new Set<string>()
  const visit = (path: string) => {
    if (loaded.has(path)) return
    loaded.add(path)
    for (const imported of metafile.outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
    }
  }
  visit(entryOutput(metafile))
  return loaded
}

/** The source files whose code a cold start loads (tree-shaken ones, which put no bytes out, left out). */
export const startupInputs = (metafile: Metafile) =>
  [...startupOutputs(metafile)].flatMap((path) =>
    Object.entries(metafile.outputs[path]?.inputs ?? {}).flatMap(([input, { bytesInOutput }]) =>
      bytesInOutput > 0 ? [input] : [],
    ),
  )

/** The source files whose code is in the bundle at all, loaded at start or later. */
export const bundledInputs = (metafile: Metafile) =>
  Object.values(metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs).flatMap(([input, { bytesInOutput }]) => (bytesInOutput > 0 ? [input] : [])),
  )
