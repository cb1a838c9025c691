import { createHash } from 'node:crypto'
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { isDeepStrictEqual, promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { type BuildOptions, build, type Plugin } from 'esbuild'

const webRoot = import.meta.dirname
const gzipped = promisify(gzip)
const brotlied = promisify(brotliCompress)

/** What the server sends compressed: the text files, each written beside itself as .gz and .br. */
const compressible = /\.(js|css|html|svg|json)$/

/** Writes `file.gz` and `file.br` at the highest levels: done once per build, read on every request. */
const precompress = async (file: string) => {
  const content = await readFile(file)
  await Promise.all([
    gzipped(content, { level: 9 }).then((packed) => writeFile(`${file}.gz`, packed)),
    brotlied(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }).then((packed) => writeFile(`${file}.br`, packed)),
  ])
}

type Metafile = Awaited<ReturnType<typeof buildWeb>>['metafile']

/** An output and every chunk it imports statically, however deep: what loads with it. */
const withStaticImports = (metafile: Metafile, path: string, found = new Set<string>()): Set<string> => {
  if (found.has(path)) return found
  found.add(path)
  for (const imported of metafile.outputs[path]?.imports ?? []) {
    if (imported.kind === 'import-statement') withStaticImports(metafile, imported.path, found)
  }
  return found
}

/** CSS imports add nothing to the split script: the one stylesheet carries them. */
const stylesElsewhere: Plugin = {
  name: 'styles-elsewhere',
  setup: (builder) => {
    builder.onResolve({ filter: /\.css$/ }, (args) => ({ path: args.path, namespace: 'styles-elsewhere' }))
    builder.onLoad({ filter: /.*/, namespace: 'styles-elsewhere' }, () => ({ contents: '', loader: 'js' }))
  },
}

/**
 * Bundles the single-page app with esbuild into `outDir`: hashed JS and CSS plus an index.html
 * that names them, each text file also precompressed (gzip and brotli). Pages and language
 * catalogs are chunks of their own, loaded when first needed. Everything is served from our own
 * origin; nothing is fetched from a CDN. Returns esbuild's metafile (what went into each output),
 * for the tests and the budget script that guard the bundle.
 */
export const buildWeb = async ({ outDir, minify = true }: { outDir: string; minify?: boolean }) => {
  const out = resolve(outDir)
  await rm(out, { recursive: true, force: true })
  await mkdir(out, { recursive: true })
  const common: BuildOptions = {
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
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx/dom',
    tsconfig: resolve(webRoot, '..', 'tsconfig.json'),
    logLevel: 'warning',
  }
  // The styles stay one stylesheet, in the order the app imports them (a page chunk's own CSS would
  // otherwise need loading by hand): a build of its own, keeping only the CSS.
  const styles = await build({ ...common, metafile: true, write: false })
  const styleFiles = styles.outputFiles.filter((file) => /\.css(\.map)?$/.test(file.path))
  await mkdir(join(out, 'assets'), { recursive: true })
  await Promise.all(styleFiles.map((file) => writeFile(file.path, file.contents)))
  const stylePath = styleFiles.find((file) => file.path.endsWith('.css'))?.path
  // The script: split per page and per language, each chunk loaded when first needed.
  const result = await build({
    ...common,
    metafile: true,
    chunkNames: '[name]-[hash]',
    splitting: true,
    plugins: [stylesElsewhere],
  })
  const outputs = Object.entries(result.metafile.outputs)
  const entryPath = outputs.find(([, output]) => output.entryPoint?.endsWith('main.tsx'))?.[0]
  if (!entryPath || !stylePath) throw new Error('The web build produced no script or stylesheet')
  const script = basename(entryPath)
  const style = basename(stylePath)
  // The chunks the entry imports, fetched beside it rather than one round trip after it.
  const preload = [...withStaticImports(result.metafile, entryPath)]
    .filter((path) => path !== entryPath)
    .map((path) => `<link rel="modulepreload" href="/assets/${basename(path)}" />`)
  const template = await readFile(join(webRoot, 'index.html'), 'utf8')
  await writeFile(
    join(out, 'index.html'),
    template
      .replace('%STYLE%', `/assets/${style}`)
      .replace('%SCRIPT%', `/assets/${script}`)
      .replace('%PRELOAD%', preload.join('\n    ')),
  )
  const files = [join(out, 'index.html'), stylePath, ...outputs.map(([path]) => resolve(path))].filter((file) =>
    compressible.test(file),
  )
  await Promise.all(files.map(precompress))
  return {
    metafile: result.metafile,
    outDir: out,
    script: join(out, 'assets', script),
    style: join(out, 'assets', style),
    /** Every file the build read: the sources of both builds, the page template, the build itself. */
    inputs: [...new Set([...Object.keys(styles.metafile.inputs), ...Object.keys(result.metafile.inputs)])]
      .filter((path) => !path.includes(':'))
      .map((path) => resolve(path))
      .concat(join(webRoot, 'index.html'), import.meta.filename, common.tsconfig as string, esbuildPackage),
  }
}

const esbuildPackage = createRequire(import.meta.url).resolve('esbuild/package.json')

/** Each file's hash ('' for a file that is gone), to tell whether a build's inputs changed since. */
const hashes = async (files: string[]) =>
  Object.fromEntries(
    await Promise.all(
      files.map(async (file) => [
        file,
        await readFile(file).then(
          (content) => createHash('sha256').update(content).digest('base64url'),
          () => '',
        ),
      ]),
    ),
  )

type Built = Awaited<ReturnType<typeof buildWeb>>
type BuildRecord = { minify: boolean; inputs: Record<string, string>; built: Built }

/** What a build into `out` read and made, kept beside it (not in it: everything in it is served). */
export const buildRecordOf = (out: string) => join(dirname(out), `.${basename(out)}.build.json`)

/**
 * The web app in `outDir` as `buildWeb` makes it, built only when something it was built from
 * changed since (or its output is gone): `npm start` need not wait for esbuild and brotli each time.
 */
export const buildWebOnce = async ({ outDir, minify = true }: { outDir: string; minify?: boolean }): Promise<Built> => {
  const out = resolve(outDir)
  const record = buildRecordOf(out)
  const previous = await readFile(record, 'utf8').then(
    (text) => JSON.parse(text) as BuildRecord,
    () => undefined,
  )
  if (previous?.minify === minify && previous.built.outDir === out) {
    const { built } = previous
    const present = await Promise.all([join(out, 'index.html'), built.script, built.style].map((file) => access(file))).then(
      () => true,
      () => false,
    )
    if (present && isDeepStrictEqual(await hashes(Object.keys(previous.inputs)), previous.inputs)) return built
  }
  // No record while building: a build cut short is never taken for a finished one.
  await rm(record, { force: true })
  const built = await buildWeb({ outDir: out, minify })
  await writeFile(record, JSON.stringify({ minify, inputs: await hashes(built.inputs), built } satisfies BuildRecord))
  return built
}

export type PageWeight = { page: string; files: string[]; jsGzip: number; cssGzip: number }

/**
 * What the browser fetches to show each page in `locale`, as sent compressed (the .gz files the
 * build wrote): the entry script, the page's chunk and the locale's catalog, each with the chunks
 * it imports statically, plus the one stylesheet.
 */
export const pageWeights = async (
  { metafile, outDir, style }: Pick<Awaited<ReturnType<typeof buildWeb>>, 'metafile' | 'outDir' | 'style'>,
  locale = 'zh-CN',
): Promise<PageWeight[]> => {
  const outputs = metafile.outputs
  const byEntry = (test: (entryPoint: string) => boolean) =>
    Object.keys(outputs).filter((path) => test(outputs[path]?.entryPoint ?? '\0'))
  const withImports = (path: string, found?: Set<string>) => withStaticImports(metafile, path, found)
  const gzipSize = async (path: string) => (await readFile(`${resolve(path)}.gz`)).length
  const [main] = byEntry((entry) => entry.endsWith('src/main.tsx'))
  const [catalog] = byEntry((entry) => entry.endsWith(`src/i18n/${locale}.ts`))
  if (!main || !catalog) throw new Error(`The build has no entry script or no ${locale} catalog`)
  const cssGzip = (await readFile(`${style}.gz`)).length
  return Promise.all(
    byEntry((entry) => entry.includes('src/pages/')).map(async (pagePath) => {
      const files = [...withImports(pagePath, withImports(catalog, withImports(main)))]
      const sizes = await Promise.all(files.map(gzipSize))
      return {
        page: basename(outputs[pagePath]?.entryPoint ?? pagePath, '.tsx'),
        files: files.map((file) => relative(outDir, resolve(file))),
        jsGzip: sizes.reduce((sum, size) => sum + size, 0),
        cssGzip,
      }
    }),
  )
}
