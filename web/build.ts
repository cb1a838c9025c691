import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { build } from 'esbuild'

const webRoot = import.meta.dirname

/**
 * Bundles the single-page app with esbuild into `outDir`: hashed JS and CSS plus an index.html
 * that names them. Everything is served from our own origin; nothing is fetched from a CDN.
 * Returns esbuild's metafile (what went into each output), for the tests that guard the bundle.
 */
export const buildWeb = async ({ outDir, minify = true }: { outDir: string; minify?: boolean }) => {
  const out = resolve(outDir)
  await rm(out, { recursive: true, force: true })
  await mkdir(out, { recursive: true })
  const result = await build({
    entryPoints: [join(webRoot, 'src', 'main.tsx')],
    outdir: join(out, 'assets'),
    entryNames: '[name]-[hash]',
    bundle: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'safari16'],
    minify,
    // Chinese and Tibetan text as UTF-8 rather than \u escapes: the catalogs shrink by a quarter, and
    // a module script is always read as UTF-8, whatever the server says.
    charset: 'utf8',
    sourcemap: true,
    metafile: true,
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx/dom',
    tsconfig: resolve(webRoot, '..', 'tsconfig.json'),
    logLevel: 'warning',
  })
  const outputs = Object.keys(result.metafile.outputs).map((file) => basename(file))
  const script = outputs.find((file) => file.endsWith('.js'))
  const style = outputs.find((file) => file.endsWith('.css'))
  if (!script || !style) throw new Error('The web build produced no script or stylesheet')
  const template = await readFile(join(webRoot, 'index.html'), 'utf8')
  await writeFile(
    join(out, 'index.html'),
    template.replace('%STYLE%', `/assets/${style}`).replace('%SCRIPT%', `/assets/${script}`),
  )
  return { metafile: result.metafile, script: join(out, 'assets', script), style: join(out, 'assets', style) }
}
