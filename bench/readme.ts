/**
 * The README's bench section from bench/results/latest.json: `npm run bench` calls it after a run,
 * and `npm run bench:readme` alone rewrites the section from the last results.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { replaceBenchSection } from './report.ts'
import { type BenchResults, resultsMarkdown } from './results-table.ts'

const root = resolve(import.meta.dirname, '..')

export const updateReadme = async (results: BenchResults) => {
  const path = resolve(root, 'README.md')
  await writeFile(path, replaceBenchSection(await readFile(path, 'utf8'), resultsMarkdown(results)))
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const results = JSON.parse(await readFile(resolve(root, 'bench/results/latest.json'), 'utf8')) as BenchResults
  await updateReadme(results)
}
