import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Prints each esbuild-bundled function's size after `cdk synth`, from the templates and asset
 * folders in cdk.out. Only assets holding an index.mjs are ours; CDK's own handlers are skipped.
 */
const outDir = process.argv[2] ?? 'cdk.out'
type Resource = { Type: string; Metadata?: Record<string, string> }
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

const templates = readdirSync(outDir).filter((file) => file.endsWith('.template.json'))
const rows: string[][] = []
for (const file of templates) {
  const { Resources = {} } = JSON.parse(readFileSync(join(outDir, file), 'utf8')) as { Resources?: Record<string, Resource> }
  for (const resource of Object.values(Resources)) {
    const assetPath = resource.Metadata?.['aws:asset:path']
    const cdkPath = resource.Metadata?.['aws:cdk:path']
    if (resource.Type !== 'AWS::Lambda::Function' || !assetPath || !cdkPath) continue
    const bundle = join(outDir, assetPath, 'index.mjs')
    if (!existsSync(bundle)) continue
    const map = `${bundle}.map`
    // Chunks hold code shared with, or imported on demand by, the handler (infra/lambda-bundle.ts); `npm run bench` tells which load at start.
    const chunksDir = join(outDir, assetPath, 'chunks')
    const chunks = existsSync(chunksDir) ? readdirSync(chunksDir).filter((file) => file.endsWith('.mjs')) : []
    const chunkBytes = chunks.reduce((total, file) => total + statSync(join(chunksDir, file)).size, 0)
    rows.push([
      cdkPath.replace(/\/Resource$/, ''),
      kb(statSync(bundle).size),
      chunks.length > 0 ? `${kb(chunkBytes)} in ${chunks.length}` : '-',
      existsSync(map) ? kb(statSync(map).size) : '-',
    ])
  }
}
if (rows.length === 0) {
  console.error(`No esbuild bundles found in ${outDir}; was bundling skipped?`)
  process.exit(1)
}
const header = ['function', 'index.mjs', 'chunks/', 'source map of index.mjs']
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)))
for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '))
