/**
 * The pure parts of `npm run bench`: statistics, the request log's per-request DynamoDB costs, the
 * markdown table and the README section it replaces. No I/O here, so a unit test covers it all.
 */

export const median = (values: readonly number[]) => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

export const round = (value: number, digits = 0) => {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}

/** DynamoDB's cost of the API requests of one route: per request, on average and at most. */
export type DynamoCost = {
  requests: number
  dynamoCallsPerRequest: number
  maxDynamoCalls: number
  itemsReadPerRequest: number
  maxItemsRead: number
}

type RequestLine = {
  msg?: unknown
  method?: unknown
  route?: unknown
  status?: unknown
  dynamoCalls?: unknown
  dynamoItemsRead?: unknown
}

/** The request log's request lines (one JSON object a line, other output ignored), each with its `METHOD /route`. */
const requestLines = (log: string) =>
  log.split('\n').flatMap((text) => {
    if (!text.startsWith('{')) return []
    let line: RequestLine
    try {
      line = JSON.parse(text) as RequestLine
    } catch {
      return []
    }
    if (line.msg !== 'request' || typeof line.route !== 'string') return []
    return [{ key: `${typeof line.method === 'string' ? line.method : 'GET'} ${line.route}`, line }]
  })

/** How many requests of `route` (`METHOD /route`) the log holds, answered or failed. */
export const requestsLogged = (log: string, route: string) => requestLines(log).filter(({ key }) => key === route).length

/**
 * The request log's lines summed by route: how many DynamoDB calls and items read each request of
 * the route cost. Only answered requests (below 500) count; `routes` limits it to the routes asked about.
 */
export const dynamoCostsByRoute = (log: string, routes?: ReadonlySet<string>): Map<string, DynamoCost> => {
  const byRoute = new Map<string, { calls: number[]; items: number[] }>()
  for (const { key, line } of requestLines(log)) {
    if (typeof line.dynamoCalls !== 'number') continue
    if (typeof line.status !== 'number' || line.status >= 500) continue
    if (routes && !routes.has(key)) continue
    const entry = byRoute.get(key) ?? { calls: [], items: [] }
    entry.calls.push(line.dynamoCalls)
    entry.items.push(typeof line.dynamoItemsRead === 'number' ? line.dynamoItemsRead : 0)
    byRoute.set(key, entry)
  }
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
  return new Map(
    [...byRoute].map(([route, { calls, items }]) => [
      route,
      {
        requests: calls.length,
        dynamoCallsPerRequest: round(sum(calls) / calls.length, 2),
        maxDynamoCalls: Math.max(...calls),
        itemsReadPerRequest: round(sum(items) / items.length, 1),
        maxItemsRead: Math.max(...items),
      },
    ]),
  )
}

/** A markdown table; numbers right-aligned. */
export const markdownTable = (header: readonly string[], rows: readonly (readonly (string | number)[])[]) => {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : cell)))
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] !== 'string'))
  const widths = header.map((title, column) => Math.max(title.length, 3, ...cells.map((row) => row[column]?.length ?? 0)))
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, column) => (numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join(' | ')} |`
  const rule = `| ${widths.map((width, column) => (numeric[column] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`
  return [line(header), rule, ...cells.map(line)].join('\n')
}

export const benchSectionStart = '<!-- bench:start (written by npm run bench) -->'
export const benchSectionEnd = '<!-- bench:end -->'

/** The README with its bench section (between the markers) replaced by `section`. */
export const replaceBenchSection = (readme: string, section: string) => {
  const start = readme.indexOf(benchSectionStart)
  const end = readme.indexOf(benchSectionEnd)
  if (start < 0 || end < start) throw new Error(`The README has no bench section (${benchSectionStart} … ${benchSectionEnd})`)
  return `${readme.slice(0, start + benchSectionStart.length)}\n${section.trim()}\n${readme.slice(end)}`
}
